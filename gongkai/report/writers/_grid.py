"""The three tables of the national format as grids of cells with their merges.

The layout writers (DOCX, XLSX) draw the same grids: where each label sits, what it spans
(``rowspan``/``colspan``) and which cells hold values. The grid is the one of the national
template (国办公开办函〔2021〕30号, and the 2019 trial format for a 2019-edition report):
table 二 4 columns (a block header spanning all 4, single-column blocks spanning 3),
table 三 10 columns with 3 header rows, table 四 15 columns with 3 header rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..editions import Edition
from ..model import Number, Report
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
    has_table2,
    t2_blocks,
    t2_cells,
    t2_header,
)

Kind = Literal["head", "note", "label", "value"]


class GridCell(NamedTuple):
    """One cell as drawn: its top-left position on the grid and what it spans."""

    row: int
    col: int
    kind: Kind
    text: str = ""  # label text; "" for a value cell
    rowspan: int = 1
    colspan: int = 1
    value: Number | None = None  # value cells only; None is a blank cell
    money: bool = False


@dataclass(frozen=True, slots=True)
class Grid:
    key: str  # 二 / 三 / 四
    columns: int
    rows: int
    header_rows: int  # rows repeated at the top of each page (0: none)
    cells: tuple[GridCell, ...]

    def origins(self) -> dict[tuple[int, int], GridCell]:
        """Each cell by its top-left position."""
        return {(c.row, c.col): c for c in self.cells}

    def covered(self) -> dict[tuple[int, int], GridCell]:
        """Every grid position a merged cell covers other than its top-left, with that cell."""
        out: dict[tuple[int, int], GridCell] = {}
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    if (r, k) != (c.row, c.col):
                        out[(r, k)] = c
        return out


def t2_spans(count: int, width: int) -> list[int]:
    """Columns of a table 二 block spread over the value width: the last one takes the rest."""
    return [1] * (count - 1) + [width - count + 1]


def table2_grid(report: Report) -> Grid:
    edition = report.spec
    width = max(len(r.columns) for r in edition.table2)
    cells: list[GridCell] = []
    r = 0
    for block in t2_blocks(edition):
        cells.append(GridCell(r, 0, "head", block.name, colspan=width + 1))
        r += 1
        spans = t2_spans(len(block.columns), width)
        cells.append(GridCell(r, 0, "head", T2_LABEL))
        col = 1
        for column, span in zip(block.columns, spans, strict=True):
            cells.append(GridCell(r, col, "head", t2_header(column), colspan=span))
            col += span
        r += 1
        for row in block.rows:
            cells.append(GridCell(r, 0, "label", row.key))
            col = 1
            for cell, money, span in zip(t2_cells(report, row), row.money, spans, strict=True):
                value = cell.value if cell is not None else None
                cells.append(GridCell(r, col, "value", colspan=span, value=value, money=money))
                col += span
            r += 1
    return Grid("二", width + 1, r, 0, tuple(cells))


def table3_grid(report: Report) -> Grid:
    assert report.table3 is not None
    edition = report.spec
    columns = edition.table3_columns
    n = len(columns)
    cells: list[GridCell] = [
        GridCell(0, 0, "note", T3_NOTE, rowspan=3, colspan=3),
        GridCell(0, 3, "head", T3_APPLICANTS, colspan=n),
        GridCell(1, 3, "head", columns[0], rowspan=2),
        GridCell(1, 4, "head", T3_ORGS, colspan=n - 2),
        GridCell(1, 3 + n - 1, "head", columns[-1], rowspan=2),
        *(GridCell(2, 4 + i, "head", name) for i, name in enumerate(columns[1:-1])),
    ]
    l1_span, l2_span = t3_spans(edition)
    seen: set[str] = set()
    for i, (spec, row) in enumerate(zip(edition.table3, report.table3, strict=True)):
        r = 3 + i
        if not spec.level2:  # 一、二、四: one label over the three label columns
            cells.append(GridCell(r, 0, "label", spec.level1, colspan=3))
        else:
            if spec.level1 not in seen:
                seen.add(spec.level1)
                cells.append(GridCell(r, 0, "label", spec.level1, rowspan=l1_span[spec.level1]))
            if not spec.level3:
                cells.append(GridCell(r, 1, "label", spec.level2, colspan=2))
            else:
                if spec.level2 not in seen:
                    seen.add(spec.level2)
                    cells.append(GridCell(r, 1, "label", spec.level2, rowspan=l2_span[spec.level2]))
                cells.append(GridCell(r, 2, "label", spec.level3))
        cells.extend(GridCell(r, 3 + c, "value", value=cell.value) for c, cell in enumerate(row))
    return Grid("三", 3 + n, 3 + len(edition.table3), 3, tuple(cells))


def t3_spans(edition: Edition) -> tuple[dict[str, int], dict[str, int]]:
    """How many rows each level-1 label (三、本年度办理结果) and each group label spans."""
    l1: dict[str, int] = {}
    l2: dict[str, int] = {}
    for spec in edition.table3:
        if spec.level2:
            l1[spec.level1] = l1.get(spec.level1, 0) + 1
        if spec.level3:
            l2[spec.level2] = l2.get(spec.level2, 0) + 1
    return l1, l2


def table4_grid(report: Report) -> Grid:
    assert report.table4 is not None
    cells: list[GridCell] = [
        GridCell(0, 0, "head", T4_RECONSIDERATION, colspan=5),
        GridCell(0, 5, "head", T4_LITIGATION, colspan=10),
        *(GridCell(1, i, "head", name, rowspan=2) for i, name in enumerate(T4_RESULTS)),
        GridCell(1, 5, "head", T4_DIRECT, colspan=5),
        GridCell(1, 10, "head", T4_AFTER, colspan=5),
        *(GridCell(2, 5 + i, "head", name) for i, name in enumerate(T4_RESULTS * 2)),
        *(GridCell(3, i, "value", value=cell.value) for i, cell in enumerate(report.table4)),
    ]
    return Grid("四", 15, 4, 3, tuple(cells))


def section_grid(report: Report, number: str) -> Grid | None:
    """The table printed under section ``number`` (二, 三 or 四), if the report has it."""
    if number == "二" and has_table2(report):
        return table2_grid(report)
    if number == "三" and report.table3 is not None:
        return table3_grid(report)
    if number == "四" and report.table4 is not None:
        return table4_grid(report)
    return None
