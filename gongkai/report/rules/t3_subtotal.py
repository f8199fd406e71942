"""Table 三: （七）总计 must be the sum of the outcome rows, in every column.

## What it checks
For each column, 三、本年度办理结果（七）总计 equals the sum of the outcome rows above it:
（一）予以公开, （二）部分公开, the eight rows of （三）, three of （四）, five of （五） and the
rows of （六） (22 rows in the 2021 format, 20 in the 2019 format).

## Why it matters
（七） is labelled 总计: the total of the year's results. Each concluded application is counted
in exactly one outcome row (部分公开 “只计这一情形，不计其他情形”), so the rows must add up.

## Failing example
    （一）予以公开 5 … （四）1.本机关不掌握 3 … （七）总计 9     (5 + 3 = 8)

## Passing example
    （一）予以公开 5 … （四）1.本机关不掌握 3 … （七）总计 8

## Limits
Not checked in a column where an outcome row or the total is blank or unreadable.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import fmt
from .registry import Context, rule


@rule("t3-subtotal", Severity.ERROR, "表三（七）总计 ≠ 各办理结果之和", "table 三: total ≠ sum of outcome rows",
      "国办公开办函〔2021〕30号 表三“（七）总计”")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.table3 is None:
        return
    spec = r.spec
    total = spec.total_row
    outcome = [[cell.value for cell in r.table3[row]] for row in spec.outcome_rows]
    for c, column in enumerate(spec.table3_columns):
        parts = [row[c] for row in outcome]
        stated = r.table3[total][c].value
        if stated is None or None in parts:
            continue
        added = sum(parts)  # type: ignore[arg-type]
        if added != stated:
            yield check.finding(
                f"「{column}」列：各办理结果之和为 {fmt(added)}，（七）总计却是 {fmt(stated)}",
                f"column {column}: outcome rows add up to {fmt(added)}, total says {fmt(stated)}",
                Location(table="三", row=spec.table3[total].label, column=column),
            )
