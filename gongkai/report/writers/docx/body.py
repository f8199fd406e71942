"""The parts of a DOCX that are the report's own: ``document.xml`` (the title, the period,
each section's heading and paragraphs, a （一）… paragraph in the second-level heading face, and
the national tables with their merged cells, borders and repeated header rows) and
``core.xml`` (title, agency, edition), written as XML text with the styles' ids.
"""

from __future__ import annotations

import re
from html import escape

from ...model import Report
from .._common import CAPTIONS, fmt, period, prose, title
from .._grid import Grid, GridCell, section_grid
from .styles import S_CAPTION, S_CELL, S_CELL_CENTER, S_H1, S_H2, S_H2_CHAR, S_TITLE, TEXT_WIDTH

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")


def _text(text: str) -> str:
    """Text for a ``w:t``: characters XML 1.0 forbids dropped, tabs and newlines as spaces."""
    text = _INVALID_XML.sub("", text).replace("\t", " ").replace("\r", "").replace("\n", " ")
    return escape(text, quote=False)


def _run(text: str, style: str = "") -> str:
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _para(text: str, style: str = "", extra: str = "") -> str:
    """A paragraph; ``extra`` is further paragraph properties, in schema order."""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{pstyle}{extra}</w:pPr>" if style or extra else ""
    return f"<w:p>{props}{_run(text) if text else ''}</w:p>"


def _prose(paragraph: str) -> str:
    """A body paragraph; one opening with （一）… gets the second-level heading face (楷体):
    the whole paragraph when it is a heading line, else its first sentence."""
    if _LEVEL2.match(paragraph):
        stop = paragraph.find("。")
        if len(paragraph) <= 40 and stop in (-1, len(paragraph) - 1):
            return _para(paragraph, S_H2)
        if 0 < stop <= 40:
            return f"<w:p>{_run(paragraph[: stop + 1], S_H2_CHAR)}{_run(paragraph[stop + 1 :])}</w:p>"
    return _para(paragraph)


def _body(report: Report) -> str:
    parts: list[str] = [_para(title(report), S_TITLE)]
    if report.year:
        parts.append(_para(period(report)))
    for spec in report.spec.sections:
        parts.append(_para(f"{spec.number}、{spec.title}", S_H1))
        parts.extend(_prose(p) for p in prose(report.section(spec.number)))
        grid = section_grid(report, spec.number)
        if grid is not None:
            parts.append(_para(CAPTIONS[grid.key], S_CAPTION))
            parts.append(table_xml(grid))
    return "".join(parts)


# -- tables --------------------------------------------------------------------------------

# Table column widths in twips (each table is the width of the text block).
_T3_VALUE = 620
WIDTHS: dict[str, tuple[int, ...]] = {
    "二": (2645, 2067, 2067, 2066),
    "三": (560, 1000, TEXT_WIDTH - 560 - 1000 - 7 * _T3_VALUE, *[_T3_VALUE] * 7),
    "四": (*[590] * 14, TEXT_WIDTH - 14 * 590),
}
CELL_MARGIN = {"二": 57, "三": 57, "四": 28}  # left/right, twips (table 四's 15 columns are narrow)

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table_xml(grid: Grid) -> str:
    widths = WIDTHS[grid.key]
    assert len(widths) == grid.columns
    margin = CELL_MARGIN[grid.key]
    origins, covered = grid.origins(), grid.covered()
    keep = "<w:keepNext/>" if grid.key == "二" else ""  # table 二 stays on one page
    rows: list[str] = []
    for r in range(grid.rows):
        head = "<w:tblHeader/>" if r < grid.header_rows else ""
        cells: list[str] = []
        c = 0
        while c < grid.columns:
            cell = origins.get((r, c))
            if cell is not None:
                cells.append(_cell(cell, widths, False, keep))
                c += cell.colspan
                continue
            above = covered[(r, c)]  # the continuation of a cell merged down from above
            assert above.col == c and above.row < r, (grid.key, r, c)
            cells.append(_cell(above, widths, True, keep))
            c += above.colspan
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(cells)}</w:tr>")
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _cell(cell: GridCell, widths: tuple[int, ...], continuation: bool, keep: str) -> str:
    width = sum(widths[cell.col : cell.col + cell.colspan])
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.colspan > 1:
        props += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.rowspan > 1:
        props += '<w:vMerge/>' if continuation else '<w:vMerge w:val="restart"/>'
    props += '<w:vAlign w:val="center"/>'
    style = S_CELL if cell.kind == "note" or (cell.kind == "label" and cell.rowspan == 1) else S_CELL_CENTER
    if continuation:
        text = ""
    elif cell.kind == "value":
        text = fmt(cell.value, cell.money)
    else:
        text = cell.text
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{_para(text, style, keep)}</w:tc>'


# -- document properties -------------------------------------------------------------------


def _core(report: Report) -> str:
    return core_xml(title(report), report.agency, "政府信息公开工作年度报告", f"{report.spec.document}格式")


def core_xml(title: str, creator: str, keywords: str, description: str = "") -> str:
    """``docProps/core.xml``: the document's title, author, keywords and description."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(title)}</dc:title>"
        f"<dc:creator>{_text(creator)}</dc:creator>"
        f"<cp:keywords>{_text(keywords)}</cp:keywords>"
        f"<dc:description>{_text(description)}</dc:description>"
        "<dc:language>zh-CN</dc:language>"
        "</cp:coreProperties>"
    )
