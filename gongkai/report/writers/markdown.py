"""A report as Markdown: title, the six headings, paragraphs and pipe tables.

Pipe tables cannot merge cells, so the tables are flattened: table 二 keeps its blocks as
rows of one 4-column table; table 三 has one label column holding each row's full official
label (“（三）1.属于国家秘密”); table 四 is one header row of its 15 column labels over one
row of numbers. A blank cell stays empty.
"""

from __future__ import annotations

from ..editions import Edition
from ..model import Report
from ._common import (
    CAPTIONS,
    T2_LABEL,
    T3_NOTE,
    fmt,
    has_table2,
    period,
    prose,
    t2_blocks,
    t2_header,
    t2_text,
    title,
)

_ESCAPES = str.maketrans({"|": "\\|", "\n": " ", "\r": " ", "\t": " "})


def write_markdown(report: Report) -> str:
    edition = report.spec
    out: list[str] = [f"# {_inline(title(report))}", ""]
    if report.year:
        out += [period(report), ""]
    for spec in edition.sections:
        out += [f"## {spec.number}、{spec.title}", ""]
        for paragraph in prose(report.section(spec.number)):
            out += [_paragraph(paragraph), ""]
        table: list[str] = []
        if spec.number == "二" and has_table2(report):
            table = table2_lines(report, edition)
        elif spec.number == "三" and report.table3 is not None:
            table = table3_lines(report, edition)
        elif spec.number == "四" and report.table4 is not None:
            table = table4_lines(report, edition)
        if table:
            out += [CAPTIONS[spec.number], "", *table, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _inline(text: str) -> str:
    return " ".join(text.split())


def _paragraph(text: str) -> str:
    """A paragraph that Markdown does not turn into a heading, quote or table row."""
    text = _inline(text)
    return "\\" + text if text[:1] in ("#", ">", "|") else text


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.translate(_ESCAPES) for cell in cells) + " |"


def _rule(n: int, first_left: bool = True) -> str:
    return "|" + "|".join([" --- " if first_left else " :---: "] + [" :---: "] * (n - 1)) + "|"


def table2_lines(report: Report, edition: Edition) -> list[str]:
    width = max(len(r.columns) for r in edition.table2)
    blocks = t2_blocks(edition)
    lines: list[str] = []
    for i, block in enumerate(blocks):
        head = _row([block.name, *[""] * width])
        lines.append(head)
        if i == 0:
            lines.append(_rule(width + 1))
        columns = [t2_header(c) for c in block.columns]
        lines.append(_row([T2_LABEL, *columns, *[""] * (width - len(columns))]))
        for row in block.rows:
            values = t2_text(report, row)
            lines.append(_row([row.key, *values, *[""] * (width - len(values))]))
    return lines


def t3_label(edition: Edition, index: int) -> str:
    """Row ``index`` of table 三 under its full official label."""
    row = edition.table3[index]
    if not row.level2:
        return row.level1
    if not row.level3:
        return row.level2
    return row.label


def table3_lines(report: Report, edition: Edition) -> list[str]:
    assert report.table3 is not None
    lines = [_row([T3_NOTE, *edition.table3_columns]), _rule(1 + len(edition.table3_columns))]
    for i, cells in enumerate(report.table3):
        lines.append(_row([t3_label(edition, i), *(fmt(c.value) for c in cells)]))
    return lines


def table4_lines(report: Report, edition: Edition) -> list[str]:
    assert report.table4 is not None
    return [
        _row(list(edition.table4_columns)),
        _rule(len(edition.table4_columns), first_left=False),
        _row([fmt(c.value) for c in report.table4]),
    ]
