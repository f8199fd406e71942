"""A report as an Excel workbook (.xlsx): 概况, then one sheet per table in the national layout.

Sheet 概况 names the report (title, agency, year, edition, statistics period); sheets 表二,
表三 and 表四 hold the tables in the grid of the national format with its merged cells and
borders. Numbers are numbers (amounts in 万元 formatted ``0.0000``), a blank cell stays empty
(never 0). Tables 三 and 四 print on A4 landscape, one page wide, their header rows repeated.
"""

from __future__ import annotations

from copy import copy
from io import BytesIO
from typing import Any

from ..model import Report
from ._common import CAPTIONS, period, title
from ._grid import Grid, section_grid

FONT_NAME = "宋体"
MONEY_FORMAT = "0.0000"
SHEETS = {"二": "表二", "三": "表三", "四": "表四"}
# Column widths in characters of the default font.
WIDTHS: dict[str, tuple[float, ...]] = {
    "二": (24, 18, 18, 18),
    "三": (8, 14, 44, *[10] * 7),
    "四": (9,) * 15,
}
LANDSCAPE = ("三", "四")


def write_xlsx(report: Report) -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    from openpyxl import Workbook

    book = Workbook()
    look = _Look()
    overview = book.active
    overview.title = "概况"
    _overview(overview, report, look)
    for spec in report.spec.sections:
        grid = section_grid(report, spec.number)
        if grid is not None:
            _table(book.create_sheet(SHEETS[grid.key]), grid, look)
    book.properties.title = title(report)
    book.properties.creator = report.agency or "gongkai"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


class _Look:
    """The cell styles of one workbook. Setting a style through openpyxl's API hashes it
    against the workbook's style tables each time; a cell of a kind already styled gets a
    copy of that kind's style array instead (a report has some 500 cells)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.font = Font(name=FONT_NAME, size=11)
        self.bold = Font(name=FONT_NAME, size=11, bold=True)
        self.title = Font(name=FONT_NAME, size=16, bold=True)
        self.caption = Font(name=FONT_NAME, size=12, bold=True)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self._arrays: dict[str, Any] = {}

    def apply(self, cell: Any, kind: str) -> None:
        """Style a table cell: ``left``/``center`` text, ``money``/``number`` values, ``edge``
        (a position a merged cell covers: borders only)."""
        array = self._arrays.get(kind)
        if array is not None:
            cell._style = copy(array)
            return
        cell.border = self.border
        if kind != "edge":
            cell.font = self.font
            cell.alignment = self.left if kind == "left" else self.center
        if kind == "money":
            cell.number_format = MONEY_FORMAT
        self._arrays[kind] = copy(cell._style)


def _overview(sheet: Any, report: Report, look: _Look) -> None:
    from openpyxl.utils import get_column_letter

    heading = title(report)
    sheet["A1"] = heading
    sheet["A1"].font = look.title
    sheet["A1"].alignment = look.left
    sheet.merge_cells("A1:B1")
    rows: list[tuple[str, object]] = [
        ("标题", heading),
        ("机关", report.agency or None),
        ("年度", report.year),
        ("格式版本", f"{report.spec.name}年版（{report.spec.document}）"),
        ("统计期限", period(report) or None),
    ]
    for r, (label, value) in enumerate(rows, start=3):
        name = sheet.cell(row=r, column=1, value=label)
        name.font, name.alignment, name.border = look.bold, look.left, look.border
        cell = sheet.cell(row=r, column=2, value=value)
        cell.font, cell.alignment, cell.border = look.font, look.left, look.border
    for c, width in enumerate((12, 72), start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    _print_setup(sheet, landscape=False, header_rows=0)


FIRST_ROW = 3  # the caption in row 1, a gap, then the grid


def _table(sheet: Any, grid: Grid, look: _Look) -> None:
    from openpyxl.utils import get_column_letter

    sheet["A1"] = CAPTIONS[grid.key]
    sheet["A1"].font = look.caption
    sheet["A1"].alignment = look.center
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.columns)
    for cell in grid.cells:
        row, col = FIRST_ROW + cell.row, 1 + cell.col
        target = sheet.cell(row=row, column=col)
        if cell.kind == "value":
            if cell.value is not None:
                target.value = cell.value
            look.apply(target, "money" if cell.money else "number")
        else:
            target.value = cell.text
            left = cell.kind == "note" or (cell.kind == "label" and cell.rowspan == 1)
            look.apply(target, "left" if left else "center")
        if cell.rowspan > 1 or cell.colspan > 1:
            _merge(sheet, row, col, cell.rowspan, cell.colspan, look)
    for c, width in enumerate(WIDTHS[grid.key], start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    if grid.header_rows:
        sheet.freeze_panes = sheet.cell(row=FIRST_ROW + grid.header_rows, column=4 if grid.key == "三" else 1)
    _print_setup(sheet, landscape=grid.key in LANDSCAPE, header_rows=grid.header_rows)


def _merge(sheet: Any, row: int, col: int, rowspan: int, colspan: int, look: _Look) -> None:
    """Merge a range, its covered cells keeping the grid's borders (Excel draws a merged
    cell's outline from the cells along its edges). What ``merge_cells`` does, without
    re-deriving every edge's border from the top-left cell."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.merge import MergedCellRange

    ref = CellRange(min_row=row, min_col=col, max_row=row + rowspan - 1, max_col=col + colspan - 1).coord
    sheet.merged_cells.add(MergedCellRange(sheet, ref))
    for r in range(row, row + rowspan):
        for c in range(col, col + colspan):
            if (r, c) != (row, col):
                covered = MergedCell(sheet, r, c)
                look.apply(covered, "edge")
                sheet._cells[r, c] = covered


def _print_setup(sheet: Any, landscape: bool, header_rows: int) -> None:
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    sheet.print_options.horizontalCentered = True
    if header_rows:
        sheet.print_title_rows = f"{FIRST_ROW}:{FIRST_ROW + header_rows - 1}"
