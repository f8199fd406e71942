"""Blocks into lines: each block split into its label and the value tokens that end it."""

from __future__ import annotations

import re
from itertools import compress
from typing import NamedTuple

from ..textnorm import _NEEDS_WIDTH, _WIDTH, BLANK_MARKS, DAMAGED, NUMBER, half_width
from .blocks import Block

EMPTY = ""  # an empty cell (a tab or pipe with nothing between)

# Page marks such as "- 4 -", "— 5 —", "第 3 页", "第3页 共7页".
_PAGE_MARK = re.compile(r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
_PAGE_MARK_END = frozenset("0123456789-—–－页")
# Markdown heading prefix.
_MD_HEAD = re.compile(r"^\s*#{1,6}\s*")
# Footnotes inside a cell: "22（其中修订16件）", "55（含自然失效29件）" – the footnote is not a cell.
_FOOTNOTE = re.compile(r"[（(]\s*(?:其中|含|包括|另有|注)[^（()）]*[）)]")
# A label whose last characters are digits glued to it: 行政规范性文件693665.
_GLUED_TAIL = re.compile(r"^(.*[\u4e00-\u9fff）)”\"])(\d+(?:\.\d+)?)$")
# A line whose last character is none of these cannot end in a value (fast path for prose).
_VALUE_END = frozenset("0123456789０１２３４５６７８９/-—–－\\一无空xX|")


class Line(NamedTuple):
    """A block as a label and the value tokens that end it.

    A NamedTuple built with ``tuple.__new__`` on the common paths, like ``Block``: a report
    has about a hundred lines, and a class's generated ``__init__`` is a Python call each."""

    index: int  # type: ignore[assignment]  # shadows tuple.index, which no caller uses
    block: Block
    label: str  # label text as printed (tokens joined)
    key: str  # label, half-width, without spaces
    values: list[str]  # value tokens, EMPTY for an empty cell
    footnote: str = ""  # footnote text stripped from the line
    numbers: int = 0  # how many value tokens are plain numbers

    @property
    def has_number(self) -> bool:
        return self.numbers > 0


_new = tuple.__new__


def is_value_token(token: str) -> bool:
    return token == EMPTY or token in BLANK_MARKS or bool(NUMBER.match(token)) or bool(DAMAGED.match(token))


def make_lines(blocks: list[Block]) -> list[Line]:
    # Every cell stripped, and half-widthed in one batch for the whole document; each block
    # then takes its own cells off the two flat lists.
    flat = [cell.strip() for block in blocks for cell in block.cells]
    wide = half_width_all(flat)
    lines: list[Line] = []
    at = 0
    for index, block in enumerate(blocks):
        end = at + len(block.cells)
        if block.kind == "text":
            line = _text_line(index, block, wide[at])
        else:
            line = _row_line(index, block, flat[at:end], wide[at:end])
        at = end
        if line is not None:
            lines.append(line)
    return lines


# half_width's table as string replacements; "" deletes (zero-width characters).
_HALF = {chr(code): "" if to is None else chr(to) for code, to in _WIDTH.items()}
_SEP = "\x1f"


def half_width_all(texts: list[str]) -> list[str]:
    """``[half_width(t) for t in texts]`` at a fraction of the cost: half_width's regex search
    has a fixed cost per call, and its ``translate`` costs hundreds of instructions per
    character (a KeyError raised and cleared for every character it keeps). Here the texts
    are joined once; each search finds the next character to change and one ``replace``
    changes all of its occurrences, so there are as many searches as distinct characters
    (a dozen or two in a report) and no per-character work in Python."""
    joined = _SEP.join(texts)
    found = _NEEDS_WIDTH.search(joined)
    if found is None:
        return texts
    while found is not None:
        at = found.start()  # nothing to change before it, and replace() keeps that part
        joined = joined.replace(found.group(), _HALF[found.group()])
        found = _NEEDS_WIDTH.search(joined, at)
    wide = joined.split(_SEP)
    if len(wide) != len(texts):  # some text holds the separator itself
        return [half_width(t) for t in texts]
    return wide


def _text_line(index: int, block: Block, wide: str) -> Line | None:
    """``wide``: the block's text, stripped and half-widthed."""
    raw = block.cells[0]
    if len(raw) > 60 and raw[-1] not in _VALUE_END and not raw.startswith("#"):
        # A paragraph of prose: no values, never a table label; its key is only looked at for
        # a heading run into its paragraph (its half-width form goes unused).
        return _new(Line, (index, block, raw, "".join(raw.split()), [], "", 0))
    text = wide.strip()  # half_width(raw).strip(): stripping before half-widthing changes nothing
    notes = ""
    if "(" in text and _FOOTNOTE.search(text):
        notes = " ".join(m.group(0) for m in _FOOTNOTE.finditer(text))
        text = _FOOTNOTE.sub("", text).strip()
        if not text:
            return Line(index, block, "", "", [], notes)
    if text.startswith("#"):
        text = _MD_HEAD.sub("", text)
    if not text or (len(text) < 24 and text[-1] in _PAGE_MARK_END and _PAGE_MARK.match(text)):
        return None
    if text[-1] not in _VALUE_END:  # prose: no trailing values
        return _new(Line, (index, block, text, "".join(text.split()), [], notes, 0))
    return _split(index, block, text.split(), notes)


_LABEL, _NUMBER, _OTHER_VALUE = 0, 1, 2


def _kind(token: str) -> int:
    if token.isdecimal() or NUMBER.match(token):
        return _NUMBER
    if token == EMPTY or token in BLANK_MARKS or DAMAGED.match(token):
        return _OTHER_VALUE
    return _LABEL


def _row_line(index: int, block: Block, cells: list[str], wide: list[str]) -> Line | None:
    """``cells``: the block's cells stripped; ``wide``: the same half-widthed."""
    # Fast path, the common shape: label cells, then cells that are empty or plain digits
    # (isdecimal also takes full-width digits, which int() reads). The most common of all, one
    # label cell and then only such cells, is told by one test of the joined rest (a string of
    # digits, or nothing) instead of a loop over the cells.
    digits = "".join(cells[1:])
    if cells and cells[0] and not cells[0].isdecimal() and (digits.isdecimal() or not digits):
        cut = 1
    else:
        cut = len(cells)
        while cut and (not cells[cut - 1] or cells[cut - 1].isdecimal()):
            cut -= 1
        digits = "".join(cells[cut:])
    values = wide[cut:]
    numbers = len(values) - values.count(EMPTY)
    if not cut:
        return _new(Line, (index, block, "", "", values, "", numbers)) if numbers else None
    last = cells[cut - 1]
    if last[-1] not in _VALUE_END and (numbers or not last[-1].isdecimal()):
        label = wide[0] if cut == 1 else " ".join(compress(wide[:cut], cells[:cut]))  # as filter(None, cells)
        if "(" not in label or not _FOOTNOTE.search(label):
            return _new(Line, (index, block, label, "".join(label.split()), values, "", numbers))
    return _row_line_general(index, block, [c.strip() for c in half_width("\x1f".join(block.cells)).split("\x1f")])


def _row_line_general(index: int, block: Block, cells: list[str]) -> Line | None:
    tokens: list[str] = []
    kinds: list[int] = []
    notes: list[str] = []
    for cell in cells:
        if not cell:
            tokens.append(EMPTY)
            kinds.append(_OTHER_VALUE)
            continue
        if cell.isdecimal():
            tokens.append(cell)
            kinds.append(_NUMBER)
            continue
        if "(" in cell and _FOOTNOTE.search(cell):
            notes.extend(m.group(0) for m in _FOOTNOTE.finditer(cell))
            cell = _FOOTNOTE.sub("", cell).strip()
        compact = cell.replace(" ", "")
        if compact in BLANK_MARKS or NUMBER.match(compact):
            tokens.append(compact)
            kinds.append(_kind(compact))
        else:
            for part in cell.split():
                tokens.append(part)
                kinds.append(_kind(part))
    if all(k == _OTHER_VALUE and not t for t, k in zip(tokens, kinds, strict=True)):
        return None
    if len(tokens) - tokens.count(EMPTY) == 1 and _PAGE_MARK.match(" ".join(tokens)):
        return None
    return _split(index, block, tokens, " ".join(notes), kinds)


def _split(index: int, block: Block, tokens: list[str], notes: str, kinds: list[int] | None = None) -> Line:
    if kinds is None:
        kinds = [_kind(t) for t in tokens]
    cut = len(tokens)
    while cut > 0 and kinds[cut - 1] != _LABEL:
        cut -= 1
    label_tokens, values = tokens[:cut], tokens[cut:]
    numbers = kinds[cut:].count(_NUMBER)
    if label_tokens and not numbers and not any(values):
        glued = _GLUED_TAIL.match(label_tokens[-1])
        if glued and not label_tokens[-1][0].isdecimal():
            label_tokens = [*label_tokens[:-1], glued.group(1)]
            values = [glued.group(2), *values]
            numbers += 1
    label = " ".join(t for t in label_tokens if t)
    return Line(index, block, label, "".join(label.split()), values, notes, numbers)
