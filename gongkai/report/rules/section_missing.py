"""One of the six sections of the format is missing.

## What it checks
The six headings 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息公开申请情况;
四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项 are
looked for by their key words (numbering and small wording differences are tolerated).

## Why it matters
Regulation Art. 50 lists the contents of the report and the format (国办公开办函〔2021〕30号) sets
them out as six sections; the content must be “不能遗漏”.

## Failing example
Table 四 followed directly by “（一）主要问题 …（二）改进情况” with no heading for section 五.

## Passing example
    五、存在的主要问题及改进情况
    （一）主要问题 …

## Limits
A heading reworded beyond its key words is not recognised and reported as missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from .registry import Context, rule


@rule("section-missing", Severity.ERROR, "缺少规定的章节", "a required section is missing",
      "《政府信息公开条例》第五十条；国办公开办函〔2021〕30号")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    found = {s.number for s in r.sections}
    for spec in r.spec.sections:
        if spec.number not in found:
            yield check.finding(
                f"缺少第{spec.number}部分“{spec.title}”", f"section {spec.number} ({spec.title_en}) is missing",
                Location(section=spec.number),
            )
