"""Writers: a ``Report`` back into a publishable document (plain text, HTML).

``WRITERS`` maps a format name to a function ``(report) -> bytes`` (UTF-8). Whatever a writer
produces reads back through the engine to the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from .html import write_html
from .text import write_text

Writer = Callable[[Report], bytes]


def _text(report: Report) -> bytes:
    return write_text(report).encode("utf-8")


def _html(report: Report) -> bytes:
    return write_html(report).encode("utf-8")


WRITERS: dict[str, Writer] = {"text": _text, "html": _html}

# File name extension of each format, for a caller that saves the bytes.
EXTENSIONS: dict[str, str] = {"text": ".txt", "html": ".html"}

__all__ = ["EXTENSIONS", "WRITERS", "Writer", "write_html", "write_text"]
