"""The report as PDF blocks, top to bottom, before it is cut into pages: the title broken
where it reads well (or condensed onto one line), the statistics period, each section's heading
and paragraphs (a run-in second-level heading in 楷体), and each table with its caption, its
column widths and the one type size with which every number fits its cell.
"""

from __future__ import annotations

import re

from ...model import Report
from .._common import CAPTIONS, fmt, period, prose, title
from .._grid import Grid, section_grid
from .blocks import Block, _Cell, _Table, _Text
from .fonts import _Face, faces
from .geometry import (
    BODY_PT,
    CAPTION_PT,
    CELL_LEADING,
    GAP,
    LINE,
    MIN_SCALE,
    NOTE_PT,
    PAD_X,
    PAD_Y,
    T2_LABEL,
    T3_LABELS,
    T3_MIN_LABELS,
    T3_NUM,
    T4_PT,
    TABLE_PT,
    TEXT_W,
    TITLE_LEADING,
    TITLE_PT,
)
from .lines import Span, _break, _Line

# A second-level heading run in at the start of a paragraph: （一）政府信息公开。…
_RUN_IN = re.compile(r"^（[一二三四五六七八九十]{1,3}）[^。；：:！？（）]{1,30}(?:[。：:]|$)")


def paragraph_spans(text: str, body: _Face, run_in: _Face) -> list[Span]:
    match = _RUN_IN.match(text)
    if not match:
        return [(body, text)]
    head, rest = text[: match.end()], text[match.end() :]
    return [(run_in, head), (body, rest)] if rest else [(run_in, head)]


# A title line holds 20 characters of 22 pt in the 156 mm text block.
TITLE_EMS = 20.0
_TITLE = re.compile(
    r"^(?P<agency>.+?)(?P<year>(?:19|20)\d{2}年)(?P<what>政府信息公开)(?P<rest>工作年度报告)$"
)


def _ems(text: str) -> float:
    """Width in ems: ASCII (digits) is about half a CJK character."""
    return sum(0.55 if ord(c) < 128 else 1.0 for c in text)


def title_lines(text: str) -> list[str]:
    """The title broken where it reads well, as official documents do (and as the readers
    expect): whole if it fits; else before 工作年度报告; else after the agency."""
    match = _TITLE.match(text)
    if not match or _ems(text) <= TITLE_EMS:
        return [text]
    agency, year, what, rest = match.group("agency", "year", "what", "rest")
    if _ems(agency + year + what) <= TITLE_EMS:
        return [agency + year + what, rest]
    return [agency, year + what + rest]


_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def _visible(text: str) -> str:
    """Without zero-width and direction marks (which fonts draw as boxes, if at all)."""
    return _INVISIBLE.sub("", text)


def layout(report: Report) -> list[Block]:
    """The report as blocks, top to bottom, before it is cut into pages."""
    f = faces()
    blocks: list[Block] = []
    heading: list[_Line] = []
    for part in title_lines(_visible(title(report))):
        width = f["xbs"].width(part) * TITLE_PT
        if TEXT_W < width <= TEXT_W / MIN_SCALE:  # condensed, as long agency names are
            heading.append(_Line([(f["xbs"], part)], width, True, TEXT_W / width))
        else:
            heading.extend(_break([(f["xbs"], part)], TITLE_PT, TEXT_W))
    for line in heading:
        line.last = True
    blocks.append(
        _Text(heading, TITLE_PT, TITLE_LEADING, "center", after=LINE, keep_with_next=True)
    )
    if report.year:
        lines = _break([(f["kai"], period(report))], BODY_PT, TEXT_W)
        blocks.append(_Text(lines, BODY_PT, LINE, "center", after=LINE))
    indent = 2 * BODY_PT
    for spec in report.spec.sections:
        text = f"{spec.number}、{spec.title}"
        lines = _break([(f["hei"], text)], BODY_PT, TEXT_W, indent)
        blocks.append(_Text(lines, BODY_PT, LINE, indent=indent, keep_with_next=True))
        for paragraph in map(_visible, prose(report.section(spec.number))):
            spans = paragraph_spans(paragraph, f["fangsong"], f["kai"])
            lines = _break(spans, BODY_PT, TEXT_W, indent)
            blocks.append(_Text(lines, BODY_PT, LINE, indent=indent, splittable=True))
        grid = section_grid(report, spec.number)
        if grid is not None:
            caption = _break([(f["hei"], CAPTIONS[grid.key])], CAPTION_PT, TEXT_W)
            pad = 0.3 * CAPTION_PT
            blocks.append(
                _Text(
                    caption,
                    CAPTION_PT,
                    1.6 * CAPTION_PT,
                    "center",
                    before=0.5 * TABLE_PT + pad,
                    after=pad,
                    keep_with_next=True,
                )
            )
            blocks.append(_table(grid, f))
    if isinstance(blocks[-1], _Text):
        blocks[-1].keep_with_next = False
    return blocks


def _columns(grid: Grid, f: dict[str, _Face], size: float) -> list[float]:
    """Column widths: table 二's label column 28 %; each of table 三's number columns as wide
    as its widest number needs (the label columns keep at least 60 mm); table 四's equal."""
    if grid.key == "二":
        values = grid.columns - 1
        return [T2_LABEL * TEXT_W] + [(1 - T2_LABEL) * TEXT_W / values] * values
    if grid.key == "三":
        widest = [0.0] * grid.columns
        for c in grid.cells:
            if c.kind == "value":
                widest[c.col] = max(widest[c.col], f["song"].width(fmt(c.value)))
        nums = [max(T3_NUM, w * size + 2 * PAD_X + GAP) for w in widest[3:]]
        if sum(nums) > TEXT_W - T3_MIN_LABELS:  # the numbers' type gets smaller instead
            nums = [w * (TEXT_W - T3_MIN_LABELS) / sum(nums) for w in nums]
        left = TEXT_W - sum(nums)
        return [left * share / sum(T3_LABELS) for share in T3_LABELS] + nums
    return [TEXT_W / grid.columns] * grid.columns


def _table(grid: Grid, f: dict[str, _Face]) -> _Table:
    size = T4_PT if grid.key == "四" else TABLE_PT
    cols = _columns(grid, f, size)
    x = [0.0]
    for w in cols:
        x.append(x[-1] + w)
    # One type size for the numbers of a table: the largest with which every number fits its
    # cell with room to spare (never wrapped, never glued to its neighbour).
    value_size = size
    for c in grid.cells:
        if c.kind == "value":
            width = f["song"].width(fmt(c.value, c.money))
            room = x[c.col + c.colspan] - x[c.col] - 2 * PAD_X - GAP
            if width:
                value_size = min(value_size, room / width)
    cells: list[_Cell] = []
    for c in grid.cells:
        inner = x[c.col + c.colspan] - x[c.col] - 2 * PAD_X
        if c.kind == "value":
            text = fmt(c.value, c.money)
            face, cell_size, align = f["song"], value_size, "center"
            lines = [_Line([(face, text)], face.width(text) * cell_size, True)] if text else []
        else:
            face = f["hei"] if c.kind == "head" else f["song"]
            cell_size = NOTE_PT if c.kind == "note" else size
            align = "center" if c.kind == "head" else "left"
            lines = _break([(face, c.text)], cell_size, inner)
            if c.kind == "head" and len(lines) > 1:  # 商业/企业, not 商业企/业
                even = sum(line.width for line in lines) / len(lines) + cell_size / 2
                balanced = _break([(face, c.text)], cell_size, min(inner, even))
                if len(balanced) == len(lines):
                    lines = balanced
        cells.append(_Cell(c, face, cell_size, lines, align))
    table = _Table(grid, cols, cells, before=0.0, after=TABLE_PT)
    heights = [size * CELL_LEADING + 2 * PAD_Y] * grid.rows
    for cell in cells:
        if cell.grid.rowspan == 1:
            heights[cell.grid.row] = max(heights[cell.grid.row], cell.height)
    for cell in cells:  # a merged cell taller than its rows: they share the difference
        r, span = cell.grid.row, cell.grid.rowspan
        short = cell.height - sum(heights[r : r + span])
        if span > 1 and short > 0:
            for i in range(r, r + span):
                heights[i] += short / span
    table.heights = heights
    return table
