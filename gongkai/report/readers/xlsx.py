"""Excel (.xlsx) into blocks, with openpyxl.

Each visible worksheet in order: its title as a text block, then one block per
non-empty row, cut to the sheet's used columns (the bounding box of non-empty cells).
A row whose only non-empty cell is text is a text block (titles, headings); every other
row is a row block. Merged ranges keep their value at the top-left cell only; the
cells they cover are ``""``. Formula cells give the value Excel cached when it last
saved the file (``data_only``); a file never recalculated by Excel has none: ``""``.
Numbers: whole floats without ".0" (21.0 → "21"), other floats in their shortest form
(4068.208), never in exponent notation.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import load_workbook

from ..errors import ReportError, UnreadableFile
from ..textnorm import join_cell_lines
from .blocks import Block

_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def read_xlsx(data: bytes) -> list[Block]:
    """Turn the bytes of an .xlsx workbook into blocks."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
            book = load_workbook(BytesIO(data), read_only=False, data_only=True)
        try:
            blocks: list[Block] = []
            for sheet in book.worksheets:
                if sheet.sheet_state == "visible":
                    _read_sheet(sheet, blocks)
            return blocks
        finally:
            book.close()
    except ReportError:
        raise
    except Exception as exc:  # zipfile, lxml, openpyxl, KeyError, ValueError …
        raise UnreadableFile("Excel（.xlsx）文件已损坏，无法读取", "corrupt XLSX") from exc


def _read_sheet(sheet: Any, blocks: list[Block]) -> None:
    title = str(sheet.title)
    rows: list[tuple[int, list[str], bool]] = []
    first, last = -1, -1
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(value) for value in values]
        used = [i for i, cell in enumerate(cells) if cell]
        if not used:
            continue
        # A lone text value (not a number) is a line of text: a title or a heading.
        lone_text = len(used) == 1 and isinstance(values[used[0]], str)
        rows.append((number, cells, lone_text))
        first = used[0] if first < 0 else min(first, used[0])
        last = max(last, used[-1])
    blocks.append(Block("text", (title,), len(blocks) + 1, f"工作表「{title}」"))
    width = last + 1 - first
    for number, cells, lone_text in rows:
        where = f"工作表「{title}」第{number}行"
        if lone_text:
            text = next(cell for cell in cells if cell)
            blocks.append(Block("text", (text,), len(blocks) + 1, where))
        else:
            cut = cells[first : last + 1]
            cut += [""] * (width - len(cut))
            blocks.append(Block("row", tuple(cut), len(blocks) + 1, where))


def cell_text(value: object) -> str:
    """A cell value as the report shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    text = _INVISIBLE.sub("", str(value))
    if "\n" in text or "\r" in text:
        return join_cell_lines(text.splitlines())
    return " ".join(text.split())


def _float_text(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


