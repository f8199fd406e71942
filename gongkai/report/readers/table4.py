"""Table 四 (复议、诉讼): 15 numbers in the official order, gathered from the rows under its header."""

from __future__ import annotations

from ..editions import Edition
from ..model import Anomaly, Cell
from .cells import fit, make_cells
from .lines import EMPTY, Line
from .recover import candidates

N = 15


def _blocks_hold(values: list[int]) -> bool:
    return all(sum(values[b : b + 4]) == values[b + 4] for b in (0, 5, 10))


def read_table4(lines: list[Line], edition: Edition) -> tuple[tuple[Cell, ...] | None, list[Anomaly], set[int]]:
    anomalies: list[Anomaly] = []
    tokens: list[str] = []
    rows: list[Line] = []
    for line in lines:
        if not line.numbers:
            continue
        if line.key and len(line.key) > 16:
            continue  # prose that happens to end in a number
        vals = list(line.values)
        if not tokens:  # empty cells before the first number: merged labels, or a blank first cell
            while vals and vals[0] == EMPTY and len(vals) > N:
                vals.pop(0)
        tokens.extend(vals)
        rows.append(line)
        if len([t for t in tokens if t]) >= N:
            break
    if not rows:
        return None, anomalies, set()
    first = rows[0]
    fitted = fit(tokens, N)
    how = ""
    options = candidates(fitted.glued, N, _blocks_hold) if fitted.tokens is None and fitted.glued else []
    got = len([t for t in tokens if t])
    if len(options) == 1:
        fitted.tokens, how = [str(v) for v in options[0]], "由粘连数字按合计唯一还原"
        anomalies.append(
            Anomaly("cell-recovered", "四", "", "", first.block.line,
                    f"数字粘连，唯一满足合计的拆分为 {'、'.join(map(str, options[0]))}",
                    f"digits run together, split as {options[0]}: the only split satisfying the totals")
        )
    elif options:
        anomalies.append(
            Anomaly("cell-ambiguous", "四", "", "", first.block.line,
                    f"数字粘连，有 {len(options)} 种拆分满足合计，无法唯一确定",
                    "digits run together: no unique split satisfies the totals")
        )
    elif fitted.tokens is None or fitted.surplus:
        anomalies.append(
            Anomaly("cell-count", "四", "", "", first.block.line,
                    f"表四有 {got} 个数字，应有 {N} 个", f"table 四 has {got} numbers, expected {N}")
        )
    cells = make_cells(fitted.tokens, N, first, "四", "", edition.table4_columns, anomalies, how)
    return cells, anomalies, {r.index for r in rows}
