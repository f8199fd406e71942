"""Report ⇄ JSON. The shape is published as ``docs/report.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from .editions import EDITIONS
from .errors import UnreadableFile
from .model import Anomaly, Cell, Heading, Report, Section, Source

SCHEMA_ID = "https://gongkai.example/schema/report-1.json"


def _cell(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"value": cell.value}
    if cell.raw:
        out["raw"] = cell.raw
    if cell.source is not None:
        out["source"] = {k: v for k, v in (("line", cell.source.line), ("where", cell.source.where), ("how", cell.source.how)) if v}
    return out


def _uncell(data: dict[str, Any] | None) -> Cell:
    if data is None:
        return Cell(None)
    if not isinstance(data, dict):
        raise ValueError(f"单元格应为对象，却是 {data!r}")
    value = data.get("value")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ValueError(f"单元格的值应为数字或 null，却是 {value!r}")
    src = data.get("source")
    source = Source(int(src.get("line", 0)), src.get("where", ""), src.get("how", "")) if src else None
    return Cell(data.get("value"), data.get("raw", ""), source)


def summary(report: Report) -> dict[str, Any]:
    """The plain numbers: what `gongkai check --format json` prints for a report."""
    return {
        "agency": report.agency,
        "year": report.year,
        "format": report.edition,
        "title": report.title,
        "table2": report.table2_values(),
        "table3": report.table3_values(),
        "table4": report.table4_values(),
        "sections": [{"number": s.number, "title": s.title, "line": s.line} for s in report.sections],
    }


def to_dict(report: Report) -> dict[str, Any]:
    """Everything, with the source of every number."""
    spec = report.spec
    return {
        "$schema": SCHEMA_ID,
        "agency": report.agency,
        "year": report.year,
        "format": report.edition,
        "title": report.title,
        "source": report.source,
        "period_years": list(report.period_years),
        "sections": [
            {"number": s.number, "printed_number": s.printed_number, "title": s.title, "line": s.line, "text": s.text}
            for s in report.sections
        ],
        "headings": [
            {"number": h.number, "printed": h.printed, "title": h.title, "line": h.line, "section": h.section}
            for h in report.headings
        ],
        "table2": {row: {col: _cell(c) for col, c in cols.items()} for row, cols in report.table2.items()},
        "table3": None
        if report.table3 is None
        else [{"row": spec.table3[i].label, "cells": [_cell(c) for c in row]} for i, row in enumerate(report.table3)],
        "table4": None if report.table4 is None else [_cell(c) for c in report.table4],
        "anomalies": [
            _anomaly(a) for a in report.anomalies
        ],
    }


def _anomaly(a: Anomaly) -> dict[str, Any]:
    return {"kind": a.kind, "table": a.table, "row": a.row, "column": a.column, "line": a.line,
            "detail": a.detail, "detail_en": a.detail_en}


def from_dict(data: dict[str, Any]) -> Report:
    try:
        edition = str(data["format"])
        if edition not in EDITIONS:
            raise UnreadableFile(f"未知的格式版本“{edition}”（应为 2021 或 2019）", f"unknown format {edition!r}")
        t3 = data.get("table3")
        t4 = data.get("table4")
        spec = EDITIONS[edition]
        if t3 is not None and (len(t3) != len(spec.table3) or any(len(row["cells"]) != 7 for row in t3)):
            raise ValueError(f"表三应有 {len(spec.table3)} 行、每行 7 格")
        if t4 is not None and len(t4) != 15:
            raise ValueError("表四应有 15 格")
        for s in data.get("sections") or []:
            if not isinstance(s.get("text", ""), str) or not isinstance(s.get("title", ""), str):
                raise ValueError("章节的标题和正文应为字符串")
        return Report(
            agency=str(data.get("agency") or ""),
            year=data.get("year"),
            edition=edition,
            title=str(data.get("title") or ""),
            sections=tuple(
                Section(s["number"], s.get("printed_number", ""), s.get("title", ""), int(s.get("line", 0)), s.get("text", ""))
                for s in data.get("sections") or []
            ),
            headings=tuple(
                Heading(int(h["number"]), h.get("printed", ""), h.get("title", ""), int(h.get("line", 0)), h.get("section"))
                for h in data.get("headings") or []
            ),
            table2={row: {col: _uncell(c) for col, c in cols.items()} for row, cols in (data.get("table2") or {}).items()},
            table3=None if t3 is None else tuple(tuple(_uncell(c) for c in row["cells"]) for row in t3),
            table4=None if t4 is None else tuple(_uncell(c) for c in t4),
            period_years=tuple(data.get("period_years") or ()),
            anomalies=tuple(Anomaly(**a) for a in data.get("anomalies") or []),
            source=str(data.get("source") or ""),
        )
    except UnreadableFile:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UnreadableFile(f"报告 JSON 结构不正确：{exc}", f"malformed report JSON: {exc}") from exc


def dumps(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=1)


def loads(text: str) -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"JSON 无法解析：第{exc.lineno}行 {exc.msg}", f"invalid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise UnreadableFile("报告 JSON 应为一个对象", "report JSON must be an object")
    return from_dict(data)
