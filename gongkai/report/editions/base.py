"""The shape of an edition of the national format, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SectionSpec:
    number: str  # 一 … 六
    title: str  # official heading, verbatim
    title_en: str
    keywords: tuple[str, ...]  # how a heading is recognised when worded differently


@dataclass(frozen=True, slots=True)
class T2Row:
    key: str  # official row label, verbatim (e.g. 行政规范性文件)
    block: str  # 第二十条第（一）项 …
    columns: tuple[str, ...]  # column labels of this row's value cells
    money: tuple[bool, ...]  # per column: an amount (万元), not a count
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class T3Row:
    key: str  # R01 …
    label: str  # official label (level-2 prefix joined for leaves, as in truth files)
    level1: str
    level2: str
    level3: str
    keywords: tuple[str, ...]  # distinctive fragments, matched on normalised text
    group: str = ""  # （三） … for leaves of a group


@dataclass(frozen=True, slots=True)
class Edition:
    name: str  # "2021" | "2019"
    document: str  # the notice that issued it
    sections: tuple[SectionSpec, ...]
    table2: tuple[T2Row, ...]
    table3: tuple[T3Row, ...]
    table3_columns: tuple[str, ...]
    table4_columns: tuple[str, ...]
    # Derived once (rules look them up for every report).
    t3_index: dict[str, int] = field(init=False, compare=False)  # R01 … → row index
    total_row: int = field(init=False, compare=False)  # index of （七）总计
    carry_out_row: int = field(init=False, compare=False)  # index of 四、结转下年度继续办理
    outcome_rows: range = field(init=False, compare=False)  # leaf rows summed by （七）总计

    def __post_init__(self) -> None:
        total = next(i for i, r in enumerate(self.table3) if r.level2.startswith("（七）"))
        object.__setattr__(self, "t3_index", {row.key: i for i, row in enumerate(self.table3)})
        object.__setattr__(self, "total_row", total)
        object.__setattr__(self, "carry_out_row", len(self.table3) - 1)
        object.__setattr__(self, "outcome_rows", range(2, total))
