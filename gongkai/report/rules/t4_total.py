"""Table 四: each 总计 must be the sum of its four result cells.

## What it checks
In each of the three blocks of table 四 (行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉):
总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

## Why it matters
Every case is either decided (upheld, corrected, other) or pending at year end; 总计 counts
them all (国办公开办函〔2021〕30号, table 四).

## Failing example
    行政复议: 结果维持 10  结果纠正 1  其他结果 0  尚未审结 0  总计 0

## Passing example
    行政复议: 结果维持 10  结果纠正 1  其他结果 0  尚未审结 0  总计 11

## Limits
A block with a blank or unreadable cell is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import fmt, known
from .registry import Context, rule

BLOCKS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")


@rule("t4-total", Severity.ERROR, "表四 总计 ≠ 四项结果之和", "table 四: total ≠ sum of its four results",
      "国办公开办函〔2021〕30号 表四")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.table4 is None:
        return
    for b, name in enumerate(BLOCKS):
        values = [r.t4(b * 5 + i) for i in range(5)]
        if not known(*values):
            continue
        added = sum(values[:4])  # type: ignore[arg-type]
        if added != values[4]:
            yield check.finding(
                f"{name}：维持、纠正、其他、尚未审结合计 {fmt(added)}，总计却是 {fmt(values[4])}",
                f"{name}: results add up to {fmt(added)}, total says {fmt(values[4])}",
                Location(table="四", row=name, column="总计"),
            )
