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
_OFFICIAL_TITLES = "|".join(
    ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
     "存在的主要问题及改进情况", "其他需要报告的事项"]
)
# A heading run into its first paragraph: 一、总体情况2023年，我局…
_GLUED_HEADING = re.compile(rf"^([一二三四五六])(?:、|\.|．)({_OFFICIAL_TITLES})")
_BRACKETED = re.compile(r"^\(([一二三四五六])\)(.+)$")
_TITLE = re.compile(r"^(?P<pre>.*?)(?P<year>(?:19|20)\d{2})年度?(?P<post>.*?)(?:政府信息公开|政务公开|信息公开)")
_PERIOD = re.compile(r"((?:19|20)\d{2})年(?:度)?1月1日")


@dataclass(frozen=True, slots=True)
class FoundHeading:
    pos: int  # index in the lines list
    number: int | None
    printed: str
    title: str
    section: str | None
    rest: str = ""  # text run into the heading's line (一、总体情况2023年，…)


def match_section(title: str) -> SectionSpec | None:
    for spec in SECTIONS:
        if any(k in title for k in spec.keywords):
            return spec
    return None


def find_headings(lines: list[Line]) -> list[FoundHeading]:
    found: list[FoundHeading] = []
    for pos, line in enumerate(lines):
        key = line.key
        if line.numbers or not key:
            continue
        if len(key) > 44:
            if key[0] in "一二三四五六":
                glued = _GLUED_HEADING.match(key)
                spec = match_section(glued.group(2)) if glued else None
                if glued and spec:
                    found.append(FoundHeading(pos, cn_numeral(glued.group(1)), glued.group(1), glued.group(2),
                                              spec.number, key[glued.end():]))
            continue
        shape = _heading_shape(key)
        if shape is not None:
            found.append(FoundHeading(pos, *shape))
    return found


_SHAPES: dict[str, tuple[int | None, str, str, str | None] | None] = {}


def _heading_shape(key: str) -> tuple[int | None, str, str, str | None] | None:
    """(number, printed numeral, title, section) when a short line is a heading. Headings
    repeat from report to report, so the answer is remembered."""
    if key in _SHAPES:
        return _SHAPES[key]
    shape: tuple[int | None, str, str, str | None] | None = None
    bare = key.rstrip("。:")
    top = _TOP.match(bare)
    if top:
        title = top.group(2)
        if not any(w in title for w in _TABLE_ROW_WORDS) and not title.startswith("是"):
            spec = match_section(title)
            shape = (cn_numeral(top.group(1)), top.group(1), title, spec.number if spec else None)
    elif len(bare) <= 24 and bare.endswith(("情况", "事项", "问题")) and not bare.startswith(("(", "（")):
        spec = match_section(bare)
        if spec:
            shape = (None, "", bare, spec.number)
    if len(_SHAPES) > 20000:
        _SHAPES.clear()
    _SHAPES[key] = shape
    return shape


_AGENCY_END = ("政府", "办公室", "办公厅", "局", "委", "委员会", "厅", "院", "会", "中心", "镇", "乡", "街道", "办事处", "署", "部", "处", "所", "站", "馆", "队", "区", "县", "市")


def title_block(lines: list[Line], first_heading: int) -> tuple[str, int]:
    """The report title: the first line naming a 政府信息公开…报告 (possibly wrapped), with the
    agency line above it when the title itself starts with the year."""
    limit = min(max(first_heading, 1) + 1, 40, len(lines))
    fallback: tuple[str, int] = ("", 0)
    for pos in range(limit):
        text = lines[pos].key
        if not ("信息公开" in text or "政务公开" in text or "年度报告" in text or "年报" in text):
            continue
        if len(text) > 80 or "。" in text:
            continue
        end = pos
        if "报告" not in text and "年报" not in text and pos + 1 < len(lines):
            nxt = lines[pos + 1].key
            if len(nxt) <= 16 and ("报告" in text + nxt or "年报" in text + nxt):
                text, end = text + nxt, pos + 1  # a title wrapped anywhere, even inside 报告
        if "报告" not in text and "年报" not in text:
            continue
        if any(mark in text for mark in (">", "当前位置", "首页")):
            continue  # a breadcrumb, not the title
        if pos > 0 and re.match(r"^(?:19|20)\d{2}年", text):
            above = lines[pos - 1].key
            if 2 <= len(above) <= 30 and not re.search(r"\d", above) and above.endswith(_AGENCY_END):
                text = above + text
        if not re.search(r"(?:19|20)\d{2}", text):
            fallback = fallback if fallback[0] else (text, end + 1)
            continue
        return text, end + 1
    return fallback


_TITLE_YEAR_LAST = re.compile(r"^(?P<pre>.*?)(?:政府信息公开|政务公开|信息公开)工作(?P<year>(?:19|20)\d{2})年度?")


def agency_and_year(title: str) -> tuple[str, int | None]:
    m = _TITLE.search(title) or _TITLE_YEAR_LAST.search(title)
    if not m:
        year = re.search(r"((?:19|20)\d{2})年", title)
        named = re.match(r"^(.*?)(?:政府信息公开|政务公开|信息公开)", title)
        agency = re.sub(r"(关于|的|\W)+$", "", named.group(1)) if named else ""
        return agency, int(year.group(1)) if year else None
    agency = m.group("pre").strip() or (m.groupdict().get("post") or "").strip()
    agency = re.sub(r"^(关于|\W+)", "", agency)
    agency = re.sub(r"(关于|的|\W)+$", "", agency)
    return agency, int(m.group("year"))


def period_years(lines: list[Line], limit: int = 60) -> tuple[int, ...]:
    text = "".join(line.key + "".join(line.values) for line in lines[:limit])
    years: list[int] = []
    for m in re.finditer(r"统计(?:期限|周期|时限|区间|时间|范围|期间|时段)?", text):
        window = text[m.end() : m.end() + 40]
        years.extend(int(y) for y in _PERIOD.findall(window))
    return tuple(dict.fromkeys(years))
