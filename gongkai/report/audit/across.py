"""The checks across reports, which the rule catalogue (one report at a time) cannot make.

Carry-over: a report's 上年结转 against the 结转下年度 of the same agency's report for the year
before, found by loosely compared agency name (``merge.agency_key``); the comparison is the
catalogue's ``carryover-mismatch`` rule itself. Consolidation: with a hierarchy file, a parent
agency's report against the cell-by-cell sum of its sub-agencies' reports of the same year
(``AgencyIndex`` finds them, higher places in the name optional). Both work from what the cache
keeps in memory for every file and read a full cache line only when they need its tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..check import check
from ..editions import EDITIONS
from ..errors import MergeError
from ..findings import Finding, Location, Severity
from ..merge import agency_key, merge_reports, shorter_forms
from ..model import BLANK, Cell, Number, Report
from ..rules._util import fmt
from .cache import Cache
from .discover import Target
from .work import Carry, carry_of, finding_dict


@dataclass(frozen=True, slots=True)
class AuditRule:
    """A check across reports: not in the rule catalogue, which checks one report at a time."""

    id: str
    severity: Severity
    title: str
    doc: str


AUDIT_RULES = {
    "consolidation-mismatch": AuditRule(
        "consolidation-mismatch", Severity.ERROR, "汇总报告与下级机关报告之和不一致",
        "按 --hierarchy 文件，上级机关的汇总报告（表三、表四）应等于其下级机关报告的逐格之和。"
        "下级机关报告不全时，只报告连已有下级之和都已超过汇总数的单元格。",
    ),
    "consolidation-incomplete": AuditRule(
        "consolidation-incomplete", Severity.WARNING, "汇总报告的下级机关报告不全",
        "按 --hierarchy 文件，上级机关的汇总报告有对应年度，但缺少部分下级机关的报告，汇总核对只能部分进行。",
    ),
}


class Across:
    """The checks across reports, from what the cache keeps in memory for every file.

    Carry-over is checked while the outputs are written (nothing to hold in between);
    consolidation, bounded by the hierarchy file, is computed beforehand. ``touches`` tells,
    from memory alone, the files that may have findings across reports: only those need their
    cache line read back.
    """

    def __init__(self, targets: Sequence[Target], store: Cache, tree: dict[str, list[str]] | None) -> None:
        self.carry = store.carry
        present = [(t.key, store.carry[t.key]) for t in targets if t.key in store.carry]
        self.first: dict[tuple[str, int], Carry] = {}
        for _, carry in present:
            self.first.setdefault((carry.agency, carry.year), carry)
        self.consolidation: dict[str, list[dict[str, str]]] = {}
        if tree:
            for key, finding in consolidation_findings(present, tree, store):
                self.consolidation.setdefault(key, []).append(finding_dict(finding))

    def touches(self, key: str) -> bool:
        """Whether ``findings`` may find anything for this file: a report of the same agency for
        the year before (carry-over, as ``carryover_findings`` requires), or a consolidation finding."""
        if key in self.consolidation:
            return True
        carry = self.carry.get(key)
        if carry is None or carry.carry_out is None:  # no agency or year, or no table 三
            return False
        prev = self.first.get((carry.agency, carry.year - 1))
        return prev is not None and prev.carry_out is not None

    def findings(self, key: str, record: dict[str, Any]) -> list[dict[str, str]]:
        found = [finding_dict(f) for f in carryover_findings(record, self.first)]
        return found + self.consolidation.get(key, [])

    def findings_of_rendered(self, key: str, agency: str, carry_in: Sequence[Number | None] | None) -> list[dict[str, str]]:
        """``findings`` for a file a worker rendered, from its printed agency name and its
        二、上年结转 row (spooled with it) instead of its cache line."""
        carry = self.carry.get(key)
        found = [] if carry is None or carry_in is None else carryover_between(agency, carry, carry_in, self.first)
        return [finding_dict(f) for f in found] + self.consolidation.get(key, [])


def carryover_findings(record: dict[str, Any], first: dict[tuple[str, int], Carry]) -> list[Finding]:
    """A report against the first report of the same agency for the year before (see
    ``carryover_between``)."""
    carry = carry_of(record)
    if carry is None or record.get("t3") is None:
        return []
    return carryover_between(record["agency"], carry, record["t3"][1], first)


def carryover_between(agency: str, carry: Carry, carry_in: Sequence[Number | None],
                      first: dict[tuple[str, int], Carry]) -> list[Finding]:
    """A report (its printed agency name, ``Carry`` and 二、上年结转 row) against the first report
    of the same agency for the year before.

    The comparison is the catalogue's ``carryover-mismatch`` rule itself, run on two reports
    holding only the rows it reads."""
    prev = first.get((carry.agency, carry.year - 1))
    if prev is None or prev.carry_out is None:
        return []
    this = _rows_report(agency, carry.year, carry.edition, 1, carry_in)
    last = _rows_report("", prev.year, prev.edition, EDITIONS[prev.edition].carry_out_row, prev.carry_out)
    return check(this, last, select={"carryover-mismatch"})


def _rows_report(agency: str, year: int, edition: str, row: int, values: Sequence[Number | None]) -> Report:
    spec = EDITIONS[edition]
    rows = [(BLANK,) * len(spec.table3_columns)] * len(spec.table3)
    rows[row] = tuple(Cell(v) for v in values)
    return Report(agency=agency, year=year, edition=edition, table3=tuple(rows))


class AgencyIndex:
    """Reports by agency name compared loosely (``merge.agency_key``, higher places optional)."""

    def __init__(self, present: Iterable[tuple[str, Carry]]) -> None:
        self.by_form: dict[str, list[tuple[str, Carry]]] = {}
        for entry in present:
            for form in (entry[1].agency, *shorter_forms(entry[1].agency)):
                self.by_form.setdefault(form, []).append(entry)

    def find(self, name: str, year: int) -> tuple[str, Carry] | None:
        key = agency_key(name)
        for form in (key, *shorter_forms(key)):
            for entry in self.by_form.get(form, ()):
                if entry[1].year == year:
                    return entry
        return None


def consolidation_findings(present: Sequence[tuple[str, Carry]], tree: dict[str, list[str]], store: Cache) -> Iterator[tuple[str, Finding]]:
    """Each parent's report of a year against the sum of its sub-agencies' reports of that year."""
    index = AgencyIndex(present)
    for parent_name, children in tree.items():
        key = agency_key(parent_name)
        parents = [(k, c) for k, c in present if c.agency == key or key in shorter_forms(c.agency)]
        for parent, carry in parents:
            found = [(name, index.find(name, carry.year)) for name in children]
            parts = [entry[0] for _, entry in found if entry is not None and entry[0] != parent]
            missing = [name for name, entry in found if entry is None]
            record = store.read(parent)
            for finding in compare_consolidated(record, parts, missing, store):
                yield parent, finding.with_fingerprint(f"{record['agency']}|{record['year']}")


def compare_consolidated(parent: dict[str, Any], present: Sequence[str], missing: Sequence[str], store: Cache) -> Iterator[Finding]:
    incomplete = AUDIT_RULES["consolidation-incomplete"]
    year = parent["year"]
    if missing:
        names = "、".join(missing)
        yield Finding(incomplete.id, incomplete.severity,
                      f"缺少 {len(missing)} 个下级机关 {year} 年的报告：{names}；汇总核对只能部分进行",
                      f"{len(missing)} sub-agency report(s) of {year} missing: {names}",
                      Location(section="三"))
    if not present:
        return
    try:
        parts = [record_report(store.read(key)) for key in present]
        total = parts[0] if len(parts) == 1 else merge_reports(parts)
    except MergeError as exc:
        yield Finding(incomplete.id, incomplete.severity, f"无法汇总下级机关的报告：{exc.message}",
                      f"cannot sum the sub-agencies' reports: {exc.message_en}", Location(section="三"))
        return
    mine = record_report(parent)
    if mine.edition != total.edition:
        yield Finding(incomplete.id, incomplete.severity,
                      f"汇总报告为 {mine.edition} 版格式，下级机关报告为 {total.edition} 版，无法逐格核对",
                      f"the consolidated report is edition {mine.edition}, the sub-agencies' {total.edition}",
                      Location(section="三"))
        return
    yield from _cell_differences(mine, total, bool(missing), len(present))


def _cell_differences(mine: Report, total: Report, partial: bool, parts: int) -> Iterator[Finding]:
    rule = AUDIT_RULES["consolidation-mismatch"]
    spec = mine.spec
    cells: list[tuple[Location, Number | None, Number | None]] = []
    if mine.table3 is not None and total.table3 is not None:
        for i, row in enumerate(spec.table3):
            for c, column in enumerate(spec.table3_columns):
                cells.append((Location(table="三", row=row.label, column=column), mine.t3(i, c), total.t3(i, c)))
    if mine.table4 is not None and total.table4 is not None:
        for c, column in enumerate(spec.table4_columns):
            cells.append((Location(table="四", column=column), mine.t4(c), total.t4(c)))
    for where, have, want in cells:
        if have is None or want is None or have == want or (partial and have > want):
            continue
        scope = f"已有的 {parts} 个下级机关报告之和" if partial else f"{parts} 个下级机关报告之和"
        yield Finding(rule.id, rule.severity,
                      f"汇总报告为 {fmt(have)}，{scope}为 {fmt(want)}",
                      f"consolidated report {fmt(have)}, sum of {parts} sub-agency report(s) {fmt(want)}",
                      where)


def record_report(record: dict[str, Any]) -> Report:
    """A Report holding only the tables of a cache line (for sums and comparisons)."""
    t3, t4 = record.get("t3"), record.get("t4")
    return Report(
        agency=record.get("agency") or "", year=record.get("year"), edition=record["edition"],
        table3=None if t3 is None else tuple(tuple(Cell(v) for v in row) for row in t3),
        table4=None if t4 is None else tuple(Cell(v) for v in t4),
        source=record["key"],
    )
