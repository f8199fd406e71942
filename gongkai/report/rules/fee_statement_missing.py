"""Section 六 does not state the 信息处理费 (information processing fee) charged in the year.

## What it checks
The text of section 六 (其他需要报告的事项) must say whether, and how much, 信息处理费 was
charged — also when none was (“未收取信息处理费”).

## Why it matters
The national template puts under section 六 the note “收取信息处理费情况在此处报告”, following
《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).

## Failing example
    六、其他需要报告的事项
    下一步工作建议及打算：1.加强宣传教育 …

## Passing example
    六、其他需要报告的事项
    本年度未收取信息处理费。

## Limits
Checked for the 2021 format only; a fee statement placed in another section is not accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from .registry import Context, rule

_FEE = re.compile(r"处理费|收费|收取.{0,6}费|费用|信息公开费")


@rule("fee-statement-missing", Severity.WARNING, "第六部分未说明信息处理费收取情况", "section 六 says nothing about the processing fee",
      "国办公开办函〔2021〕30号 第六部分说明；国办函〔2020〕109号")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    six = r.section("六")
    if six is None or r.edition != "2021":
        return
    if not _FEE.search(six.text):
        yield check.finding(
            "第六部分没有说明本年度收取信息处理费的情况（未收取也应说明）",
            "section 六 does not state the information processing fee charged (state it even when none)",
            Location(section="六", line=six.line),
        )
