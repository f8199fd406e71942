"""The one plain document every reader produces: a list of blocks.

A reader turns bytes of its format into blocks; ``assemble.py`` alone interprets them
(edition, sections, tables). A block is either a line of text or a table row.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

BlockKind = Literal["text", "row"]


class Block(NamedTuple):
    """One line of text, or one table row as its cell strings.

    ``kind == "text"``: ``cells`` holds exactly one string (a line or paragraph).
    ``kind == "row"``: ``cells`` holds the row's cell texts left to right; a merged
    (colspan) cell appears once followed by empty strings for the columns it spans
    only when the reader knows the grid; empty cells are ``""``.
    ``line`` is the 1-based position in the source (text line, or running row number);
    ``where`` is a short human location such as ``"第3页"`` or ``"表格2 第5行"``.
    """

    # A NamedTuple, not a dataclass: a batch builds millions of blocks.
    kind: BlockKind
    cells: tuple[str, ...]
    line: int
    where: str = ""

    @property
    def text(self) -> str:
        return " ".join(filter(None, self.cells))  # filter, not a generator: called for every prose line
