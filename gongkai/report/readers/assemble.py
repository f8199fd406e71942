"""The one interpreter: blocks of any format into a ``Report``.

Finds the title, the six sections and the three tables by their labels; the edition by the
labels of tables 二 and 三. Everything odd it meets is kept as an ``Anomaly`` for the rules.
"""

from __future__ import annotations

import re

from ..editions import EDITIONS, Edition
from ..errors import NotAReport
from ..model import Anomaly, Cell, Heading, Report, Section
from ..textnorm import join_lines
from .blocks import Block
from .lines import Line, make_lines
from .sections import FoundHeading, agency_and_year, find_headings, period_years, title_block
from .table2 import read_table2
from .table3 import read_table3
from .table4 import read_table4

_2021_T2 = ("本年制发", "本年废止", "现行有效", "本年收费金额")
_2019_T2 = ("本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "政府集中采购", "第二十条第(九)项")
# A table's caption printed just above it: 表二：主动公开政府信息情况（统计表）.
_CAPTION = re.compile(r"^表[一二三四五1-5][:：、.\s]?.{0,30}$")
_2021_T3 = ("不补正", "缴纳费用", "收费通知")


def assemble(blocks: list[Block], source: str = "") -> Report:
    lines = make_lines(blocks)
    headings = sorted(find_headings(lines), key=lambda h: h.pos)
    section_pos: dict[str, int] = {}
    for h in headings:
        if h.section and h.section not in section_pos:
            section_pos[h.section] = h.pos

    t2_start, t3_start, t4_start = _anchors(lines)
    n = len(lines)
    t2_end = _bound(t2_start, [section_pos.get("三"), t3_start, t4_start], n)
    t3_end = _bound(t3_start, [t4_start, section_pos.get("四"), section_pos.get("五")], n)
    # Table 四 ends at the next numbered heading; an unnumbered line naming section 四 (a caption
    # such as 政府信息公开行政复议、行政诉讼情况) does not end it.
    top_after_t4 = [h.pos for h in headings if h.number is not None and h.section != "四"]
    t4_end = _bound(t4_start, [section_pos.get("五"), section_pos.get("六"), *top_after_t4], n)

    regions = [(s, e) for s, e in ((t2_start, t2_end), (t3_start, t3_end), (t4_start, t4_end)) if s is not None]
    # A label fragment inside a table (三、本法提供 from a broken PDF conversion) is not a heading.
    headings = [h for h in headings if not any(s < h.pos < e for s, e in regions)]
    section_pos = {}
    for h in headings:
        if h.section and h.section not in section_pos:
            section_pos[h.section] = h.pos
    edition = _edition(lines, (t2_start, t2_end), (t3_start, t3_end))
    anomalies: list[Anomaly] = []
    used: set[int] = set()

    table2: dict[str, dict[str, Cell]] = {}
    if t2_start is not None:
        table2, found, taken = read_table2(lines[t2_start:t2_end], edition)
        anomalies += found
        used |= taken
    table3 = None
    if t3_start is not None:
        t3 = read_table3(lines[t3_start:t3_end], edition)
        table3, used = t3.rows, used | t3.used
        anomalies += t3.anomalies
    table4 = None
    if t4_start is not None:
        table4, found, taken = read_table4(lines[t4_start:t4_end], edition)
        anomalies += found
        used |= taken

    # Everything from a table's first line to its last read line is the table, header rows and
    # label fragments included: none of it is prose of the section.
    for start, end in regions:
        inside = [i for i in range(start, end) if lines[i].index in used]
        if inside:
            used |= {lines[i].index for i in range(start, inside[-1] + 1)}
            if start > 0 and _CAPTION.match(lines[start - 1].key):
                used.add(lines[start - 1].index)

    if not section_pos and t2_start is None and t3_start is None and table4 is None:
        raise NotAReport(
            "没有找到政府信息公开工作年度报告的章节或表格，不像是年度报告",
            "no sections or tables of an annual report found: not a report?",
        )
    for name, present in (("二", t2_start is not None), ("三", table3 is not None), ("四", table4 is not None)):
        if not present:
            anomalies.append(Anomaly("table-missing", name, detail=f"没有找到表{name}", detail_en=f"table {name} not found"))

    first_heading = headings[0].pos if headings else len(lines)
    title, _ = title_block(lines, first_heading)
    agency, year = agency_and_year(title)
    periods = period_years(lines)
    if year is None and periods:
        year = periods[0]
    return Report(
        agency=agency,
        year=year,
        edition=edition.name,
        title=title,
        sections=_sections(lines, headings, section_pos, used),
        headings=tuple(
            Heading(h.number, h.printed, h.title, lines[h.pos].block.line, h.section)
            for h in headings
            if h.number is not None
        ),
        table2=table2,
        table3=table3,
        table4=table4,
        period_years=periods,
        anomalies=tuple(anomalies),
        source=source,
    )


_NUMBERED = re.compile(r"^(?:第)?[一二三四五六七八九十]{1,3}(?:、|\.|部分)")


def _anchors(lines: list[Line]) -> tuple[int | None, int | None, int | None]:
    """Where tables 二, 三 and 四 start, found in that order in one pass. Table 四 starts at
    its header (行政复议 …), or at the section heading naming it when no header line exists;
    without table 三 it is looked for after table 二, or anywhere without either."""
    t2 = t3 = header = heading = None
    lone: int | None = None
    for pos, ln in enumerate(lines):
        key = ln.key
        if t2 is None and t3 is None and (
            "第二十条" in key or ("信息内容" in key and ("本年制发" in key or "本年新制作" in key))
        ):
            t2 = pos
        elif t3 is None and ("勾稽关系" in key or ("本年新收" in key and ln.numbers) or key.startswith("申请人情况")):
            t3 = pos
        elif "行政复议" in key and len(key) <= 40 and not ln.numbers and "。" not in key and "," not in key:
            if _NUMBERED.match(key):
                heading = pos if heading is None or (t3 is not None and heading < t3) else heading
                continue
            if t3 is not None:
                header = pos
                break
            if lone is None or (t2 is not None and lone < t2):
                lone = pos  # used only if table 三 never starts
    if t3 is None:
        header = lone
    if header is None and heading is not None and (t3 is None or heading > t3):
        header = heading
    return t2, t3, header


def _bound(start: int | None, stops: list[int | None], default: int) -> int:
    if start is None:
        return start or 0
    after = [p for p in stops if p is not None and p > start]
    return min(after) if after else default


def _edition(lines: list[Line], t2: tuple[int | None, int], t3: tuple[int | None, int]) -> Edition:
    if t2[0] is not None:
        head = "".join(ln.key for ln in lines[t2[0] : t2[1]])
        new, old = sum(m in head for m in _2021_T2), sum(m in head for m in _2019_T2)
        if new != old:
            return EDITIONS["2021" if new > old else "2019"]
    if t3[0] is not None:
        region = lines[t3[0] : t3[1]]
        if any(any(m in ln.key for m in _2021_T3) for ln in region):
            return EDITIONS["2021"]
        if any("其他处理" in ln.key and ln.has_number for ln in region):
            return EDITIONS["2019"]
    return EDITIONS["2021"]


def _sections(lines: list[Line], headings: list[FoundHeading], section_pos: dict[str, int], used: set[int]) -> tuple[Section, ...]:
    starts = sorted((pos, number) for number, pos in section_pos.items())
    out: list[Section] = []
    for i, (pos, number) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        head = next(h for h in headings if h.pos == pos)
        body = [head.rest] if head.rest else []
        body += [ln.block.text for ln in lines[pos + 1 : end] if ln.index not in used]
        out.append(Section(number, head.printed, head.title, lines[pos].block.line, join_lines(body)))
    return tuple(out)
