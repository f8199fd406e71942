"""Plain text as copied from a web page or extracted from a PDF/OCR: lines into blocks.

Cells are split on tabs and on Markdown pipes; runs of two or more spaces also separate
cells. A line without such separators stays one text block; the interpreter splits
trailing numbers off it.
"""

from __future__ import annotations

import re

from .blocks import Block
from .detect import decode_text

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_WIDE_GAP = re.compile(r" {2,}|\u3000{1,}")


_new = tuple.__new__


def read_text(data: bytes) -> list[Block]:
    return blocks_from_text(decode_text(data))


def blocks_from_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip(" \r\n\u3000")
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[0] == "|":
            if _MD_RULE.match(line):
                continue
            body = line.strip()
            body = body[1:] if body.startswith("|") else body
            body = body[:-1] if body.endswith("|") else body
            cells = tuple(body.split("|"))  # cells are stripped by lines.py
            blocks.append(Block("row", cells, number))
        elif "\t" in line:
            blocks.append(Block("row", tuple(line.split("\t")), number))  # cells are stripped by lines.py
        elif ("  " in stripped or "\u3000" in stripped) and _WIDE_GAP.search(stripped):
            cells = tuple(_WIDE_GAP.split(stripped))
            blocks.append(Block("row", cells, number))
        else:
            blocks.append(_new(Block, ("text", (stripped,), number, "")))  # skips NamedTuple.__new__
    return blocks
