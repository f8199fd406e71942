"""A table row with more or fewer numbers than the table has columns.

## What it checks
Rows of tables 二, 三 and 四 are anchored by their labels; a row whose numbers do not fit the
columns of the format (7 in table 三, 15 in table 四, 1 or 3 in table 二) is reported. A row of
numbers that matches no row label and cannot be placed by order is reported too.

## Why it matters
The format fixes every grid (国办公开办函〔2021〕30号). An extra or missing cell usually means a
cell was typed twice or lost when the table was edited; a reader that pours numbers into the
template in order would silently shift every later row.

## Failing example
    （六）其他处理 1.申请人无正当理由逾期不补正…  0 0 0 0 0 0 0 0      (8 numbers, 7 columns)

## Passing example
    （六）其他处理 1.申请人无正当理由逾期不补正…  0 0 0 0 0 0 0

## Limits
With a surplus the engine keeps the seven numbers that satisfy the row total when only one
window does, else the first seven; with a shortage the row's cells are left empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ._util import anomalies, where
from .registry import Context, rule


@rule("cell-count", Severity.ERROR, "表格行的数字个数与列数不符", "table row with too many or too few numbers",
      "国办公开办函〔2021〕30号 表二、表三、表四格式")
def check(ctx: Context) -> Iterator[Finding]:
    for a in anomalies(ctx.report, "cell-count"):
        yield check.finding(a.detail, a.detail_en, where(a))
