"""Drawing placed blocks on a ReportLab canvas: text lines justified by letter spacing (a
stand-in face emboldened by stroking), tables as one path of cell rules with their text
centred vertically, and the page number “— N —” on the side GB/T 9704-2012 7.5 asks.
"""

from __future__ import annotations

from typing import Any

from .blocks import _Table, _Text
from .fonts import _Face
from .geometry import (
    ASCENT,
    BOTTOM,
    CELL_LEADING,
    EMBOLDEN,
    FOLIO_DROP,
    FOLIO_PT,
    LEFT,
    MAX_SPACING,
    PAD_X,
    PAGE_H,
    PAGE_W,
    RIGHT,
    RULE,
    TEXT_W,
    TOP,
)
from .lines import Span


def _draw_lines(canvas: Any, block: _Text, start: int, end: int, top: float) -> None:
    text = canvas.beginText()
    emboldened = any(face.bold for line in block.lines for face, _ in line.spans)
    if emboldened:
        canvas.setLineWidth(EMBOLDEN * block.size)
        text.setTextRenderMode(2)
    size = block.size
    for n in range(start, end):
        line = block.lines[n]
        box_top = PAGE_H - TOP - top - (n - start) * block.leading
        baseline = box_top - (block.leading - size) / 2 - ASCENT * size
        x = LEFT + (block.indent if n == 0 else 0.0)
        spacing = 0.0
        if block.align == "center":
            x = LEFT + (TEXT_W - line.width * line.scale) / 2
        elif line.chars > 1:
            room = TEXT_W - (x - LEFT) - line.width
            if not line.last:
                spacing = room / (line.chars - 1) if room < MAX_SPACING * size * line.chars else 0.0
            elif room < 0:  # broken wider than the block (28 三号 characters a line): condensed
                spacing = room / (line.chars - 1)
        x = _draw_spans(text, line.spans, x, baseline, size, spacing, line.scale)
    if emboldened:  # the render mode outlives the text object: back to plain fill
        text.setTextRenderMode(0)
    canvas.drawText(text)
    if emboldened:
        canvas.setLineWidth(RULE)


def _draw_spans(
    text: Any,
    spans: list[Span],
    x: float,
    baseline: float,
    size: float,
    spacing: float,
    scale: float = 1.0,
) -> float:
    text.setCharSpace(spacing)
    text.setHorizScale(100 * scale)
    for face, chunk in spans:
        for font, run in face.runs(chunk):
            text.setFont(font.name, size)
            text.setTextOrigin(x, baseline)
            text.textOut(run)
            x += (face.width(run) * size + spacing * len(run)) * scale
    return x


def _draw_table(canvas: Any, table: _Table, start: int, end: int, top: float) -> None:
    """Header rows, then body rows [start, end); a merged cell cut by a page break is drawn in
    each part, its text in the part where it begins."""
    rows = list(range(table.head)) + list(range(start, end))
    tops: dict[int, float] = {}
    y = PAGE_H - TOP - top
    for r in rows:
        tops[r] = y
        y -= table.heights[r]
    bottom_of = {r: tops[r] - table.heights[r] for r in rows}
    x = [LEFT]
    for w in table.cols:
        x.append(x[-1] + w)
    path = canvas.beginPath()
    text = canvas.beginText()
    for cell in table.cells:
        g = cell.grid
        shown = [r for r in range(g.row, g.row + g.rowspan) if r in tops]
        if not shown:
            continue
        left, right = x[g.col], x[g.col + g.colspan]
        upper, lower = tops[shown[0]], bottom_of[shown[-1]]
        path.rect(left, lower, right - left, upper - lower)
        if g.row not in tops or not cell.lines:
            continue
        leading = cell.size * CELL_LEADING
        baseline = (upper + lower) / 2 + len(cell.lines) * leading / 2
        baseline -= (leading - cell.size) / 2 + ASCENT * cell.size
        for line in cell.lines:
            if cell.align == "center":
                at = (left + right - line.width) / 2
            else:
                at = left + PAD_X
            _draw_spans(text, line.spans, at, baseline, cell.size, 0.0)
            baseline -= leading
    canvas.setLineWidth(RULE)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.drawText(text)


def _draw_folio(canvas: Any, number: int, song: _Face) -> None:
    """“— N —”: dashes 7 mm below the text block; odd pages one character in from the right,
    even pages one character in from the left (GB/T 9704-2012 7.5)."""
    folio = f"— {number} —"
    width = song.width(folio) * FOLIO_PT
    baseline = BOTTOM - FOLIO_DROP - 0.35 * FOLIO_PT
    x = PAGE_W - RIGHT - FOLIO_PT - width if number % 2 else LEFT + FOLIO_PT
    text = canvas.beginText()
    _draw_spans(text, [(song, folio)], x, baseline, FOLIO_PT, 0.0)
    canvas.drawText(text)
