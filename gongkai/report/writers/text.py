"""A report as plain text, the way an office pastes it on a web page: tables as TAB-separated
rows in the grid of the national format (merged cells printed once, at their top left)."""

from __future__ import annotations

from ..editions import Edition
from ..model import Report
from ._common import (
    T2_LABEL,
    T3_APPLICANTS,
    T3_NOTE,
    T3_ORGS,
    T4_AFTER,
    T4_DIRECT,
    T4_LITIGATION,
    T4_RECONSIDERATION,
    T4_RESULTS,
    fmt,
    has_table2,
    period,
    prose,
    t2_blocks,
    t2_header,
    t2_text,
    title,
)

TAB = "\t"


def write_text(report: Report) -> str:
    edition = report.spec
    out: list[str] = [title(report), ""]
    if report.year:
        out += [period(report), ""]
    for spec in edition.sections:
        out += [f"{spec.number}、{spec.title}", ""]
        for paragraph in prose(report.section(spec.number)):
            out += [paragraph, ""]
        table: list[str] = []
        if spec.number == "二" and has_table2(report):
            table = table2_lines(report, edition)
        elif spec.number == "三" and report.table3 is not None:
            table = table3_lines(report, edition)
        elif spec.number == "四" and report.table4 is not None:
            table = table4_lines(report)
        if table:
            out += [*table, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def table2_lines(report: Report, edition: Edition) -> list[str]:
    width = 1 + max(len(r.columns) for r in edition.table2)
    lines: list[str] = []
    for block in t2_blocks(edition):
        lines.append(_row([block.name], width))
        lines.append(_row([T2_LABEL, *(t2_header(c) for c in block.columns)], width))
        for row in block.rows:
            values = t2_text(report, row)
            lines.append(TAB.join([row.key, *values, *[""] * (width - 1 - len(values))]))
    return lines


def table3_lines(report: Report, edition: Edition) -> list[str]:
    assert report.table3 is not None
    lines = [
        _row([T3_NOTE, "", "", T3_APPLICANTS], 10),
        _row(["", "", "", edition.table3_columns[0], T3_ORGS, "", "", "", "", edition.table3_columns[-1]], 10),
        _row(["", "", "", "", *edition.table3_columns[1:-1]], 10),
    ]
    for labels, cells in zip(t3_label_cells(edition), report.table3, strict=True):
        lines.append(TAB.join([*labels, *(fmt(c.value) for c in cells)]))
    return lines


def t3_label_cells(edition: Edition) -> list[tuple[str, str, str]]:
    """The three label columns of each row of table 三, a merged label only on its first row."""
    out: list[tuple[str, str, str]] = []
    seen_l1: set[str] = set()
    seen_l2: set[str] = set()
    for row in edition.table3:
        if not row.level2:  # 一、二、四: one label over three columns
            out.append((row.level1, "", ""))
            continue
        l1 = "" if row.level1 in seen_l1 else row.level1
        seen_l1.add(row.level1)
        l2 = "" if row.level2 in seen_l2 else row.level2
        seen_l2.add(row.level2)
        out.append((l1, l2, row.level3))
    return out


def table4_lines(report: Report) -> list[str]:
    assert report.table4 is not None
    results = list(T4_RESULTS)
    return [
        _row([T4_RECONSIDERATION, "", "", "", "", T4_LITIGATION], 15),
        _row([*results, T4_DIRECT, "", "", "", "", T4_AFTER], 15),
        _row(["", "", "", "", "", *results, *results], 15),
        TAB.join(fmt(c.value) for c in report.table4),
    ]


def _row(cells: list[str], width: int) -> str:
    return TAB.join(cells + [""] * (width - len(cells))).rstrip(TAB)
