"""Table 二: counts of rules and normative documents that cannot all be true.

## What it checks
For 规章 and 行政规范性文件 (2021 format): 现行有效件数 ≥ 本年制发件数 − 本年废止件数. Documents
issued this year are either still in force at year end or were repealed, and a repeal this year
is counted in 本年废止件数, so fewer in force than that is impossible.

## Why it matters
Table 二 (第二十条第（一）项) reports issued, repealed and in-force counts
(国办公开办函〔2021〕30号). An impossible combination means a column was mistyped or swapped.

## Failing example
    行政规范性文件  本年制发 13  本年废止 0  现行有效 5

## Passing example
    行政规范性文件  本年制发 13  本年废止 0  现行有效 13

## Limits
Year-to-year consistency of 现行有效件数 is not checked (revisions and expiry break it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import fmt, known
from .registry import Context, rule

ISSUED, REPEALED, IN_FORCE = "本年制发件数", "本年废止件数", "现行有效件数"


@rule("t2-valid-count", Severity.ERROR, "表二 件数互相矛盾", "table 二: impossible document counts",
      "国办公开办函〔2021〕30号 表二 第二十条第（一）项")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.edition != "2021":
        return
    for key in ("规章", "行政规范性文件"):
        cols = r.table2.get(key, {})
        issued, repealed, in_force = (cols[c].value if c in cols else None for c in (ISSUED, REPEALED, IN_FORCE))
        if not known(issued, repealed, in_force):
            continue
        if in_force < issued - repealed:  # type: ignore[operator]
            yield check.finding(
                f"{key}：本年制发 {fmt(issued)} 件、废止 {fmt(repealed)} 件，现行有效却只有 {fmt(in_force)} 件",
                f"{key}: {fmt(issued)} issued and {fmt(repealed)} repealed, yet only {fmt(in_force)} in force",
                Location(table="二", row=key, column=IN_FORCE),
            )
