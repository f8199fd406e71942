"""Several agencies' reports of one year summed cell by cell into one regional report.

::

    from gongkai.report.merge import merge, merge_reports
    result = merge([report_a, report_b], agency="某某市")   # MergeResult
    result.report            # the summed Report (tables 二, 三, 四)
    result.contributors      # who was summed, in order
    result.blanks            # cells left blank because some contributor left them blank
    result.warnings          # duplicate agencies, blank cells: one Chinese line each
    merge_reports([report_a, report_b])                     # just the Report

Counts are summed as integers; amounts (万元) exactly, as decimals read from the printed text,
then stored as an int when whole, else a float rounded to four decimals. A cell blank in any
contributor stays blank in the sum (never 0) and is listed. The merged report carries no new
field: its contributors are named in section 一 and in ``source`` (``merge:甲局,乙局``), and its
blank cells are ``cell-blank`` anomalies, so ``check`` reports them like any other blank.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .editions import Edition
from .errors import MergeError
from .model import Anomaly, Cell, Number, Report, Section

# -- agencies ------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
# Administrative divisions a place name ends with: 淮安市 / 洪泽区 / 某某县 …
_DIVISIONS = frozenset("省市区县州盟旗")


def agency_key(name: str) -> str:
    """An agency name compared loosely: full-width forms folded, all white space removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name))


def _is_named_place(key: str) -> bool:
    """Starts with a place name of two characters or more (洪泽区…, not 区…, not 人民政府)."""
    first = next((i for i, ch in enumerate(key) if ch in _DIVISIONS), -1)
    return first >= 2 and len(key) - first > 2


def shorter_forms(key: str) -> Iterator[str]:
    """The same agency named without its higher places: 淮安市洪泽区人民政府 → 洪泽区人民政府."""
    for i, ch in enumerate(key[:-1]):
        if ch in _DIVISIONS and i >= 1:
            rest = key[i + 1 :]
            if _is_named_place(rest):
                yield rest


def same_agency(a: str, b: str) -> bool:
    """Whether two names denote the same agency.

    Equal once white space and full-width forms are folded; or one name is the other preceded
    by the places above it (淮安市洪泽区人民政府 = 洪泽区人民政府). The shorter name must itself
    start with a place name, so 人民政府 never matches 洪泽区人民政府, nor 区财政局 洪泽区财政局.
    """
    ka, kb = agency_key(a), agency_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    long, short = (ka, kb) if len(ka) > len(kb) else (kb, ka)
    return short in set(shorter_forms(long))


# -- exact numbers -------------------------------------------------------------------------

_NOT_NUMBER = re.compile(r"[^0-9.\-]")
_QUANTUM = Decimal("0.0001")


def exact(cell: Cell | None) -> Decimal | None:
    """A cell's value as a decimal, from its printed text when that agrees with the value."""
    if cell is None or cell.value is None:
        return None
    value = cell.value
    if isinstance(value, int):
        return Decimal(value)
    if cell.raw:
        text = _NOT_NUMBER.sub("", unicodedata.normalize("NFKC", cell.raw))
        try:
            printed = Decimal(text)
        except InvalidOperation:
            pass
        else:
            if printed.is_finite() and float(printed) == value:
                return printed
    return Decimal(repr(value))


def number(value: Decimal) -> Number:
    """A decimal stored in a cell: an int when whole, else a float rounded to four decimals."""
    if value == value.to_integral_value():
        return int(value)
    return float(value.quantize(_QUANTUM))


def printed(value: Number) -> str:
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)).normalize(), "f")


# -- the result ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Blank:
    """A cell of the sum left blank, and the contributors that left it blank."""

    table: str  # 二 / 三 / 四
    row: str  # row label ("" for table 四)
    column: str
    agencies: tuple[str, ...]

    def describe(self) -> str:
        where = f"表{self.table}" + (f" {self.row}" if self.row else "") + f"「{self.column}」列"
        return f"{where}：{'、'.join(self.agencies)}未填写，合计留空"


@dataclass(frozen=True, slots=True)
class MergeResult:
    report: Report
    contributors: tuple[str, ...]  # one name per report, in the order given
    blanks: tuple[Blank, ...]
    duplicates: tuple[tuple[str, tuple[int, ...]], ...]  # (name, 1-based positions) of an agency given twice or more

    @property
    def warnings(self) -> list[str]:
        out = [
            f"机关重复：{name}（第{'、'.join(map(str, places))}份报告），其数字被重复相加"
            for name, places in self.duplicates
        ]
        if self.blanks:
            out.append(f"{len(self.blanks)} 个单元格因部分机关未填写而在汇总中留空")
        return out


# -- merging -------------------------------------------------------------------------------


def merge_reports(reports: Sequence[Report], agency: str = "") -> Report:
    """Several agencies' reports of one year and one edition, summed cell by cell."""
    return merge(reports, agency).report


def merge(reports: Sequence[Report], agency: str = "") -> MergeResult:
    """Like ``merge_reports``, with the contributors, the blank cells and the duplicates."""
    if len(reports) < 2:
        raise MergeError(f"至少需要两份报告才能合并（收到 {len(reports)} 份）",
                         f"at least two reports are needed to merge (got {len(reports)})")
    names = tuple(_name(r, i) for i, r in enumerate(reports, start=1))
    first = reports[0]
    for r, name in zip(reports, names, strict=True):
        if r.year != first.year:
            raise MergeError(
                f"不能合并不同年度的报告：{_year(first.year)}（{names[0]}）与 {_year(r.year)}（{name}）",
                f"cannot merge reports of different years: {first.year} ({names[0]}) and {r.year} ({name})",
            )
    for r, name in zip(reports, names, strict=True):
        if r.edition != first.edition:
            raise MergeError(
                f"不能合并不同格式版本的报告：{first.edition} 版（{names[0]}）与 {r.edition} 版（{name}）",
                f"cannot merge reports of different editions: {first.edition} ({names[0]}) and {r.edition} ({name})",
            )
    spec = first.spec
    year = first.year
    blanks: list[Blank] = []
    table2 = _table2(reports, names, spec, blanks)
    table3 = _table3(reports, names, spec, blanks)
    table4 = _table4(reports, names, spec, blanks)
    duplicates = _duplicates(reports)
    region = agency.strip() or f"{names[0]}等{len(reports)}个机关汇总"
    report = Report(
        agency=region,
        year=year,
        edition=first.edition,
        title=f"{region}{year or ''}{'年' if year else ''}政府信息公开工作年度报告（汇总）",
        sections=_sections(spec, year, names, duplicates, blanks),
        table2=table2,
        table3=table3,
        table4=table4,
        period_years=(year,) if year else (),
        anomalies=_anomalies(blanks),
        source="merge:" + ",".join(names),
    )
    return MergeResult(report, names, tuple(blanks), duplicates)


def _name(report: Report, position: int) -> str:
    return report.agency.strip() or report.source or f"第{position}份报告"


def _year(year: int | None) -> str:
    return str(year) if year else "年度不明"


def _sum(cells: list[Cell | None]) -> Cell | None:
    """The sum of the cells, or None when any of them is blank."""
    values = [None if c is None else c.value for c in cells]
    if None in values:
        return None
    if all(type(v) is int for v in values):
        total = sum(values)  # type: ignore[arg-type]
        return Cell(total, str(total))
    amount = Decimal(0)
    for cell in cells:
        amount += exact(cell) or 0
    value = number(amount)
    return Cell(value, printed(value))


def _blank(table: str, row: str, column: str, cells: list[Cell | None], names: tuple[str, ...]) -> Blank:
    who = (n for c, n in zip(cells, names, strict=True) if c is None or c.value is None)
    return Blank(table, row, column, tuple(dict.fromkeys(who)))


_EMPTY = Cell(None)


def _table2(reports: Sequence[Report], names: tuple[str, ...], spec: Edition, blanks: list[Blank]) -> dict[str, dict[str, Cell]]:
    if not any(r.table2 for r in reports):
        return {}
    out: dict[str, dict[str, Cell]] = {}
    for row in spec.table2:
        found = []
        for r in reports:
            cols = r.table2.get(row.key)
            if cols is None:
                cols = next((r.table2[a] for a in row.aliases if a in r.table2), {})
            found.append(cols)
        merged: dict[str, Cell] = {}
        for column in row.columns:
            cells = [cols.get(column) for cols in found]
            total = _sum(cells)
            if total is None:
                blanks.append(_blank("二", row.key, column, cells, names))
                total = _EMPTY
            merged[column] = total
        out[row.key] = merged
    return out


def _table3(reports: Sequence[Report], names: tuple[str, ...], spec: Edition, blanks: list[Blank]) -> tuple[tuple[Cell, ...], ...] | None:
    if all(r.table3 is None for r in reports):
        return None
    width = len(spec.table3_columns)
    missing = (_EMPTY,) * width
    tables = [r.table3 or (missing,) * len(spec.table3) for r in reports]
    rows: list[tuple[Cell, ...]] = []
    for i, row in enumerate(spec.table3):
        column_cells = zip(*(t[i] for t in tables), strict=True)
        merged: list[Cell] = []
        for c, cells in enumerate(column_cells):
            total = _sum(list(cells))
            if total is None:
                blanks.append(_blank("三", row.label, spec.table3_columns[c], list(cells), names))
                total = _EMPTY
            merged.append(total)
        rows.append(tuple(merged))
    return tuple(rows)


def _table4(reports: Sequence[Report], names: tuple[str, ...], spec: Edition, blanks: list[Blank]) -> tuple[Cell, ...] | None:
    if all(r.table4 is None for r in reports):
        return None
    missing = (_EMPTY,) * len(spec.table4_columns)
    merged: list[Cell] = []
    for c, cells in enumerate(zip(*(r.table4 or missing for r in reports), strict=True)):
        total = _sum(list(cells))
        if total is None:
            blanks.append(_blank("四", "", spec.table4_columns[c], list(cells), names))
            total = _EMPTY
        merged.append(total)
    return tuple(merged)


def _duplicates(reports: Sequence[Report]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Agencies given more than once (by ``same_agency``), with their 1-based positions."""
    groups: dict[str, list[int]] = {}  # canonical key → positions
    alias: dict[str, str] = {}  # a key or one of its shorter forms → canonical key
    display: dict[str, str] = {}
    for position, r in enumerate(reports, start=1):
        key = agency_key(r.agency)
        if not key:
            continue
        forms = [key, *shorter_forms(key)]
        canonical = next((alias[f] for f in forms if f in alias), None)
        if canonical is None:
            canonical = key
            groups[canonical] = []
            display[canonical] = r.agency.strip()
        groups[canonical].append(position)
        for f in forms:
            alias.setdefault(f, canonical)
    return tuple((display[k], tuple(p)) for k, p in groups.items() if len(p) > 1)


def _sections(
    spec: Edition,
    year: int | None,
    names: tuple[str, ...],
    duplicates: tuple[tuple[str, tuple[int, ...]], ...],
    blanks: list[Blank],
) -> tuple[Section, ...]:
    opening = f"{year}年，" if year else ""
    one = [f"{opening}本报告由以下{len(names)}个机关的政府信息公开工作年度报告逐格汇总生成：{'、'.join(names)}。"]
    if duplicates:
        one.append("其中重复出现的机关：" + "、".join(name for name, _ in duplicates) + "，其数字按出现次数重复相加。")
    if blanks:
        one.append(f"汇总时有{len(blanks)}个单元格因部分机关未填写而留空（未按 0 计）。")
    texts = {
        "一": "\n".join(one),
        "二": "各机关主动公开政府信息的数字见下表汇总。",
        "三": "各机关收到和处理政府信息公开申请的数字见下表汇总。",
        "四": "各机关政府信息公开行政复议、行政诉讼的数字见下表汇总。",
        "五": "各机关存在的主要问题及改进情况，见各机关的年度报告。",
        "六": "各机关收取信息处理费的情况及其他需要报告的事项，见各机关的年度报告。",
    }
    return tuple(Section(s.number, s.number, s.title, 0, texts[s.number]) for s in spec.sections)


def _anomalies(blanks: list[Blank]) -> tuple[Anomaly, ...]:
    """One ``cell-blank`` anomaly per row with blank cells, so ``check`` lists them."""
    rows: dict[tuple[str, str], list[Blank]] = {}
    for b in blanks:
        rows.setdefault((b.table, b.row), []).append(b)
    out = []
    for (table, row), cells in rows.items():
        who = "、".join(dict.fromkeys(n for b in cells for n in b.agencies))
        column = cells[0].column if len(cells) == 1 else ""
        columns = "、".join(b.column for b in cells)
        out.append(Anomaly(
            kind="cell-blank", table=table, row=row, column=column,
            detail=f"汇总时{who}未填写（{columns}），合计留空",
            detail_en=f"left blank by {len(cells[0].agencies)} contributor(s) ({len(cells)} cell(s)); the sum is blank",
        ))
    return tuple(out)
