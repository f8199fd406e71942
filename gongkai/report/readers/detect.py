"""Tell a file's format from its bytes, and decode text in UTF-8, UTF-16 or GB18030."""

from __future__ import annotations

from io import BytesIO
from typing import Literal

from ..errors import UnreadableFile

Format = Literal["pdf", "docx", "xlsx", "html", "text"]

_HTML_MARKS = (b"<html", b"<!doctype html", b"<table", b"<body", b"<div", b"<p>", b"<p ")


def sniff(data: bytes, name: str = "") -> Format:
    """The format of ``data``: by its magic bytes first, by the file name last."""
    if not data.strip():
        raise UnreadableFile("文件为空", "the file is empty")
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile(
            "这是旧版 Office 二进制文件（.doc/.xls），请另存为 .docx 或 .xlsx 后再检查",
            "legacy binary Office file (.doc/.xls): save it as .docx or .xlsx",
        )
    start = data[:4096]
    if b"<" in start:  # every mark starts with one; plain text reports seldom hold any
        lowered = start.lower()
        if any(mark in lowered for mark in _HTML_MARKS):
            return "html"
    if name.lower().endswith((".html", ".htm")):
        return "html"
    return "text"


def _office_kind(data: bytes) -> Format:
    import zipfile  # here, not at the top: a batch of text reports never needs it (start-up)

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile("ZIP/Office 文件已损坏，无法打开", "corrupt ZIP/Office file") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnreadableFile(
        "ZIP 压缩包不是 Word（.docx）或 Excel（.xlsx）文件", "a ZIP archive that is neither DOCX nor XLSX"
    )


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM, then strict UTF-8, then GB18030 (which covers GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if _looks_binary(data):
        raise UnreadableFile("这是二进制文件，不是文本、HTML、DOCX、PDF 或 XLSX 报告", "a binary file, not a report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            "无法识别文本编码（既不是 UTF-8 也不是 GB18030/GBK）", "unknown text encoding (neither UTF-8 nor GB18030)"
        ) from exc


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_PRINTABLE = bytes(b for b in range(256) if b not in _CONTROLS)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _PRINTABLE))  # count of control bytes, in C
    return controls > len(sample) * 0.05
