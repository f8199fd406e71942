"""Fitting a row's value tokens to the columns the table expects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat

from ..model import Anomaly, Cell, Source
from ..textnorm import BLANK_MARKS, NUMBER, parse_number
from .lines import EMPTY, Line


@dataclass(slots=True)
class Fitted:
    """A row's tokens fitted to ``n`` columns; ``tokens`` is None when the count is wrong."""

    tokens: list[str] | None
    glued: list[str] = field(default_factory=list)  # digit runs to split, when too few cells
    surplus: bool = False
    short: bool = False


_new = tuple.__new__


def fit(
    values: list[str], n: int, check: Callable[[list[int]], bool] | None = None, left_aligned: bool = False
) -> Fitted:
    """Anchor the tokens at the row's label: drop the empty cells merged labels leave in front,
    keep trailing empty cells only as blanks the row needs.

    ``left_aligned``: the row's cells start right after its label and the grid pads the rest
    (table 二 rows of one or two columns in a three-column table), so empty cells in front are
    blanks before empty cells behind are."""
    if len(values) == n and values[0] and values[-1] and EMPTY not in values:
        return Fitted(values)  # the common case: exactly the row's cells
    # The empty cells at each end are counted by index and cut off with one slice.
    start, end = 0, len(values)
    while start < end and values[start] == EMPTY:
        start += 1
    while end > start and values[end - 1] == EMPTY:
        end -= 1
    leading, trailing = start, len(values) - end
    vals = values[start:end]
    if left_aligned and len(vals) < n and leading:
        vals = [EMPTY] * min(n - len(vals), leading) + vals
        leading = 0
    if len(vals) < n and trailing:
        vals.extend([EMPTY] * min(n - len(vals), trailing))
    if len(vals) < n and leading:
        # Empty cells before the numbers are mostly merged-label columns; when the row needs
        # them, the nearest ones are blank value cells (a blank 自然人 cell, say).
        vals = [EMPTY] * min(n - len(vals), leading) + vals
    if len(vals) == n:
        return Fitted(vals)
    if len(vals) > n:
        # A stray extra cell: keep the one window that satisfies the row's own sum, if any.
        if check is not None:
            numeric = [bool(t) and NUMBER.match(t) is not None for t in vals]  # each token tested once
            windows = [vals[i : i + n] for i in range(len(vals) - n + 1) if all(numeric[i : i + n])]
            good = [w for w in windows if check([int(float(x)) for x in w])]
            if len(good) >= 1 and all(w == good[0] for w in good):
                return Fitted(good[0], surplus=True)
        return Fitted(vals[:n], surplus=True)
    if vals and all(v and v.isdecimal() for v in vals) and sum(len(v) for v in vals) >= n:
        return Fitted(None, glued=vals, short=True)
    return Fitted(None, short=True)


def make_cells(
    tokens: list[str] | None,
    n: int,
    line: Line,
    table: str,
    row_label: str,
    columns: tuple[str, ...],
    anomalies: list[Anomaly],
    how: str = "",
) -> tuple[Cell, ...]:
    """Cells from fitted tokens, reporting blanks and unreadable values as they are met."""
    source = _new(Source, (line.block.line, line.block.where, how))
    if tokens is None:
        return tuple(Cell(None, "", source) for _ in range(n))
    if all(tokens) and "".join(tokens).isdecimal():  # the common case: plain whole numbers
        # tuple.__new__ skips the NamedTuple's Python-level __new__ (hundreds of cells a report).
        return tuple(map(_new, repeat(Cell), zip(map(int, tokens), tokens, repeat(source))))
    cells: list[Cell] = []
    for col, token in zip(columns, tokens, strict=True):
        if token == EMPTY or token in BLANK_MARKS:
            anomalies.append(
                Anomaly("cell-blank", table, row_label, col, line.block.line, f"空白（“{token}”）" if token else "空白", "blank")
            )
            cells.append(Cell(None, token, source))
            continue
        value = parse_number(token) if NUMBER.match(token) else None
        if value is None:
            anomalies.append(
                Anomaly("number-invalid", table, row_label, col, line.block.line, f"无法识别的数字“{token}”", f"unreadable number {token!r}")
            )
        cells.append(Cell(value, token, source))
    return tuple(cells)
