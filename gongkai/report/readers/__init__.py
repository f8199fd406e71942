"""Readers: bytes of a published report into blocks (see ``blocks.py``)."""

from __future__ import annotations

from collections.abc import Callable

from .blocks import Block
from .detect import Format, sniff


def _reader(kind: Format) -> Callable[[bytes], list[Block]]:
    # Imported lazily: a batch of text reports never pays for lxml, docx or pdfium.
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf
    if kind == "docx":
        from .docx import read_docx

        return read_docx
    if kind == "xlsx":
        from .xlsx import read_xlsx

        return read_xlsx
    if kind == "html":
        from .html import read_html

        return read_html
    from .text import read_text

    return read_text


def read_blocks(data: bytes, name: str = "") -> tuple[Format, list[Block]]:
    """Sniff the format of ``data`` and turn it into blocks."""
    kind = sniff(data, name)
    return kind, _reader(kind)(data)


__all__ = ["Block", "read_blocks", "sniff"]
