"""Typed errors of the report engine: each carries a Chinese message for the user."""

from __future__ import annotations


class ReportError(Exception):
    """Base class: an input the engine cannot turn into a report.

    ``message`` is one line in Chinese naming the problem; ``message_en`` its English gloss.
    """

    def __init__(self, message: str, message_en: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message


class UnreadableFile(ReportError):
    """The bytes cannot be decoded or opened (empty, binary, corrupt, wrong format)."""


class NotAReport(ReportError):
    """The file was read but holds no annual report (no tables, no sections)."""


class NoTextLayer(ReportError):
    """A PDF whose pages carry no text (a scan): it needs OCR first."""


class OutputError(ReportError):
    """An output cannot be written (unknown format, unwritable folder, …)."""


class MergeError(ReportError):
    """Reports that cannot be summed into one (different years or editions, too few)."""


class DiffError(ReportError):
    """Two reports that cannot be compared (not the same agency)."""


def unreadable(exc: OSError) -> UnreadableFile:
    """The one-line reason a file could not be read, for the user."""
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile("文件不存在", "no such file")
    if isinstance(exc, IsADirectoryError):
        return UnreadableFile("这是一个目录，不是文件", "a directory, not a file")
    if isinstance(exc, PermissionError):
        return UnreadableFile("没有读取权限", "permission denied")
    return UnreadableFile(f"无法读取：{exc.strerror or exc}", f"cannot read: {exc}")
