"""XLSX reader: sheets in order, merged ranges, number formatting, broken files."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO

import pytest
from openpyxl import Workbook

from gongkai.report.errors import UnreadableFile
from gongkai.report.readers.blocks import Block
from gongkai.report.readers.xlsx import cell_text, read_xlsx


def _save(book: Workbook) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_sheets_rows_merges_and_numbers() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "表二"
    sheet["B2"] = "二、主动公开政府信息情况"
    sheet.merge_cells("B3:C4")
    sheet["B3"] = "信息内容"
    sheet.merge_cells("D3:E3")
    sheet["D3"] = "本年"
    sheet["D4"] = "制发"
    sheet["E4"] = "废止"
    sheet["B5"] = "规章"
    sheet["C5"] = "市级"
    sheet["D5"] = 1.0
    sheet["E5"] = 0
    sheet["B6"] = "行政事业性收费"
    sheet["D6"] = 4068.208
    sheet["E6"] = " \u00a0"
    sheet["B8"] = 96171.6
    sheet["B9"] = "本年新收政府信息\n公开申请数量"
    sheet["C9"] = "其中\n2 件"
    sheet["D9"] = 21
    sheet["B10"] = "=SUM(D5:E5)"  # saved by openpyxl: no cached value
    hidden = book.create_sheet("隐藏")
    hidden["A1"] = "不读"
    hidden.sheet_state = "hidden"
    second = book.create_sheet("表四")
    second["A1"] = 72
    second["B1"] = 64
    assert read_xlsx(_save(book)) == [
        Block("text", ("表二",), 1, "工作表「表二」"),
        Block("text", ("二、主动公开政府信息情况",), 2, "工作表「表二」第2行"),
        Block("row", ("信息内容", "", "本年", ""), 3, "工作表「表二」第3行"),
        Block("row", ("", "", "制发", "废止"), 4, "工作表「表二」第4行"),
        Block("row", ("规章", "市级", "1", "0"), 5, "工作表「表二」第5行"),
        Block("row", ("行政事业性收费", "", "4068.208", ""), 6, "工作表「表二」第6行"),
        Block("row", ("96171.6", "", "", ""), 7, "工作表「表二」第8行"),
        Block("row", ("本年新收政府信息公开申请数量", "其中 2 件", "21", ""), 8, "工作表「表二」第9行"),
        Block("text", ("表四",), 9, "工作表「表四」"),
        Block("row", ("72", "64"), 10, "工作表「表四」第1行"),
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (21, "21"),
        (21.0, "21"),
        (-3.0, "-3"),
        (4068.208, "4068.208"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "0.0000001"),
        (1e20, "100000000000000000000"),
        (True, "TRUE"),
        (dt.datetime(2024, 12, 31), "2024-12-31"),
        (dt.datetime(2024, 12, 31, 8, 30), "2024-12-31 08:30:00"),
        ("  规章 \u3000", "规章"),
        ("行政\n许可", "行政许可"),
        ("total\nsum", "total sum"),
        (float("nan"), ""),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_corrupt_workbook_is_unreadable() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_xlsx(b"PK\x03\x04 not a workbook")
    assert "Excel" in caught.value.message


def test_workbook_part_garbage_is_unreadable() -> None:
    source = zipfile.ZipFile(BytesIO(_save(Workbook())))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = b"<workbook <<< garbage"
            target.writestr(item, data)
    with pytest.raises(UnreadableFile):
        read_xlsx(out.getvalue())
