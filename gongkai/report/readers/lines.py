"""Blocks into lines: each block split into its label and the value tokens that end it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..textnorm import BLANK_MARKS, DAMAGED, NUMBER, half_width, squash
from .blocks import Block

EMPTY = ""  # an empty cell (a tab or pipe with nothing between)

# Page marks such as "- 4 -", "— 5 —", "第 3 页", "第3页 共7页".
_PAGE_MARK = re.compile(r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
# Markdown heading prefix, bullet.
_MD_HEAD = re.compile(r"^\s*#{1,6}\s*")
# Footnotes inside a cell: "22（其中修订16件）", "55（含自然失效29件）" – the footnote is not a cell.
_FOOTNOTE = re.compile(r"[（(]\s*(?:其中|含|包括|另有|注)[^（()）]*[）)]")
# A label whose last characters are digits glued to it: 行政规范性文件693665.
_GLUED_TAIL = re.compile(r"^(.*[\u4e00-\u9fff）)”\"])(\d+(?:\.\d+)?)$")


@dataclass(slots=True)
class Line:
    index: int
    block: Block
    label: str  # label text as printed (tokens joined)
    key: str  # label, half-width, without spaces
    values: list[str]  # value tokens, EMPTY for an empty cell
    footnote: str = ""  # footnote text stripped from the line

    @property
    def numbers(self) -> int:
        return sum(1 for v in self.values if v and NUMBER.match(v))

    @property
    def has_number(self) -> bool:
        return any(v and NUMBER.match(v) for v in self.values)


def is_value_token(token: str) -> bool:
    return token == EMPTY or token in BLANK_MARKS or bool(NUMBER.match(token)) or bool(DAMAGED.match(token))


def make_lines(blocks: list[Block]) -> list[Line]:
    lines: list[Line] = []
    for index, block in enumerate(blocks):
        line = _make_line(index, block)
        if line is not None:
            lines.append(line)
    return lines


def _make_line(index: int, block: Block) -> Line | None:
    tokens: list[str] = []
    notes: list[str] = []
    for raw in block.cells:
        cell = half_width(raw).strip()
        if _FOOTNOTE.search(cell):
            notes.extend(m.group(0) for m in _FOOTNOTE.finditer(cell))
            cell = _FOOTNOTE.sub("", cell).strip()
        if block.kind == "text":
            cell = _MD_HEAD.sub("", cell)
            if not cell and notes:
                return Line(index, block, "", "", [], " ".join(notes))
            if not cell or _PAGE_MARK.match(cell):
                return None
            tokens.extend(cell.split())
        elif not cell:
            tokens.append(EMPTY)
        elif NUMBER.match(cell.replace(" ", "")) or cell in BLANK_MARKS:
            tokens.append(cell.replace(" ", ""))
        else:
            tokens.extend(cell.split())
    if block.kind == "row" and not any(tokens):
        return None
    if block.kind == "row" and len([t for t in tokens if t]) == 1 and _PAGE_MARK.match(" ".join(tokens)):
        return None
    cut = len(tokens)
    while cut > 0 and is_value_token(tokens[cut - 1]):
        cut -= 1
    label_tokens, values = tokens[:cut], tokens[cut:]
    if label_tokens and not any(values):
        glued = _GLUED_TAIL.match(label_tokens[-1])
        if glued and not label_tokens[-1][0].isdigit():
            label_tokens = [*label_tokens[:-1], glued.group(1)]
            values = [glued.group(2), *values]
    label = " ".join(t for t in label_tokens if t)
    return Line(index, block, label, squash(label), values, " ".join(notes))
