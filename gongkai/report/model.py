"""The report object: what an annual report says, and where each number came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .editions import EDITIONS, Edition

Number = int | float


class Source(NamedTuple):
    """Where a value was read: the block's line and location, and how it was recovered."""

    line: int
    where: str = ""
    how: str = ""  # "" when read as printed; otherwise a short Chinese note

    def describe(self) -> str:
        place = f"第{self.line}行" + (f"（{self.where}）" if self.where else "")
        return place + (f"，{self.how}" if self.how else "")


class Cell(NamedTuple):
    """One value cell: its number (None when blank or unreadable) and its printed text.

    NamedTuples, not dataclasses: a batch builds hundreds of cells per report."""

    value: Number | None
    raw: str = ""
    source: Source | None = None


BLANK = Cell(None)


@dataclass(frozen=True, slots=True)
class Section:
    """One of the six sections as found: official number, heading as printed, body text."""

    number: str  # 一 … 六 (official)
    printed_number: str  # as printed, "" when unnumbered
    title: str  # heading text as printed
    line: int
    text: str  # body, wrapped lines joined


@dataclass(frozen=True, slots=True)
class Heading:
    """A top-level heading (一、… 十、) in document order, matched to a section or not."""

    number: int
    printed: str
    title: str
    line: int
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Anomaly:
    """Something the reader noticed while reading; a rule turns it into a finding."""

    kind: str  # cell-count | cell-blank | cell-ambiguous | number-invalid | table-missing | cell-recovered
    table: str  # 二 / 三 / 四
    row: str = ""
    column: str = ""
    line: int | None = None
    detail: str = ""
    detail_en: str = ""


@dataclass(frozen=True)
class Report:
    """A whole annual report. Tables hold ``Cell``s in the official order of ``edition``."""

    agency: str
    year: int | None
    edition: str
    title: str = ""
    sections: tuple[Section, ...] = ()
    headings: tuple[Heading, ...] = ()
    table2: dict[str, dict[str, Cell]] = field(default_factory=dict)
    table3: tuple[tuple[Cell, ...], ...] | None = None
    table4: tuple[Cell, ...] | None = None
    period_years: tuple[int, ...] = ()  # years named in the statistics period (统计期限)
    anomalies: tuple[Anomaly, ...] = ()
    source: str = ""  # file name or other identity

    @property
    def spec(self) -> Edition:
        return EDITIONS[self.edition]

    def section(self, number: str) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)

    def t3(self, row: int, col: int) -> Number | None:
        if self.table3 is None:
            return None
        return self.table3[row][col].value

    def t3_row(self, key: str) -> tuple[Cell, ...] | None:
        if self.table3 is None:
            return None
        return self.table3[self.spec.t3_index[key]]

    def t4(self, index: int) -> Number | None:
        return None if self.table4 is None else self.table4[index].value

    def table3_values(self) -> list[list[Number | None]] | None:
        if self.table3 is None:
            return None
        return [[c.value for c in row] for row in self.table3]

    def table4_values(self) -> list[Number | None] | None:
        return None if self.table4 is None else [c.value for c in self.table4]

    def table2_values(self) -> dict[str, dict[str, Number | None]]:
        return {row: {col: cell.value for col, cell in cols.items()} for row, cols in self.table2.items()}
