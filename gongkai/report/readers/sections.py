"""Title, agency, year, statistics period and the six sections' headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..editions import SectionSpec
from ..editions.common import SECTIONS
from ..textnorm import cn_numeral
from .lines import Line

_TOP = re.compile(r"^(?:第)?([一二三四五六七八九十]{1,3})(?:、|,|\.|:|部分)(.{1,40})$")
# Table 三's level-1 rows look like headings (四、结转下年度继续办理) but are not.
_TABLE_ROW_WORDS = ("本年新收", "上年结转", "本年度办理结果", "结转下年度", "办理结果", "本年度办")
_TITLE = re.compile(r"^(?P<pre>.*?)(?P<year>(?:19|20)\d{2})年度?(?P<post>.*?)(?:政府信息公开|政务公开|信息公开)")
_PERIOD = re.compile(r"((?:19|20)\d{2})年(?:度)?1月1日")


@dataclass(frozen=True, slots=True)
class FoundHeading:
    pos: int  # index in the lines list
    number: int | None
    printed: str
    title: str
    section: str | None


def match_section(title: str) -> SectionSpec | None:
    for spec in SECTIONS:
        if any(k in title for k in spec.keywords):
            return spec
    return None


def find_headings(lines: list[Line]) -> list[FoundHeading]:
    found: list[FoundHeading] = []
    for pos, line in enumerate(lines):
        if line.has_number or not line.key or len(line.key) > 44:
            continue
        key = line.key.rstrip("。:")
        top = _TOP.match(key)
        if top:
            title = top.group(2)
            if any(w in title for w in _TABLE_ROW_WORDS) or title.startswith("是"):
                continue
            spec = match_section(title)
            found.append(FoundHeading(pos, cn_numeral(top.group(1)), top.group(1), title, spec.number if spec else None))
        elif len(key) <= 24 and not key.startswith(("(", "（")):
            spec = match_section(key)
            if spec and (key.endswith(("情况", "事项", "问题")) or key == spec.title):
                found.append(FoundHeading(pos, None, "", key, spec.number))
    return found


def title_block(lines: list[Line], first_heading: int) -> tuple[str, int]:
    """The report title: the first short lines, joined until they name a 报告."""
    parts: list[str] = []
    end = 0
    for pos, line in enumerate(lines[: min(max(first_heading, 1), 12)]):
        text = line.key
        if not text or text in ("正文", "目录"):
            continue
        if "。" in text or len(text) > 60:
            break
        parts.append(text)
        end = pos
        if "报告" in text or "年报" in text:
            break
    joined = "".join(parts)
    if "报告" not in joined and "年报" not in joined:
        return "", 0
    return joined, end + 1


def agency_and_year(title: str) -> tuple[str, int | None]:
    m = _TITLE.search(title)
    if not m:
        year = re.search(r"((?:19|20)\d{2})年", title)
        return "", int(year.group(1)) if year else None
    agency = m.group("pre").strip() or m.group("post").strip()
    agency = re.sub(r"^(关于|\W+)", "", agency).rstrip("的")
    return agency, int(m.group("year"))


def period_years(lines: list[Line], limit: int = 60) -> tuple[int, ...]:
    text = "".join(line.key + "".join(line.values) for line in lines[:limit])
    years: list[int] = []
    for m in re.finditer(r"统计(?:期限|周期|时限|区间|时间|范围|期间|时段)?", text):
        window = text[m.end() : m.end() + 40]
        years.extend(int(y) for y in _PERIOD.findall(window))
    return tuple(dict.fromkeys(years))
