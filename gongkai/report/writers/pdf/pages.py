"""Pagination of the PDF: the blocks cut into pages of the 225 mm text block. A heading stays
with what follows it, a paragraph leaves no single line at the foot or head of a page, a table
breaks only between rows (never inside a merged cell too short to hold its text) and repeats
its header rows on the next page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block, _Table, _Text
from .geometry import TEXT_H


@dataclass(slots=True)
class _Placed:
    block: Block
    top: float  # distance below the top of the text block
    start: int  # lines [start, end) of a text, or body rows [start, end) of a table
    end: int


def paginate(blocks: list[Block]) -> list[list[_Placed]]:
    """Cut the blocks into pages: a heading stays with what follows, a paragraph leaves no
    single line at the foot or head of a page, a table breaks between rows and repeats its
    header rows."""
    pages: list[list[_Placed]] = [[]]
    y = 0.0
    for i, block in enumerate(blocks):
        # What must go on this page with it: itself if it keeps with the next, and so on.
        need = block.before if y else 0.0
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            need += blocks[j].height + blocks[j + 1].before
            j += 1
        need += blocks[j].first_part()
        if y and y + need > TEXT_H + 0.01:
            pages.append([])
            y = 0.0
        if y:
            y += block.before
        start = block.head if isinstance(block, _Table) else 0
        while True:
            end = _fit(block, start, TEXT_H - y, forced=not pages[-1])
            if end is None:  # nothing of it fits here
                pages.append([])
                y = 0.0
                continue
            pages[-1].append(_Placed(block, y, start, end))
            y += _part_height(block, start, end)
            total = len(block.lines) if isinstance(block, _Text) else len(block.heights)
            if end >= total:
                break
            pages.append([])
            y = 0.0
            start = end
        y += block.after
    return pages


def _part_height(block: Block, start: int, end: int) -> float:
    if isinstance(block, _Text):
        return (end - start) * block.leading
    return block.rows_height(0, block.head) + block.rows_height(start, end)


def _fit(block: Block, start: int, room: float, forced: bool) -> int | None:
    """Where the part of ``block`` from ``start`` placed in ``room`` ends (None: nothing of it
    fits). ``forced``: the page is empty, so something must go on it."""
    if isinstance(block, _Text):
        total = len(block.lines)
        fits = int((room + 0.01) // block.leading)
        if fits >= total - start:
            return total
        if block.splittable:
            end = min(start + fits, total - 2)  # no widow
            if end - start >= 2:  # no orphan
                return end
        return min(total, start + max(fits, 1)) if forced else None
    total = len(block.heights)
    if _part_height(block, start, total) <= room + 0.01:
        return total
    room -= block.rows_height(0, block.head)
    ends = [e for e in block.breaks(start) if block.rows_height(start, e) <= room + 0.01]
    if ends:
        return ends[-1]
    if forced:
        possible = block.breaks(start)
        return possible[0] if possible else total
    return None
