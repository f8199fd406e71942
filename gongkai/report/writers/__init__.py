"""Writers: a ``Report`` back into a publishable document (text, HTML, PDF, DOCX, XLSX,
Markdown, JSON).

``WRITERS`` maps a format name to a function ``(report) -> bytes`` (text formats in UTF-8);
``writer_for`` resolves a format name or an output file's extension. Whatever a writer
produces reads back through the engine to the same numbers. The DOCX, XLSX, Markdown and JSON
writers are imported when first used, so ``import gongkai.report`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from ..errors import OutputError
from ..model import Report
from .html import write_html
from .pdf import write_pdf
from .text import write_text

Writer = Callable[[Report], bytes]


def _text(report: Report) -> bytes:
    return write_text(report).encode("utf-8")


def _html(report: Report) -> bytes:
    return write_html(report).encode("utf-8")


def _docx(report: Report) -> bytes:
    from .docx import write_docx

    return write_docx(report)


def _xlsx(report: Report) -> bytes:
    from .xlsx import write_xlsx

    return write_xlsx(report)


def _md(report: Report) -> bytes:
    from .markdown import write_markdown

    return write_markdown(report).encode("utf-8")


def _json(report: Report) -> bytes:
    from .json_writer import write_json

    return write_json(report).encode("utf-8")


WRITERS: dict[str, Writer] = {"text": _text, "html": _html, "pdf": write_pdf, "docx": _docx, "xlsx": _xlsx, "md": _md, "json": _json}
WRITERS["txt"] = WRITERS["text"]  # alias

# File name extension of each format, for a caller that saves the bytes.
EXTENSIONS: dict[str, str] = {"text": ".txt", "html": ".html", "pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "md": ".md", "json": ".json"}
EXTENSIONS["txt"] = EXTENSIONS["text"]

# Other spellings of a format name or extension.
_ALIASES = {"txt": "text", "markdown": "md", "htm": "html", ".htm": "html", ".markdown": "md"}
# The order formats are offered in (names as a user types them).
_OFFERED = ("html", "docx", "pdf", "xlsx", "md", "json", "txt")


def formats() -> list[str]:
    """The format names a user can ask for, in the order they are offered."""
    names = [n for n in _OFFERED if n in WRITERS]
    return names + sorted(n for n in WRITERS if n not in names and n != "text")


def writer_for(name_or_path: str) -> tuple[str, Writer]:
    """The format (its canonical name) and writer for a format name (``docx``, ``txt`` …)
    or for an output file by its extension (``年报.docx``). Raises ``OutputError``."""
    given = name_or_path.strip()
    key = _ALIASES.get(given.lower(), given.lower())
    if key in WRITERS:
        return _ALIASES.get(key, key), WRITERS[key]
    suffix = PurePath(given).suffix.lower() or (given.lower() if given.startswith(".") else "")
    by_extension = {ext: name for name, ext in EXTENSIONS.items() if name not in _ALIASES}
    name = _ALIASES.get(suffix) or by_extension.get(suffix)
    if name is not None and name in WRITERS:
        return name, WRITERS[name]
    shown = suffix or given
    offered = formats()
    raise OutputError(
        f"不支持的输出格式“{shown}”，可选：{'、'.join(offered)}",
        f"unsupported output format {shown!r}; choose one of: {', '.join(offered)}",
    )

__all__ = ["EXTENSIONS", "WRITERS", "Writer", "formats", "write_docx", "write_html", "write_json", "write_markdown", "write_pdf", "write_text", "write_xlsx", "writer_for"]

_LAZY = {"write_docx": "docx", "write_xlsx": "xlsx", "write_markdown": "markdown", "write_json": "json_writer"}


def __getattr__(name: str) -> Any:
    """``write_docx`` and the other heavy writers, imported on first use."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
