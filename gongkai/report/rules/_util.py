"""Helpers shared by rules."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Location
from ..model import Anomaly, Number, Report


def anomalies(report: Report, kind: str) -> Iterator[Anomaly]:
    return (a for a in report.anomalies if a.kind == kind)


def where(a: Anomaly) -> Location:
    return Location(table=a.table, row=a.row, column=a.column, line=a.line)


def fmt(value: Number | None) -> str:
    if value is None:
        return "空"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def known(*values: Number | None) -> bool:
    return all(v is not None for v in values)
