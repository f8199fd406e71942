"""Choices shared by several commands, in a module that imports no command-line library."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERRUPTED = 0, 1, 2, 130
