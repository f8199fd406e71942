"""The report year in the title, the statistics period and the text disagree.

## What it checks
The year in the title (…2021年政府信息公开工作年度报告), the year of the statistics period
(统计期限自2021年1月1日至…) and the year the overview opens with (“2020年，…”) must be the
same year.

## Why it matters
A report covers one calendar year (Regulation Art. 49–50; the statistics period is 1 January to
31 December). A text copied from last year's report and not updated is a common defect, and the
reader cannot tell which year the numbers belong to.

## Failing example
    鲁山县人民政府办公室2021年政府信息公开工作年度报告
    一、总体情况
    2020年，县政府办公室…

## Passing example
    …2021年政府信息公开工作年度报告   一、总体情况   2021年，县政府办公室…

## Limits
Other years in the text (last year's problems, multi-year plans) are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from .registry import Context, rule

_OPENING = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")


@rule("year-mismatch", Severity.ERROR, "标题、统计期限与正文年份不一致", "report year differs between title, period and text",
      "《政府信息公开条例》第四十九条、第五十条")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        return
    for year in r.period_years:
        if year != r.year:
            yield check.finding(
                f"标题为 {r.year} 年，统计期限却是 {year} 年", f"title says {r.year}, statistics period says {year}",
                Location(section="一"),
            )
    overview = r.section("一")
    if overview is not None:
        m = _OPENING.match(overview.text)
        if m and int(m.group(1)) != r.year:
            yield check.finding(
                f"标题为 {r.year} 年，“总体情况”开头却写“{m.group(1)}年”",
                f"title says {r.year}, the overview opens with {m.group(1)}",
                Location(section="一", line=overview.line),
            )
