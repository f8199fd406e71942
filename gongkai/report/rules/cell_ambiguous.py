"""Digits whose cell separators were lost, with no unique way to split them.

## What it checks
Text scraped from a web page sometimes loses the separators between cells: 行政规范性文件693665
(69 / 3 / 665) or a table-三 row 713000074 (71, 3, 0, 0, 0, 0, 74). The engine splits such a
run only when exactly one split satisfies every row and column sum of the table (tables 三 and
四); otherwise the cells are left empty and reported here.

## Why it matters
Guessing a split would invent numbers. Table 二 has no sums at all, so its glued cells are
always ambiguous unless each digit is one cell.

## Failing example
    行政规范性文件693665

## Passing example
    行政规范性文件 69 3 665

## Limits
Runs longer than 40 digits are not split.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ._util import anomalies, where
from .registry import Context, rule


@rule("cell-ambiguous", Severity.WARNING, "数字粘连，无法唯一拆分", "digits run together, no unique split",
      "国办公开办函〔2021〕30号 表格格式")
def check(ctx: Context) -> Iterator[Finding]:
    for a in anomalies(ctx.report, "cell-ambiguous"):
        yield check.finding(a.detail, a.detail_en, where(a))
