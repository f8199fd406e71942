"""Table 三: rows anchored by their labels, unlabeled rows placed by order between anchors.

PDF and OCR output often loses a row's label (it wrapped onto lines of its own, sometimes
printed out of order) while the row's numbers keep their top-to-bottom order. A row whose
label matches is an anchor; numbers rows without a label fill the official rows between two
anchors only when their count equals the gap. Labels are never counted, numbers never shift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..editions import Edition
from ..model import Anomaly, Cell, Source
from .cells import fit, make_cells
from .lines import Line
from .recover import candidates

_OTHER_LEAF = re.compile(r"(?:^|[\d.、)）])其他$")
_COLLAPSED_OTHER = "其他处理"
# A row labelled only with a group (（三）不予公开, （六）其他处理 …): a subtotal, not a leaf.
_GROUP_ROW = re.compile(r"^(?:三、?本年度办理结果)?\((?:三|四|五|六)\)(?:不予公开|无法提供|不予处理|其他处理)(?:小计|合计)?$")


def _other_leaves(edition: Edition) -> tuple[int, ...]:
    return tuple(edition.t3_index[k] for k in ("R21", "R22", "R23"))


@dataclass(slots=True)
class Candidate:
    line: Line
    own: list[int]  # rows its own label matches
    hint: list[int]  # rows the label text floating above it matches
    collapsed: bool = False  # （六）其他处理 printed as one row in a 2021 table


@dataclass(slots=True)
class Table3:
    rows: tuple[tuple[Cell, ...], ...]
    anomalies: list[Anomaly]
    used: set[int]  # indexes of lines that belong to the table


_MATCHERS: dict[str, tuple[re.Pattern[str], dict[str, int]]] = {}


def _matcher(edition: Edition) -> tuple[re.Pattern[str], dict[str, int]]:
    """One alternation of every row keyword of the edition (longest first), keyword → row."""
    if edition.name not in _MATCHERS:
        owner = {k: i for i, row in enumerate(edition.table3) for k in row.keywords}
        pattern = re.compile("|".join(re.escape(k) for k in sorted(owner, key=len, reverse=True)))
        _MATCHERS[edition.name] = (pattern, owner)
    return _MATCHERS[edition.name]


_MATCHED: dict[tuple[str, str], list[int]] = {}


def match_rows(key: str, edition: Edition) -> list[int]:
    """The rows whose keywords occur in ``key``. Labels repeat across a batch, so answers are
    remembered (a big alternation costs microseconds per label)."""
    memo = (edition.name, key)
    hits = _MATCHED.get(memo)
    if hits is None:
        pattern, owner = _matcher(edition)
        hits = sorted({owner[m.group(0)] for m in pattern.finditer(key)})
        if not hits and edition.name == "2021" and key.endswith("其他") and _OTHER_LEAF.search(key):
            hits = [edition.t3_index["R23"]]
        if len(_MATCHED) > 20000:
            _MATCHED.clear()
        _MATCHED[memo] = hits
    return list(hits)


def read_table3(lines: list[Line], edition: Edition) -> Table3:
    anomalies: list[Anomaly] = []
    n_rows, n_cols = len(edition.table3), len(edition.table3_columns)
    cands: list[Candidate] = []
    orphans: list[Line] = []
    pending = ""
    group_rows: list[Line] = []
    for line in lines:
        if not line.numbers:
            pending += line.key
            continue
        own = match_rows(line.key, edition)
        if not own and _GROUP_ROW.match(line.key):
            group_rows.append(line)  # a group subtotal some offices add: not a row of the format
            pending = ""
            continue
        if not own and line.numbers == 1 and not _long_digits(line):
            orphans.append(line)
            continue
        # A label broken over lines (…逾期不补 / 正、行政机关…) is matched as one text, as a hint only.
        hint = [] if own else (match_rows(pending + line.key, edition) if line.key else match_rows(pending, edition))
        cands.append(Candidate(line, own, hint))
        pending = ""
    # （六）其他处理 with numbers and none of its three sub-rows: the 2019 layout in a 2021 table.
    leaves = _other_leaves(edition) if edition.name == "2021" else ()
    if leaves and not any(r in leaves for c in cands for r in c.own):
        for line in group_rows:
            if _COLLAPSED_OTHER in line.key:
                cands.append(Candidate(line, [], [], collapsed=True))
                cands.sort(key=lambda c: c.line.index)
                group_rows.remove(line)
                break

    placed: dict[int, Candidate] = {}
    collapsed_rows: list[int] = []
    gap: list[Candidate] = []
    next_row = 0
    other_rows = [edition.t3_index[k] for k in ("R21", "R22", "R23")] if edition.name == "2021" else []
    for cand in cands:
        if cand.collapsed and other_rows and other_rows[0] >= next_row:
            _fill_gap(gap, list(range(next_row, other_rows[0])), placed, anomalies)
            gap = []
            collapsed_rows = other_rows
            next_row = other_rows[-1] + 1
            continue
        target = next((r for r in cand.own if r >= next_row), None)
        if target is None:
            gap.append(cand)
            continue
        _fill_gap(gap, list(range(next_row, target)), placed, anomalies)
        gap = []
        placed[target] = cand
        next_row = target + 1
    _fill_gap(gap, list(range(next_row, n_rows)), placed, anomalies)

    def row_total_ok(values: list[int]) -> bool:
        return sum(values[:-1]) == values[-1]

    fitted = {r: fit(c.line.values, n_cols, row_total_ok) for r, c in placed.items()}
    _recover_glued(fitted, edition, anomalies, placed)

    rows: list[tuple[Cell, ...]] = []
    for r, spec in enumerate(edition.table3):
        label = spec.label
        if r in collapsed_rows:
            line = next(c.line for c in cands if c.collapsed)
            anomalies.append(
                Anomaly(
                    "cell-blank", "三", label, "", line.block.line,
                    "（六）其他处理印成一行（2019 年版样式），其下 1–3 项的数字缺失",
                    "（六）其他处理 printed as one row (2019 layout): its three sub-rows have no values",
                )
            )
            rows.append(tuple(Cell(None, "", Source(line.block.line, line.block.where)) for _ in range(n_cols)))
            continue
        found = placed.get(r)
        if found is None:
            anomalies.append(Anomaly("cell-blank", "三", label, "", None, "表中找不到这一行", "row not found"))
            rows.append(tuple(Cell(None) for _ in range(n_cols)))
            continue
        cand = found
        fit_r = fitted[r]
        if fit_r.surplus:
            anomalies.append(_count_anomaly(label, cand.line, n_cols, "多"))
        elif fit_r.tokens is None and not fit_r.glued:
            anomalies.append(_count_anomaly(label, cand.line, n_cols, "少"))
        how = "由粘连数字按行列合计唯一还原" if fit_r.glued and fit_r.tokens is not None else ""
        rows.append(make_cells(fit_r.tokens, n_cols, cand.line, "三", label, edition.table3_columns, anomalies, how))

    rows = _reattach_orphans(rows, orphans, anomalies, edition)
    used = {c.line.index for c in cands} | {o.index for o in orphans} | {g.index for g in group_rows}
    return Table3(tuple(rows), anomalies, used)


def _long_digits(line: Line) -> bool:
    return any(v.isdecimal() and len(v) >= 7 for v in line.values)


def _count_anomaly(label: str, line: Line, n: int, more_or_less: str) -> Anomaly:
    got = sum(1 for v in line.values if v)
    return Anomaly(
        "cell-count", "三", label, "", line.block.line,
        f"这一行有 {got} 个数字，表格只有 {n} 列（数字{more_or_less}了）",
        f"row has {got} numbers for {n} columns",
    )


def _fill_gap(gap: list[Candidate], rows: list[int], placed: dict[int, Candidate], anomalies: list[Anomaly]) -> None:
    """Place unlabeled rows between two anchors: by order when the counts agree,
    else by the label text floating above them when it names one row of the gap."""
    if not gap:
        return
    if len(gap) == len(rows):
        for row, cand in zip(rows, gap, strict=True):
            placed[row] = cand
        return
    free = list(rows)
    rest: list[Candidate] = []
    for cand in gap:
        hinted = [r for r in cand.hint if r in free]
        if len(hinted) == 1:
            placed[hinted[0]] = cand
            free.remove(hinted[0])
        else:
            rest.append(cand)
    if rest and len(rest) == len(free):
        for row, cand in zip(free, rest, strict=True):
            placed[row] = cand
        return
    for cand in rest:
        anomalies.append(
            Anomaly(
                "cell-count", "三", "", "", cand.line.block.line,
                "一行数字找不到对应的表格行（行名缺失且无法按顺序确定）",
                "a row of numbers matches no row of the table",
            )
        )


def _recover_glued(fitted: dict, edition: Edition, anomalies: list[Anomaly], placed: dict[int, Candidate]) -> None:
    """Split digit runs so that every row total and column sum of table 三 holds, if only one way does."""
    glued = [r for r, f in fitted.items() if f.glued]
    if not glued:
        return
    n_cols = len(edition.table3_columns)
    options: dict[int, list[list[int]]] = {}
    for r in list(glued):
        options[r] = candidates(fitted[r].glued, n_cols, lambda v: sum(v[:-1]) == v[-1])
        if not options[r]:  # no split even fits its own row: a cell is missing, not glued
            fitted[r].glued = []
            glued.remove(r)
            del options[r]
    if not glued:
        return
    known: dict[int, list[int]] = {}
    for r, f in fitted.items():
        if f.tokens is not None and all(t.isdecimal() for t in f.tokens):
            known[r] = [int(t) for t in f.tokens]
    solutions = _solve(options, known, edition)
    if len(solutions) == 1:
        for r, values in solutions[0].items():
            fitted[r].tokens = [str(v) for v in values]
            anomalies.append(
                Anomaly(
                    "cell-recovered", "三", edition.table3[r].label, "", placed[r].line.block.line,
                    f"数字粘连“{''.join(fitted[r].glued)}”，唯一满足行列合计的拆分为 {'、'.join(map(str, values))}",
                    f"digits run together, split as {values}: the only split satisfying all sums",
                )
            )
        return
    for r in glued:
        anomalies.append(
            Anomaly(
                "cell-ambiguous", "三", edition.table3[r].label, "", placed[r].line.block.line,
                f"数字粘连“{''.join(fitted[r].glued)}”，有 {len(options[r])} 种拆分满足行合计，无法唯一确定",
                "digits run together: no unique split satisfies the sums",
            )
        )


def _solve(options: dict[int, list[list[int]]], known: dict[int, list[int]], edition: Edition) -> list[dict[int, list[int]]]:
    rows = list(options)
    total = 1
    for r in rows:
        total *= max(len(options[r]), 1)
    if total == 0 or total > 50000 or any(not options[r] for r in rows):
        return []
    found: list[dict[int, list[int]]] = []

    def walk(i: int, chosen: dict[int, list[int]]) -> None:
        if len(found) > 1:
            return
        if i == len(rows):
            if _columns_hold({**known, **chosen}, edition):
                found.append(dict(chosen))
            return
        for values in options[rows[i]]:
            chosen[rows[i]] = values
            walk(i + 1, chosen)
        chosen.pop(rows[i], None)

    walk(0, {})
    return found


def _columns_hold(values: dict[int, list[int]], edition: Edition) -> bool:
    n = len(edition.table3)
    total, carry = edition.total_row, edition.carry_out_row
    for col in range(len(edition.table3_columns)):
        balance = (0, 1, total, carry)
        if all(r in values for r in balance) and (
            values[0][col] + values[1][col] != values[total][col] + values[carry][col]
        ):
            return False
        leaves = range(2, total)
        if (total in values and all(r in values for r in leaves)
                and sum(values[r][col] for r in leaves) != values[total][col]):
            return False
    return len(values) <= n


def _reattach_orphans(rows: list[tuple[Cell, ...]], orphans: list[Line], anomalies: list[Anomaly], edition: Edition) -> list[tuple[Cell, ...]]:
    """A lone number that floated out of the table goes back into the one blank cell whose
    row total it completes (the 结转 total of a PDF→Markdown conversion, for instance)."""
    for orphan in orphans:
        token = next(v for v in orphan.values if v)
        if not token.isdecimal():
            continue
        value = int(token)
        spots = []
        for r, row in enumerate(rows):
            blanks = [c for c, cell in enumerate(row) if cell.value is None and cell.source is not None]
            if len(blanks) != 1:
                continue
            c = blanks[0]
            vals = [cell.value for cell in row]
            vals[c] = value
            if all(isinstance(v, int) for v in vals) and sum(vals[:-1]) == vals[-1]:  # type: ignore[arg-type]
                spots.append((r, c))
        if len(spots) != 1:
            continue
        r, c = spots[0]
        old = rows[r][c]
        label, column = edition.table3[r].label, edition.table3_columns[c]
        anomalies[:] = [a for a in anomalies if not (a.kind == "cell-blank" and a.row == label and a.column == column)]
        anomalies.append(
            Anomaly("cell-recovered", "三", label, column, orphan.block.line,
                    f"该格在表中为空，表外游离的数字 {value} 恰好补足行合计，已回填",
                    f"blank cell refilled with the stray number {value} that completes the row total")
        )
        src = old.source or Source(orphan.block.line)
        new = Cell(value, token, Source(orphan.block.line, src.where, "表外游离数字回填"))
        rows[r] = rows[r][:c] + (new,) + rows[r][c + 1 :]
    return rows
