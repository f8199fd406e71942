"""A cell the engine put back: glued digits split, or a stray number returned to its cell.

## What it checks
Nothing is wrong with the numbers; this notice says that a value was not read where it was
printed. Either a run of glued digits had exactly one split satisfying all sums, or a number
that floated out of the table (a PDF→text conversion artefact) was the only value completing a
blank cell's row total.

## Why it matters
A reviewer should be able to see every value the engine did not read verbatim. The source of
such a cell says how it was recovered.

## Failing example
    四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |   |     (a lone "1" above the table)

## Passing example
    四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |

## Limits
Only a single blank cell whose row total the number completes, and only when one cell fits.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ._util import anomalies, where
from .registry import Context, rule


@rule("cell-recovered", Severity.NOTICE, "单元格数值经还原得到", "a cell value was recovered, not read as printed",
      "国办公开办函〔2021〕30号 表格格式", status="preview")
def check(ctx: Context) -> Iterator[Finding]:
    for a in anomalies(ctx.report, "cell-recovered"):
        yield check.finding(a.detail, a.detail_en, where(a))
