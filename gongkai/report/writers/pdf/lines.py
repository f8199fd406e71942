"""Line breaking for the PDF, by CJK rules: a line may break between any two characters of
Chinese text, but no line starts with a closing mark or ends with an opening one, and Latin
words and numbers are kept whole (a token longer than a line is broken anywhere). Lines carry
their styled spans and natural width; justification happens when they are drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .fonts import _Face

OPENING = "（《“‘「『【〔〈［｛([{"
CLOSING = "，。、；：？！）》”’」』】〕〉］｝…—·～％,.;:?!)]}%"
_TOKEN = re.compile(
    rf"\s+|[{re.escape(OPENING)}]*"
    r"(?:[0-9A-Za-z](?:[0-9A-Za-z.,:;/_+\-=?&#%~@]*[0-9A-Za-z/])?|\S)"
    rf"[{re.escape(CLOSING)}]*"
)

Span = tuple[_Face, str]


@dataclass(slots=True)
class _Line:
    spans: list[Span]
    width: float  # points, without letter spacing, before scaling
    last: bool = False  # a paragraph's last line (never justified)
    scale: float = 1.0  # horizontal scaling (a long agency name condensed on one title line)

    @property
    def chars(self) -> int:
        return sum(len(s) for _, s in self.spans)


def _break(spans: Sequence[Span], size: float, width: float, indent: float = 0.0) -> list[_Line]:
    """Lines of at most ``width`` points (the first indented): breaks between characters of CJK
    text, never before a closing mark or after an opening one, never inside a number or word."""
    lines: list[_Line] = []
    current: list[Span] = []
    used = indent
    room = width

    def flush() -> None:
        nonlocal current, used
        while current and current[-1][1].isspace():
            used -= current[-1][0].width(current[-1][1]) * size
            current.pop()
        if current:
            lines.append(_Line(_merge(current), used - (indent if not lines else 0.0)))
        current, used = [], 0.0

    for face, text in spans:
        for token in _TOKEN.findall(text):
            w = face.width(token) * size
            if token.isspace():
                if current:
                    current.append((face, " "))
                    used += face.width(" ") * size
                continue
            if current and used + w > room + 0.01:
                flush()
            if w > room - used + 0.01:  # longer than a line: break it anywhere
                for char in token:
                    cw = face.width(char) * size
                    if current and used + cw > room + 0.01:
                        flush()
                    current.append((face, char))
                    used += cw
                continue
            current.append((face, token))
            used += w
    flush()
    if lines:
        lines[-1].last = True
    return lines


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for face, text in spans:
        if out and out[-1][0] is face:
            out[-1] = (face, out[-1][1] + text)
        else:
            out.append((face, text))
    return out
