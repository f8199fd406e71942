"""An enumeration in the text repeats or skips: 一是 … 一是, or （一）…（三）.

## What it checks
Within each section, the runs 一是、二是、三是 … and （一）（二）（三）… must count up by one. A new
run may start again at 一 after a run of two or more items (a list of problems, then a list of
measures).

## Why it matters
A repeated or skipped ordinal is a drafting slip that readers notice at once; it usually means
a point was pasted in or deleted without renumbering (cf. the responsibility clause of
国办公开办函〔2021〕30号 on perfunctory reports).

## Failing example
    一是单位领导重视不够…。一是严格落实政策解读“三同步”要求…。二是…

## Passing example
    一是单位领导重视不够…。二是严格落实政策解读“三同步”要求…。三是…

## Limits
Arabic numbering (1. 2. 3.) is not checked: wrapped lines in PDF text make it unreliable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ..textnorm import cn_numeral
from .registry import Context, rule

# One pass over the text finds both series: 一是 … and （一）… . The pattern starts with one
# character class (a bracket or a numeral) so that the regex engine scans for it in C instead
# of trying the alternation at every position (an alternation gets no such prefix); the
# look-behinds then tell the series apart. Group 1 is the numeral of （一）; the numeral of 一是
# is the match without its 是. The character before the match (start of text or punctuation)
# is checked in Python.
_NUMERAL = "[一二三四五六七八九十]"
_ORDINALS = re.compile(rf"[（({_NUMERAL[1:-1]}](?:(?<=[（(])({_NUMERAL}{{1,3}})[）)]|(?<={_NUMERAL}){_NUMERAL}{{0,2}}是(?=[^的否为]))")
_BEFORE = {"是": frozenset("。；;：:！？!?，,“” \n\t"), "（）": frozenset("。；;：:！？!? \n\t")}


@rule("ordinal-sequence", Severity.NOTICE, "文中序号重复或跳号", "an enumeration in the text repeats or skips",
      "国办公开办函〔2021〕30号（有关要求：报告内容准确）")
def check(ctx: Context) -> Iterator[Finding]:
    for section in ctx.report.sections:
        text = section.text
        state = {"是": [0, 0], "（）": [0, 0]}  # per series: previous number, length of the run
        for m in _ORDINALS.finditer(text):
            bracketed = m.group(1)
            kind = "（）" if bracketed else "是"
            at = m.start()
            if at and text[at - 1] not in _BEFORE[kind]:
                continue
            numeral = bracketed or text[at : m.end() - 1]
            n = cn_numeral(numeral) or 0
            previous, run = state[kind]
            shown = f"{numeral}是" if kind == "是" else f"（{numeral}）"
            if n == previous + 1:
                run += 1
            elif n == 1 and run >= 2:
                run = 1
            elif previous == 0:
                run = 1  # a run that starts in the middle (continued from elsewhere)
            else:
                problem = "重复" if n <= previous else "跳号"
                context = text[max(0, at - 12) : at + 14]
                yield check.finding(
                    f"第{section.number}部分的序号“{shown}”{problem}（前一个是第 {previous} 项）：…{context}…",
                    f"section {section.number}: ordinal {n} after {previous} ({'repeat' if n <= previous else 'skip'})",
                    Location(section=section.number, line=section.line),
                )
                run = 1
            state[kind] = [n, run]
