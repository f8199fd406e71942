"""Table 二 (主动公开): rows by label, columns by the edition; footnoted cells that floated out."""

from __future__ import annotations

from ..editions import Edition, T2Row
from ..model import Anomaly, Cell
from .cells import fit, make_cells
from .lines import Line

# A footnote such as （其中修订16件）/（含自然失效29件） belongs to the 废止 column.
_FOOTNOTE_COLUMN = (("废止", "失效", "修订", "修改", "清理", "撤销"), 1)


def row_keys(row: T2Row) -> tuple[str, ...]:
    return (row.key, *row.aliases)


_MATCHED: dict[tuple[str, str], T2Row | None] = {}


def match_t2(key: str, edition: Edition) -> T2Row | None:
    """The row of table 二 a label names (the longest name that starts or ends it); labels
    repeat across a batch, so answers are remembered."""
    memo = (edition.name, key)
    if memo in _MATCHED:
        return _MATCHED[memo]
    if len(_MATCHED) > 20000:
        _MATCHED.clear()
    found = _MATCHED[memo] = _match_t2(key, edition)
    return found


def _match_t2(key: str, edition: Edition) -> T2Row | None:
    best: tuple[int, T2Row] | None = None
    for row in edition.table2:
        for name in row_keys(row):
            matches = key.endswith(name) or key.startswith(name)
            if matches and (best is None or len(name) > best[0]):
                best = (len(name), row)
    return best[1] if best else None


def read_table2(lines: list[Line], edition: Edition) -> tuple[dict[str, dict[str, Cell]], list[Anomaly], set[int]]:
    anomalies: list[Anomaly] = []
    table: dict[str, dict[str, Cell]] = {}
    used: set[int] = set()
    orphans: list[tuple[Line, str]] = []
    pending = ""  # a label wrapped onto the line above its numbers (其他对外管理服 / 务事项 …)
    for pos, line in enumerate(lines):
        if not line.values or not line.numbers and not any(line.values):
            pending = line.key if line.key and not line.values else ""
            continue
        row = match_t2(line.key, edition) if line.key else None
        if row is None and pending and line.key:
            row = match_t2(pending + line.key, edition)
        pending = ""
        if row is None:
            if not line.key and line.numbers == 1:
                follow = lines[pos + 1].footnote if pos + 1 < len(lines) and not lines[pos + 1].key else ""
                orphans.append((line, line.footnote or follow))
                used.add(line.index)
            continue
        if row.key in table:
            continue
        used.add(line.index)
        n = len(row.columns)
        tokens, how, problem = _fit_row(line, n, orphans)
        if problem is not None:
            anomalies.append(Anomaly(problem[0], "二", row.key, "", line.block.line, problem[1], problem[2]))
        cells = make_cells(tokens, n, line, "二", row.key, row.columns, anomalies, how)
        table[row.key] = dict(zip(row.columns, cells, strict=True))
    for row in edition.table2:
        if row.key not in table:
            anomalies.append(Anomaly("cell-blank", "二", row.key, "", None, "表二中找不到这一行", "row not found"))
            table[row.key] = {col: Cell(None) for col in row.columns}
    return table, anomalies, used


def _fit_row(
    line: Line, n: int, orphans: list[tuple[Line, str]]
) -> tuple[list[str] | None, str, tuple[str, str, str] | None]:
    """The row's n tokens, how they were obtained, and the anomaly to report if any."""
    fitted = fit(line.values, n, left_aligned=True)
    got = len([v for v in line.values if v])
    if fitted.tokens is not None and not fitted.surplus:
        return fitted.tokens, "", None
    if fitted.tokens is None and orphans and got == n - 1:
        tokens, how = _with_orphan(line, orphans, n)
        if tokens is not None:
            return tokens, how, None
    if fitted.tokens is None and len(fitted.glued) == 1:
        digits = fitted.glued[0]
        if n == 1:
            return [digits], "", None
        if len(digits) == n:
            return list(digits), "粘连数字逐位拆分", None
        return None, "", (
            "cell-ambiguous",
            f"数字粘连“{digits}”，表二没有合计可供校验，无法确定如何拆成 {n} 格",
            f"digits run together ({digits}): table 二 has no sums to decide the split",
        )
    return fitted.tokens, "", ("cell-count", f"这一行有 {got} 个数字，应有 {n} 个", f"row has {got} numbers, expected {n}")


def _with_orphan(line: Line, orphans: list[tuple[Line, str]], n: int) -> tuple[list[str] | None, str]:
    """Put back a number that floated out of the row with its footnote, into the column the
    footnote speaks of."""
    orphan, note = orphans[0]
    words, column = _FOOTNOTE_COLUMN
    if not note or not any(w in note for w in words) or column >= n:
        return None, ""
    orphans.pop(0)
    values = [v for v in line.values if v]
    token = next(v for v in orphan.values if v)
    values.insert(column, token)
    return values, f"带脚注“{note}”的数字游离在表外（第{orphan.block.line}行），按脚注回填"
