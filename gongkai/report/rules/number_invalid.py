"""A negative, fractional or unreadable number; a fee amount with too many decimals.

## What it checks
Counts in tables 二, 三 and 四 must be whole numbers ≥ 0; amounts (行政事业性收费, in 万元) must be
≥ 0. A cell that looks like a damaged number (1O, l2) is unreadable. A fee amount with more than
four decimals is finer than one yuan (0.0001 万元) and is reported as a warning.

## Why it matters
Numbers of applications, decisions and cases are counts (国办公开办函〔2021〕30号); money is in
万元. Some provinces fix four decimals (“保留4位小数”).

## Failing example
    行政许可 12.5        一、本年新收 … -1        行政事业性收费 0.123456

## Passing example
    行政许可 12          一、本年新收 … 1         行政事业性收费 4068.208

## Limits
The number of decimals a province prescribes is not checked beyond four.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..findings import Finding, Location, Severity
from ..model import Cell
from ._util import anomalies, fmt, where
from .registry import Context, rule


@rule("number-invalid", Severity.ERROR, "数字无效（负数、小数或无法识别）", "negative, fractional or unreadable number",
      "国办公开办函〔2021〕30号 表格（件数为非负整数，收费以万元计）")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    for a in anomalies(r, "number-invalid"):
        yield check.finding(a.detail, a.detail_en, where(a))
    for spec in r.spec.table2:
        cols = r.table2.get(spec.key, {})
        for col, money in zip(spec.columns, spec.money, strict=True):
            cell = cols.get(col)
            if cell is not None and not _plain(cell):
                yield from _judge(cell, money, Location(table="二", row=spec.key, column=col))
    if r.table3 is not None and not _all_plain([cell[0] for row in r.table3 for cell in row]):
        for spec_row, row in zip(r.spec.table3, r.table3, strict=True):
            for col, cell in zip(r.spec.table3_columns, row, strict=True):
                if not _plain(cell):
                    yield from _judge(cell, False, Location(table="三", row=spec_row.label, column=col))
    if r.table4 is not None and not _all_plain([cell[0] for cell in r.table4]):
        for col, cell in zip(r.spec.table4_columns, r.table4, strict=True):
            if not _plain(cell):
                yield from _judge(cell, False, Location(table="四", column=col))


_PLAIN_TYPES = {int, type(None)}


def _all_plain(values: list[Any]) -> bool:
    """Every value blank or a whole number ≥ 0, tested with C-level map/filter (175 cells)."""
    return set(map(type, values)) <= _PLAIN_TYPES and not any(map((0).__gt__, filter(None, values)))


def _plain(cell: Cell) -> bool:
    """A blank or a whole number ≥ 0: nothing to judge (the fast path for almost every cell)."""
    v = cell.value
    return v is None or (type(v) is int and v >= 0)


def _judge(cell: Cell, money: bool, at: Location) -> Iterator[Finding]:
    v = cell.value
    if v is None:
        return
    if v < 0 and "增/减" not in at.column:  # 2019 format: 本年增/减 is a signed change
        yield check.finding(f"出现负数 {fmt(v)}", f"negative number {fmt(v)}", at)
    elif not money and isinstance(v, float) and not v.is_integer():
        yield check.finding(f"件数应为整数，却是 {fmt(v)}", f"a count must be whole, got {fmt(v)}", at)
    elif money and "." in cell.raw and len(cell.raw.split(".")[1]) > 4:
        yield check.finding(
            f"金额（万元）有 {len(cell.raw.split('.')[1])} 位小数，精确到元只需 4 位",
            "amount in 万元 has more than 4 decimals", at, Severity.WARNING,
        )
