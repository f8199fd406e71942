"""Plain text as copied from a web page or extracted from a PDF/OCR: lines into blocks.

Cells are split on tabs and on Markdown pipes; runs of two or more spaces also separate
cells. A line without such separators stays one text block; the interpreter splits
trailing numbers off it.
"""

from __future__ import annotations

import re

from .blocks import Block
from .detect import decode_text

_WIDE_GAP = re.compile(r" {2,}|\u3000{1,}")


_new = tuple.__new__


def read_text(data: bytes) -> list[Block]:
    return blocks_from_text(decode_text(data))


def blocks_from_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    add = blocks.append
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped[0] == "|":
            if not stripped.strip("|-: \t"):  # a Markdown rule line |---|:---:|
                continue
            body = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
            add(_new(Block, ("row", tuple(body.split("|")), number, "")))  # lines.py strips cells
        elif "\t" in raw:
            # Leading tabs are empty cells (merged labels); keep them, drop trailing spaces only.
            add(_new(Block, ("row", tuple(raw.rstrip(" \r\n\u3000").split("\t")), number, "")))
        elif ("  " in stripped or "\u3000" in stripped) and _WIDE_GAP.search(stripped):
            add(_new(Block, ("row", tuple(_WIDE_GAP.split(stripped)), number, "")))
        else:
            add(_new(Block, ("text", (stripped,), number, "")))  # skips NamedTuple.__new__
    return blocks
