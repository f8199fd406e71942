"""A blank cell where the format requires a number.

## What it checks
A value cell of tables 二, 三 or 四 that is empty, "/" or "—", and rows of the format that the
report leaves out (for example （六）其他处理 printed as one row in a 2021 table, so its three
sub-rows have no values).

## Why it matters
Every cell of the national tables carries a number; “none” is written 0. A blank cell cannot
be told apart from a lost number, and it is never read as 0. Arithmetic rules skip the
columns and rows it touches, so this finding also says which checks could not be made.

## Failing example
    四、结转下年度继续办理  1  0  0  0  0  0  (总计 blank)

## Passing example
    四、结转下年度继续办理  1  0  0  0  0  0  1

## Limits
In PDF text a blank cell leaves no trace; it shows up as a row with too few numbers
(`cell-count`) instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ._util import anomalies, where
from .registry import Context, rule


@rule("cell-blank", Severity.WARNING, "应填数字的单元格为空", "blank cell where a number is required",
      "国办公开办函〔2021〕30号 表格（无数据应填 0）")
def check(ctx: Context) -> Iterator[Finding]:
    for a in anomalies(ctx.report, "cell-blank"):
        yield check.finding(
            f"{a.detail}；涉及此格的合计校验已跳过", f"{a.detail_en}; sums involving it were not checked", where(a)
        )
