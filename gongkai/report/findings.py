"""Findings: what a rule reports, where, how grave, and a fingerprint that survives re-runs."""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "notice": "提示"}[self.value]


# NamedTuples, not frozen dataclasses: a frozen dataclass sets each field through
# object.__setattr__, three times slower to build, and a report can have dozens of findings.
# The subclasses keep what the dataclasses had: immutable, equal only within their class.


def _eq(self: tuple[object, ...], other: object) -> bool:
    """== as the dataclasses had it: never equal to a plain tuple or to another class."""
    if other.__class__ is self.__class__:
        return tuple.__eq__(self, other)
    return False if isinstance(other, tuple) else NotImplemented


def _ne(self: tuple[object, ...], other: object) -> bool:
    equal = _eq(self, other)
    return equal if equal is NotImplemented else not equal


class _LocationFields(NamedTuple):
    section: str = ""  # 一 … 六
    table: str = ""  # 二 / 三 / 四
    row: str = ""
    column: str = ""
    line: int | None = None


class Location(_LocationFields):
    __slots__ = ()

    __eq__ = _eq
    __ne__ = _ne
    __hash__ = tuple.__hash__

    def describe(self) -> str:
        parts: list[str] = []
        if self.table:
            parts.append(f"表{self.table}")
            if self.row:
                parts.append(self.row)
            if self.column:
                parts.append(f"「{self.column}」列")
        elif self.section:
            parts.append(f"第{self.section}部分")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts) or "全文"

    def key(self) -> str:
        """Identity for fingerprints: by label where there is one, by line only otherwise."""
        if self.table or self.section:
            return f"{self.section}|{self.table}|{self.row}|{self.column}"
        return f"line:{self.line}"

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in (("section", self.section), ("table", self.table), ("row", self.row),
                                  ("column", self.column), ("line", self.line)) if v not in ("", None)}


class _FindingFields(NamedTuple):
    rule: str
    severity: Severity
    message: str
    message_en: str
    location: Location
    basis: str = ""
    fingerprint: str = ""


class Finding(_FindingFields):
    __slots__ = ()

    __eq__ = _eq
    __ne__ = _ne
    __hash__ = tuple.__hash__

    def with_fingerprint(self, identity: str) -> Finding:
        digest = hashlib.sha1(f"{self.rule}\x1f{identity}\x1f{self.location.key()}".encode()).hexdigest()
        return Finding(self.rule, self.severity, self.message, self.message_en, self.location, self.basis, digest[:16])

    def as_dict(self, english: bool = False) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message_en if english else self.message,
            "location": self.location.as_dict(),
            "where": self.location.describe(),
            "basis": self.basis,
            "fingerprint": self.fingerprint,
        }
