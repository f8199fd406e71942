"""This year's 二、上年结转 differs from last year's 四、结转下年度继续办理.

## What it checks
Given last year's report (`--previous`), per column of table 三: this year's
二、上年结转政府信息公开申请数量 = last year's 四、结转下年度继续办理.

## Why it matters
Applications open on 31 December are carried into the next year; the two reports must agree
(spec X1). Agencies merge or recount, so this is a warning, not an error.

## Failing example
    2023: 四、结转下年度继续办理 总计 5        2024: 二、上年结转 总计 3

## Passing example
    2023: 四、结转下年度继续办理 总计 5        2024: 二、上年结转 总计 5

## Limits
Runs only with last year's report; a blank cell on either side skips that column.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import fmt, known
from .registry import Context, rule


@rule("carryover-mismatch", Severity.WARNING, "上年结转与上年报告的结转下年度不一致",
      "carried in ≠ last year's carried out", "国办公开办函〔2021〕30号 表三；《政府信息公开条例》第三十三条")
def check(ctx: Context) -> Iterator[Finding]:
    r, prev = ctx.report, ctx.previous
    if prev is None or r.table3 is None or prev.table3 is None:
        return
    note = ""
    if r.year and prev.year and prev.year != r.year - 1:
        note = f"（注意：上年报告为 {prev.year} 年，本报告为 {r.year} 年）"
    for c, column in enumerate(r.spec.table3_columns):
        now = r.t3(1, c)
        before = prev.t3(prev.spec.carry_out_row, c)
        if known(now, before) and now != before:
            yield check.finding(
                f"「{column}」列：本年“上年结转”为 {fmt(now)}，上年报告“结转下年度继续办理”为 {fmt(before)}{note}",
                f"column {column}: carried in {fmt(now)}, last year's carried out {fmt(before)}",
                Location(table="三", row=r.spec.table3[1].label, column=column),
            )
