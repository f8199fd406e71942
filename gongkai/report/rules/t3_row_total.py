"""Table 三: the 总计 column must be the sum of the six applicant columns, in every row.

## What it checks
In each of the 25 rows (23 in the 2019 format), 总计 = 自然人 + 商业企业 + 科研机构 +
社会公益组织 + 法律服务机构 + 其他.

## Why it matters
总计 is the total over the applicant types of the header 申请人情况; an application has exactly
one applicant type, so the types must add up to the total.

## Failing example
    一、本年新收 … 自然人 6  商业企业 1  … 其他 0  总计 6

## Passing example
    一、本年新收 … 自然人 6  商业企业 1  … 其他 0  总计 7

## Limits
A row with a blank or unreadable cell is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import fmt
from .registry import Context, rule


@rule("t3-row-total", Severity.ERROR, "表三 总计列 ≠ 六类申请人之和", "table 三: 总计 ≠ sum of applicant columns",
      "国办公开办函〔2021〕30号 表三“申请人情况—总计”")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.table3 is None:
        return
    for spec_row, row in zip(r.spec.table3, r.table3, strict=True):
        values = [cell.value for cell in row]
        if None in values:
            continue
        added = sum(values[:-1])  # type: ignore[arg-type]
        if added != values[-1]:
            yield check.finding(
                f"六类申请人合计 {fmt(added)}，总计列却是 {fmt(values[-1])}",
                f"applicant columns add up to {fmt(added)}, 总计 says {fmt(values[-1])}",
                Location(table="三", row=spec_row.label, column="总计", line=row[-1].source.line if row[-1].source else None),
            )
