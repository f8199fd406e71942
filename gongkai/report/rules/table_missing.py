"""One of the three statistical tables could not be found.

## What it checks
Tables 二 (主动公开), 三 (依申请公开) and 四 (复议、诉讼) are located by their labels. When one is
absent, this notice says so and the rules about that table are not run.

## Why it matters
The format requires all three tables (国办公开办函〔2021〕30号). The table may truly be missing,
or printed as an image the engine cannot read; either way a person should look.

## Failing example
A report whose section 四 says “本年度无行政复议、行政诉讼” with no table.

## Passing example
Section 四 followed by the 15-cell table, zeros included.

## Limits
A notice, not an error: the engine cannot tell a missing table from one it failed to read.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import anomalies
from .registry import Context, rule


@rule("table-missing", Severity.NOTICE, "未找到统计表", "statistical table not found", "国办公开办函〔2021〕30号 表二、三、四")
def check(ctx: Context) -> Iterator[Finding]:
    for a in anomalies(ctx.report, "table-missing"):
        yield check.finding(f"{a.detail}，有关该表的检查未进行", f"{a.detail_en}; its checks were not run", Location(table=a.table))
