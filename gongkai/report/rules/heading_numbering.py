"""A top-level heading number repeats or skips (一、… 一、, or 四、… 六、).

## What it checks
The top-level headings (一、 二、 …) in document order must count up by one from 一. Table 三's
row labels 一、… 四、 (本年新收 … 结转下年度继续办理) are part of the table, not headings.

## Why it matters
The six sections are numbered 一 to 六 in the format (国办公开办函〔2021〕30号); a repeated number
usually means a sub-heading was typed at the wrong level, a skipped one that a section is
missing.

## Failing example
    一、总体情况   一、工作内容   二、主动公开政府信息情况

## Passing example
    一、总体情况   （一）工作内容   二、主动公开政府信息情况

## Limits
Headings are recognised as a short line starting with a Chinese numeral and 、 or ．.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from .registry import Context, rule


@rule("heading-numbering", Severity.WARNING, "一级标题序号重复或跳号", "top-level heading number repeated or skipped",
      "国办公开办函〔2021〕30号（一至六部分）")
def check(ctx: Context) -> Iterator[Finding]:
    previous = 0
    for h in ctx.report.headings:
        if h.number == previous + 1:
            pass
        elif h.number <= previous:
            yield check.finding(
                f"标题“{h.printed}、{h.title}”的序号“{h.printed}”重复（上一个一级标题已到 {previous}）",
                f"heading number {h.number} repeats (previous was {previous})",
                Location(line=h.line),
            )
        else:
            yield check.finding(
                f"标题“{h.printed}、{h.title}”跳号：上一个一级标题是 {previous}",
                f"heading number jumps from {previous} to {h.number}",
                Location(line=h.line),
            )
        previous = h.number
