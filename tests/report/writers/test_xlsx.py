"""The XLSX writer: 概况 and one sheet per table, merged cells, numbers as numbers."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from openpyxl import load_workbook

from gongkai.report.model import Report
from gongkai.report.writers import EXTENSIONS, WRITERS, write_xlsx, writer_for

from ..strategies import reports
from ._reports import sample
from ._roundtrip import CORPUS_REPORTS, SETTINGS, assert_round_trip, corpus_report, with_blanks


def _book(report: Report):
    return load_workbook(BytesIO(write_xlsx(report)))


def _merged(sheet) -> set[str]:
    return {str(r) for r in sheet.merged_cells.ranges}


# -- round trips ---------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS_REPORTS, reason="shared corpus not present")
@pytest.mark.parametrize("path", CORPUS_REPORTS, ids=[p.name for p in CORPUS_REPORTS])
def test_corpus_report_round_trip(path: Path) -> None:
    report = corpus_report(path)
    assert_round_trip(report, write_xlsx(report), "x.xlsx")


@SETTINGS
@given(reports())
def test_generated_report_round_trip(report: Report) -> None:
    assert_round_trip(report, write_xlsx(report), "report.xlsx")


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_sample_and_blanks_round_trip(edition):
    report = sample(edition, 2020 if edition == "2019" else 2023)
    back = assert_round_trip(report, write_xlsx(report), "x.xlsx")
    assert back.title == report.title
    blanks = with_blanks(edition)
    assert_round_trip(blanks, write_xlsx(blanks), "x.xlsx")


def test_registered():
    report = sample()
    assert WRITERS["xlsx"](report)[:2] == b"PK"
    assert EXTENSIONS["xlsx"] == ".xlsx"
    assert writer_for("out.xlsx")[0] == "xlsx"


# -- the workbook --------------------------------------------------------------------------


def test_sheets_and_overview():
    book = _book(sample())
    assert book.sheetnames == ["概况", "表二", "表三", "表四"]
    sheet = book["概况"]
    assert sheet["A1"].value == "某某市生态环境局2023年政府信息公开工作年度报告"
    rows = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value for r in range(3, 8)}
    assert rows["标题"] == "某某市生态环境局2023年政府信息公开工作年度报告"
    assert rows["机关"] == "某某市生态环境局"
    assert rows["年度"] == 2023 and isinstance(rows["年度"], int)
    assert rows["格式版本"] == "2021年版（国办公开办函〔2021〕30号）"
    assert rows["统计期限"] == "本报告所列数据统计期限自2023年1月1日至2023年12月31日。"


def test_values_are_numbers_money_formatted_blanks_empty():
    book = _book(with_blanks())
    t2 = book["表二"]
    cells = {t2.cell(row=r, column=1).value: [t2.cell(row=r, column=c) for c in range(2, 5)] for r in range(1, t2.max_row + 1)}
    assert [c.value for c in cells["规章"]] == [None, 1, 9]
    fee = cells["行政事业性收费"][0]
    assert fee.value == 1239.5678 and fee.number_format == "0.0000"
    assert cells["行政许可"][0].value == 20 and cells["行政许可"][0].data_type == "n"
    t3 = book["表三"]
    first = [t3.cell(row=6, column=c).value for c in range(4, 11)]
    assert first[3] is None and all(isinstance(v, int) for i, v in enumerate(first) if i != 3)
    t4 = book["表四"]
    assert [t4.cell(row=6, column=c).value for c in range(1, 16)] == [3, 1, None, 1, 5, 2, 0, 0, 0, 2, 0, None, 1, 0, 2]


@pytest.mark.parametrize(("edition", "last"), [("2021", 30), ("2019", 28)])
def test_table3_merged_ranges(edition, last):
    sheet = _book(sample(edition, 2022))["表三"]
    merged = _merged(sheet)
    assert {"A1:J1", "A3:C5", "D3:J3", "D4:D5", "E4:I4", "J4:J5", "A6:C6", "A7:C7", "B8:C8", "B9:C9",
            "B10:B17", "B18:B20", "B21:B25", f"A{last}:C{last}", f"B{last - 1}:C{last - 1}"} <= merged
    assert f"A8:A{last - 1}" in merged  # 三、本年度办理结果 down the outcome rows
    assert ("B26:B28" in merged) == (edition == "2021")
    assert sheet["A3"].value.startswith("（本列数据的勾稽关系为") and sheet["D3"].value == "申请人情况"
    assert sheet["A8"].value == "三、本年度办理结果" and sheet["B10"].value == "（三）不予公开"
    assert sheet["C10"].value == "1.属于国家秘密"
    assert sheet.print_title_rows == "$3:$5"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["D"].width > 0
    assert sheet["A3"].border.left.style == "thin" and sheet["J30" if edition == "2021" else "J28"].border.bottom.style == "thin"


def test_table4_and_table2_merged_ranges():
    book = _book(sample())
    t4 = book["表四"]
    assert {"A3:E3", "F3:O3", "A4:A5", "E4:E5", "F4:J4", "K4:O4"} <= _merged(t4)
    assert t4.page_setup.orientation == "landscape"
    assert [t4.cell(row=5, column=c).value for c in range(6, 11)] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    t2 = book["表二"]
    merged = _merged(t2)
    assert {"A3:D3", "B8:D8", "B9:D9"} <= merged  # block header; 本年处理决定数量 and its value over 3 columns
    assert t2["A3"].value == "第二十条第（一）项"
    assert t2.page_setup.orientation == "portrait"


def test_missing_tables_have_no_sheet():
    book = _book(replace(sample(), table3=None))
    assert book.sheetnames == ["概况", "表二", "表四"]
