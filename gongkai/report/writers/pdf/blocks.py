"""The blocks a PDF page is made of: ``_Text`` (lines of one size and leading: the title, a
heading, a paragraph, a caption) and ``_Table`` (a national grid with its cells' lines and row
heights), each knowing its height, what of it may stand at the foot of a page, and, for a
table, the rows before which a page may break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .._grid import Grid, GridCell
from .fonts import _Face
from .geometry import CELL_LEADING, PAD_Y
from .lines import _Line


@dataclass(slots=True)
class _Text:
    """Lines of one size and leading: the title, a heading, a paragraph, a caption."""

    lines: list[_Line]
    size: float
    leading: float
    align: str = "justify"  # justify | center
    indent: float = 0.0  # of the first line
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False
    splittable: bool = False  # across pages, leaving at least two lines on each

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading

    def first_part(self) -> float:
        """The least of it that may stand at the foot of a page."""
        if self.splittable and len(self.lines) >= 4:
            return 2 * self.leading
        return self.height


@dataclass(slots=True)
class _Cell:
    grid: GridCell
    face: _Face
    size: float
    lines: list[_Line]
    align: str  # left | center

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * CELL_LEADING + 2 * PAD_Y


@dataclass(slots=True)
class _Table:
    grid: Grid
    cols: list[float]  # widths
    cells: list[_Cell]
    heights: list[float] = field(default_factory=list)  # of each grid row
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False
    _breaks: dict[int, list[int]] = field(default_factory=dict)

    @property
    def head(self) -> int:
        return self.grid.header_rows

    def rows_height(self, start: int, end: int) -> float:
        return sum(self.heights[start:end])

    @property
    def height(self) -> float:
        return self.rows_height(0, len(self.heights))

    def first_part(self) -> float:
        breaks = self.breaks(self.head)
        return self.rows_height(0, breaks[0] if breaks else len(self.heights))

    def breaks(self, start: int) -> list[int]:
        """The rows after ``start`` before which a page may break: never inside a merged cell
        too short above the break to hold its text, never right below a row of headers."""
        if start in self._breaks:
            return self._breaks[start]
        not_head = {c.grid.row for c in self.cells if c.grid.kind not in ("head", "note")}
        merged = [c for c in self.cells if c.grid.rowspan > 1 and c.grid.row >= start]
        out = [
            end
            for end in range(start + 1, len(self.heights))
            if end - 1 in not_head
            and not any(
                c.grid.row < end < c.grid.row + c.grid.rowspan
                and self.rows_height(c.grid.row, end) < c.height
                for c in merged
            )
        ]
        self._breaks[start] = out
        return out


Block = _Text | _Table
