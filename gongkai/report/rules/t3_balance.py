"""Table 三: 一 + 二 must equal （七）总计 + 四, in every column.

## What it checks
For each of the seven columns of table 三 (自然人 … 总计): 本年新收 + 上年结转 =
本年度办理结果（七）总计 + 结转下年度继续办理.

## Why it matters
The format prints this relation above the table itself: “本列数据的勾稽关系为：第一项加第二项
之和，等于第三项加第四项之和” (国办公开办函〔2021〕30号, table 三). Every application received or
carried in is either concluded this year or carried over; a difference means an application
was lost or counted twice.

## Failing example
    一、本年新收 … 自然人 10   二、上年结转 2   （七）总计 9   四、结转下年度 1
10 + 2 = 12 but 9 + 1 = 10.

## Passing example
    一、本年新收 10   二、上年结转 2   （七）总计 11   四、结转下年度 1

## Limits
A column with a blank or unreadable cell among these four rows is not checked (the blank is
reported by `cell-blank`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ._util import fmt, known
from .registry import Context, rule


@rule("t3-balance", Severity.ERROR, "表三 一+二 ≠ （七）总计+四", "table 三: new + carried in ≠ concluded + carried out",
      "国办公开办函〔2021〕30号 表三勾稽关系")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.table3 is None:
        return
    spec = r.spec
    total, carry = spec.total_row, spec.carry_out_row
    for c, column in enumerate(spec.table3_columns):
        new, carried_in, done, carried_out = r.t3(0, c), r.t3(1, c), r.t3(total, c), r.t3(carry, c)
        if not known(new, carried_in, done, carried_out):
            continue
        left, right = new + carried_in, done + carried_out  # type: ignore[operator]
        if left != right:
            yield check.finding(
                f"「{column}」列：一（{fmt(new)}）+ 二（{fmt(carried_in)}）= {fmt(left)}，"
                f"而（七）总计（{fmt(done)}）+ 四（{fmt(carried_out)}）= {fmt(right)}",
                f"column {column}: new {fmt(new)} + carried in {fmt(carried_in)} = {fmt(left)}, "
                f"but concluded {fmt(done)} + carried out {fmt(carried_out)} = {fmt(right)}",
                Location(table="三", row=spec.table3[total].label, column=column),
            )
