"""Section 五 or 六 is empty, says only “无”, or is too short to say anything.

## What it checks
The body of 五、存在的主要问题及改进情况 and 六、其他需要报告的事项 must hold some text: at least
ten characters that are not just “无” / “暂无”.

## Why it matters
Regulation Art. 50(4)–(5) requires the report to state problems and improvements and other
matters; the format warns against perfunctory reports (国办公开办函〔2021〕30号, 有关要求).

## Failing example
    五、存在的主要问题及改进情况
    无。

## Passing example
    五、存在的主要问题及改进情况
    一是政策解读形式单一。下一步将…

## Limits
Only length is checked, not substance.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from .registry import Context, rule

_NOTHING = {"", "无", "暂无", "没有", "无。", "暂无。", "没有。", "略", "略。"}


@rule("section-empty", Severity.WARNING, "第五或第六部分内容为空或过短", "section 五 or 六 empty or too short",
      "《政府信息公开条例》第五十条第（四）、（五）项")
def check(ctx: Context) -> Iterator[Finding]:
    for number in ("五", "六"):
        section = ctx.report.section(number)
        if section is None:
            continue
        body = "".join(section.text.split())
        if body in _NOTHING or len(body) < 10:
            yield check.finding(
                f"第{number}部分“{section.title}”{'没有内容' if not body else f'只有“{body}”'}",
                f"section {number} is empty or too short", Location(section=number, line=section.line),
            )
