"""The six sections are not in the order of the format.

## What it checks
Sections found by `section-missing`'s key words must appear in the order 一 … 六.

## Why it matters
The format (国办公开办函〔2021〕30号) fixes the order so that reports can be read and compared
side by side.

## Failing example
    一、总体情况 … 三、收到和处理政府信息公开申请情况 … 二、主动公开政府信息情况

## Passing example
    一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况

## Limits
Only sections that were found are compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ..textnorm import cn_numeral
from .registry import Context, rule


@rule("section-order", Severity.WARNING, "章节顺序与格式不符", "sections out of order", "国办公开办函〔2021〕30号")
def check(ctx: Context) -> Iterator[Finding]:
    highest = 0
    for section in ctx.report.sections:  # in document order
        rank = cn_numeral(section.number) or 0
        if rank < highest:
            yield check.finding(
                f"“{section.title}”（第{section.number}部分）出现在后面的部分之后",
                f"section {section.number} comes after a later section",
                Location(section=section.number, line=section.line),
            )
        highest = max(highest, rank)
