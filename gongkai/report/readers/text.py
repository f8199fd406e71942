"""Plain text as copied from a web page or extracted from a PDF/OCR: lines into blocks.

Cells are split on tabs and on Markdown pipes; runs of two or more spaces also separate
cells. A line without such separators stays one text block; the interpreter splits
trailing numbers off it.
"""

from __future__ import annotations

import re

from ..textnorm import half_width
from .blocks import Block
from .detect import decode_text

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_WIDE_GAP = re.compile(r" {2,}|\u3000{1,}")


def read_text(data: bytes) -> list[Block]:
    return blocks_from_text(decode_text(data))


def blocks_from_text(text: str) -> list[Block]:
    # Half-width the whole text once; blocks keep the text as printed beside it.
    norm_lines = half_width(text).splitlines()
    blocks = [_with_norm(b, norm_lines) for b in _blocks(text.splitlines())]
    return blocks


def _with_norm(block: Block, norm_lines: list[str]) -> Block:
    if block.kind == "text":
        return block._replace(norm=(norm_lines[block.line - 1].strip(),))
    return block


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(lines, start=1):
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
            cells = tuple(c.strip() for c in body.split("|"))
            blocks.append(Block("row", cells, number))
        elif "\t" in line:
            blocks.append(Block("row", tuple(line.split("\t")), number))  # cells are stripped by lines.py
        elif ("  " in stripped or "\u3000" in stripped) and _WIDE_GAP.search(stripped):
            cells = tuple(c.strip() for c in _WIDE_GAP.split(stripped))
            blocks.append(Block("row", cells, number))
        else:
            blocks.append(Block("text", (stripped,), number))
    return blocks
