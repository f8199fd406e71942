"""The annual report engine: read a published report, check it against the national format.

Plain Python; never imports Django. ::

    from gongkai.report import read_path, check
    report = read_path("2024年报.pdf")
    for finding in check(report):
        print(finding.rule, finding.message)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .check import check
from .errors import NotAReport, NoTextLayer, ReportError, UnreadableFile, unreadable
from .model import Cell, Report, Section, Source
from .readers import read_blocks
from .readers.assemble import assemble


def read_bytes(data: bytes, name: str = "") -> Report:
    """Read a report from the bytes of a text, HTML, DOCX, PDF or XLSX file."""
    if data.lstrip()[:1] == b"{" and b'"table3"' in data[:200000]:
        from .serialize import loads

        report = loads(data.decode("utf-8", errors="replace"))
        return report if report.source else replace(report, source=name)
    _, blocks = read_blocks(data, name)
    return assemble(blocks, source=name)


def read_path(path: str | Path) -> Report:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(exc) from exc
    return read_bytes(data, path.name)


def read_text(text: str, name: str = "") -> Report:
    from .readers.text import blocks_from_text

    return assemble(blocks_from_text(text), source=name)


__all__ = [
    "Cell",
    "NoTextLayer",
    "NotAReport",
    "Report",
    "ReportError",
    "Section",
    "Source",
    "UnreadableFile",
    "check",
    "read_bytes",
    "read_path",
    "read_text",
]
