"""Plain text as really published: each quirk leaves the numbers of the clean report intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.report import check, read_bytes, read_text

FIXTURES = Path(__file__).resolve().parents[1] / "rules" / "fixtures"
CLEAN = (FIXTURES / "clean_2021.txt").read_text(encoding="utf-8")
CLEAN_2019 = (FIXTURES / "clean_2019.txt").read_text(encoding="utf-8")
EXPECTED = read_text(CLEAN)

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _numbers_only_lines(text: str, label_start: str) -> str:
    """Put a row's label on one line and its numbers on the next (as the seed's 2.重复申请)."""
    out = []
    for line in text.splitlines():
        if line.startswith(label_start) and "\t" in line:
            label, _, values = line.partition("\t")
            out += [label, values]
        else:
            out.append(line)
    return "\n".join(out)


QUIRKS = {
    "spaces instead of tabs": lambda t: t.replace("\t", "  "),
    "single spaces between numbers": lambda t: re.sub(r"(?<=[\d\u4e00-\u9fff）)”])\t(?=\d)", " ", t),
    "full-width digits": lambda t: t.translate(FULL_WIDTH),
    "label and numbers on separate lines": lambda t: _numbers_only_lines(t, "2.重复申请"),
    "every leaf label on its own line": lambda t: _numbers_only_lines(t, "（四）"),
    "markdown pipes": lambda t: "\n".join(
        "| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line for line in t.splitlines()
    ),
    "markdown heading prefixes": lambda t: re.sub(r"(?m)^([一二三四五六]、)", r"## \1", t),
    "page marks inside the tables": lambda t: t.replace("（二）部分公开", "- 4 -\n（二）部分公开").replace(
        "行政强制", "— 5 —\n行政强制"
    ),
    "a footnote with digits in a header": lambda t: t.replace("本年收费金额（单位：万元）", "本年收费金额（单位：万元，保留4位小数）"),
    "windows line endings": lambda t: t.replace("\n", "\r\n"),
    "vertical level-1 label": lambda t: t.replace("（一）予以公开", "三\n、\n本\n年\n度\n（一）予以公开"),
    "trailing stray empty cells": lambda t: t.replace("（七）总计\t", "（七）总计\t\t\t"),
}


@pytest.mark.parametrize("quirk", sorted(QUIRKS))
def test_quirk_keeps_every_number(quirk: str):
    report = read_text(QUIRKS[quirk](CLEAN))
    assert report.table3_values() == EXPECTED.table3_values()
    assert report.table4_values() == EXPECTED.table4_values()
    assert report.table2_values() == EXPECTED.table2_values()
    assert not {f.rule for f in check(report)} & {"t3-balance", "t3-subtotal", "t3-row-total", "t4-total", "cell-count"}


def test_gb18030_and_utf8_bom_are_detected():
    for data in (CLEAN.encode("gb18030"), b"\xef\xbb\xbf" + CLEAN.encode("utf-8"), CLEAN.encode("utf-16")):
        assert read_bytes(data, "x.txt").table3_values() == EXPECTED.table3_values()


def test_surplus_cell_does_not_shift_later_rows():
    text = CLEAN.replace("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t0\t1\t0\t10\t7")
    report = read_text(text)
    assert report.table3_values() == EXPECTED.table3_values()
    assert "cell-count" in {f.rule for f in check(report)}


def test_missing_cell_empties_only_its_row():
    text = CLEAN.replace("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开 8 1 0 1 0 10")
    report = read_text(text)
    values = report.table3_values()
    expected = EXPECTED.table3_values()
    assert values[2] == [None] * 7
    assert values[:2] == expected[:2] and values[3:] == expected[3:]
    assert "cell-count" in {f.rule for f in check(report)}


def test_2019_edition_is_recognised_by_its_labels():
    report = read_text(CLEAN_2019)
    assert report.edition == "2019"
    assert len(report.table3 or ()) == 23
    assert report.table2_values()["行政许可"]["本年增/减"] == -2
    assert check(report) == []


def test_group_subtotal_rows_are_not_rows_of_the_format():
    text = CLEAN.replace("（三）1.属于国家秘密", "（三）不予公开\t0\t0\t0\t0\t0\t0\t0\n1.属于国家秘密").replace(
        "（四）1.本机关不掌握", "（四）无法提供\t5\t1\t0\t0\t0\t0\t6\n1.本机关不掌握"
    )
    assert text != CLEAN
    report = read_text(text)
    assert report.table3_values() == EXPECTED.table3_values()
    assert check(report) == []


def test_table_four_is_found_without_table_three():
    start = CLEAN.index("（本列数据的勾稽关系为")
    end = CLEAN.index("四、政府信息公开行政复议、行政诉讼情况")
    report = read_text(CLEAN[:start] + CLEAN[end:])
    assert report.table3 is None
    assert report.table4_values() == EXPECTED.table4_values()
    assert "table-missing" in {f.rule for f in check(report)}


def test_title_wrapped_inside_the_word_report():
    report = read_text(CLEAN.replace("年度报告\n", "年度报\n告\n", 1))
    assert (report.agency, report.year) == (EXPECTED.agency, EXPECTED.year)


def test_table_two_label_wrapped_onto_the_line_above():
    report = read_text(CLEAN_2019.replace("其他对外管理服务事项\t4\t0\t15", "其他对外管理服\n务事项\t4\t0\t15"))
    assert report.table2_values()["其他对外管理服务事项"] == {"上一年项目数量": 4, "本年增/减": 0, "处理决定数量": 15}


def test_blank_first_cell_of_table_four_is_blank_not_a_shift():
    text = CLEAN.replace("2\t1\t0\t1\t4\t1\t0\t0\t1\t2", "\t1\t0\t1\t4\t1\t0\t0\t1\t2")
    values = read_text(text).table4_values()
    assert values[0] is None and values[1:] == EXPECTED.table4_values()[1:]


def test_blank_first_cell_of_a_short_table_two_row():
    text = CLEAN_2019.replace("行政事业性收费\t2\t0", "行政事业性收费\t\t0\t")
    assert read_text(text).table2_values()["行政事业性收费"] == {"上一年项目数量": None, "本年增/减": 0}


def test_prose_about_reconsideration_stays_in_section_four():
    text = CLEAN.replace("行政复议\t行政诉讼", "本年度行政复议、行政诉讼情况如下。\n行政复议\t行政诉讼")
    report = read_text(text)
    assert "本年度行政复议、行政诉讼情况如下" in report.section("四").text
    assert report.table4_values() == EXPECTED.table4_values()
