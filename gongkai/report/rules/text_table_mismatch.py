"""A count stated in the text disagrees with the tables.

## What it checks
Sentences such as “共收到政府信息公开申请 34 件”, “办结 718 件”, “结转下一年 31 件”,
“上年结转 2 件”, “行政复议 351 件”, “行政诉讼 46 件”, “现行有效行政规范性文件 66 件” are compared
with table 三 一、本年新收 / （七）总计 / 四、结转 / 二、上年结转, table 四 and table 二.
A stated total of applications received that equals 新收 + 上年结转 is accepted (offices often
count both as 受理).

## Why it matters
The text and the tables are the same facts (Regulation Art. 50); when they differ, one is wrong.

## Failing example
    区政府办代表区政府受理政府信息公开申请 17 件 …   table 三: 一、本年新收 总计 95

## Passing example
    全县全年共受理政府信息公开申请 749 件 …   table 三: 新收 713 + 上年结转 36

## Limits
Only these phrasings are recognised; figures about other things (政策性文件, 主动公开信息, a
half year) are never compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, Location, Severity
from ..model import Report
from .registry import Context, rule

_STOP = r"[^，,。；;、\d（）()]"
_RECEIVED = re.compile(rf"(?:收到|新收|受理|接收){_STOP}{{0,14}}?申请{_STOP}{{0,4}}?(\d+)\s*件")
_HALF_YEAR = re.compile(r"上半年|下半年|季度|月份|\d+月")
# A part, not the whole: 网上申请 20 件, 其中自然人…, 被复议纠错 0 件.
_PART = re.compile(r"其中|网上|在线|当面|信函|邮寄|传真|电子邮件|网络|现场|书面|口头|自然人|法人|企业|个人|单位|部门|乡镇|街道")
_OUTCOME_AFTER = re.compile(r"^\s*(?:被|中)?(?:纠错|纠正|败诉|维持|撤销|确认违法|胜诉)")
_ANSWERED = re.compile(r"(?:^|(?<=[，,。；;：共]))(?:共|全年|累计)?(?:办结|答复|办理)(?:了|完成)?(?:政府信息公开)?(?:申请)?\s*(\d+)\s*件")
_CARRIED_OUT = re.compile(r"(?:结转下一?年度?|转下一?年度?|结转至下一?年度?)(?:继续)?(?:办理)?(?:答复)?(?:的)?(?:有)?\s*(\d+)\s*件|(\d+)\s*件(?:申请)?(?:顺延|结转)(?:到|至)下一?年度")
_CARRIED_IN = re.compile(r"上年(?:度)?结转(?:政府信息公开)?(?:申请)?\s*(\d+)\s*件")
_RECONSIDER = re.compile(r"行政复议(?:案件)?(?:数(?:量)?为?)?\s*(\d+)\s*件|(\d+)\s*件[^，,。；;]{0,12}行政复议")
_LAWSUIT = re.compile(r"行政诉讼(?:案件)?(?:数(?:量)?为?)?\s*(\d+)\s*件|(\d+)\s*件[^，,。；;]{0,12}行政诉讼")
_IN_FORCE = re.compile(r"现行有效(?:的)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*件")


def _counted(text: str) -> str:
    """The sentences (ended by 。！？) that count something in 件, joined with 。."""
    # str.split on one mark, not a regex split on three: the regex tested every character.
    sentences = text.replace("！", "。").replace("？", "。").split("。")
    return "。".join([s for s in sentences if "件" in s])


def _matches(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), run only over the sentences (between 。) that hold one of words.

    The same matches, found faster: the engine tries these patterns at every position of what it
    scans, and a match never holds a 。 and always holds one of words. Given a sentence's bounds,
    a pattern still sees the text before it (look-behinds); none looks ahead."""
    spans: set[tuple[int, int]] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = text.find("。", at)
            end = len(text) if end < 0 else end
            spans.add((text.rfind("。", 0, at) + 1, end))
            at = text.find(word, end)
    for start, end in sorted(spans):
        yield from pattern.finditer(text, start, end)


def _total(r: Report, key: str) -> int | None:
    row = r.t3_row(key)
    v = row[-1].value if row else None
    return int(v) if isinstance(v, (int, float)) else None


def _t4(r: Report, *indexes: int) -> int | None:
    values = [r.t4(i) for i in indexes]
    return int(sum(values)) if all(v is not None for v in values) else None  # type: ignore[arg-type]


_Check = tuple[re.Pattern[str], str, set[int | None], int | None, tuple[str, ...]]
_CLAUSE_END = re.compile(r"[，,。；;]")


def _checks(r: Report) -> list[_Check]:
    """(pattern, what, accepted values, table value, words of which every match holds one),
    for each figure the tables give."""
    new, carried_in = _total(r, "R01"), _total(r, "R02")
    done, carried_out = _total(r, "R24"), _total(r, "R25")
    reconsidered, sued = _t4(r, 4), _t4(r, 9, 14)
    in_force = None
    cols = r.table2.get("行政规范性文件") or r.table2.get("规范性文件") or {}
    cell = cols.get("现行有效件数")
    if cell is not None and cell.value is not None:
        in_force = int(cell.value)
    checks: list[_Check] = [
        (_RECEIVED, "收到申请", {new, (new + carried_in) if new is not None and carried_in is not None else None}, new, ("申请",)),
        (_ANSWERED, "办结/答复", {done}, done, ("办结", "答复", "办理")),
        (_CARRIED_OUT, "结转下年度", {carried_out}, carried_out, ("转", "顺延")),
        (_CARRIED_IN, "上年结转", {carried_in}, carried_in, ("上年",)),
        (_RECONSIDER, "行政复议", {reconsidered}, reconsidered, ("复议",)),
        (_LAWSUIT, "行政诉讼", {sued}, sued, ("诉讼",)),
        (_IN_FORCE, "现行有效行政规范性文件", {in_force}, in_force, ("现行有效",)),
    ]
    return [c for c in checks if c[3] is not None]


@rule("text-table-mismatch", Severity.WARNING, "正文数字与表格不一致", "a count in the text disagrees with the tables",
      "《政府信息公开条例》第五十条")
def check(ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    sections = [s for s in r.sections if s.number in ("一", "三", "四") and "件" in s.text]
    checks = _checks(r) if sections else []
    for section in sections:
        # Only sentences that count something in 件 can state a table figure.
        counted = _counted(section.text)
        for pattern, what, accepted, shown, words in checks:
            for m in _matches(pattern, counted, words):
                stated = int(next(g for g in m.groups() if g))
                if stated in accepted:
                    continue
                clause = counted[max(0, m.start() - 20) : m.end()]
                own_clause = _CLAUSE_END.split(clause)[-1]
                if _HALF_YEAR.search(own_clause) or _PART.search(m.group(0)):
                    continue
                if _OUTCOME_AFTER.match(counted[m.end() : m.end() + 6]) or _OUTCOME_AFTER.search(m.group(0)):
                    continue
                yield check.finding(
                    f"正文“…{clause.strip()}”称{what} {stated} 件，表格为 {shown} 件",
                    f"text states {stated} for {what}, the table says {shown}",
                    Location(section=section.number, line=section.line),
                )
