"""The Markdown writer: headings, paragraphs, pipe tables; reads back to the same numbers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given

from gongkai.report import read_bytes
from gongkai.report.model import Report, Section
from gongkai.report.writers import EXTENSIONS, WRITERS, write_markdown, writer_for

from ..strategies import reports
from ._reports import sample
from ._roundtrip import CORPUS_REPORTS, SETTINGS, assert_round_trip, corpus_report, with_blanks


@pytest.mark.skipif(not CORPUS_REPORTS, reason="shared corpus not present")
@pytest.mark.parametrize("path", CORPUS_REPORTS, ids=[p.name for p in CORPUS_REPORTS])
def test_corpus_report_round_trip(path: Path) -> None:
    report = corpus_report(path)
    assert_round_trip(report, write_markdown(report).encode("utf-8"), "x.md")


@SETTINGS
@given(reports())
def test_generated_report_round_trip(report: Report) -> None:
    assert_round_trip(report, write_markdown(report).encode("utf-8"), "report.md")


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_sample_and_blanks_round_trip(edition):
    report = sample(edition, 2020 if edition == "2019" else 2023)
    back = assert_round_trip(report, write_markdown(report).encode("utf-8"), "x.md")
    assert back.title == report.title and back.section("五").text == report.section("五").text
    blanks = with_blanks(edition)
    assert_round_trip(blanks, write_markdown(blanks).encode("utf-8"), "x.md")


def test_title_headings_and_paragraphs():
    lines = write_markdown(sample()).splitlines()
    assert lines[0] == "# 某某市生态环境局2023年政府信息公开工作年度报告"
    assert [ln for ln in lines if ln.startswith("## ")] == [
        "## 一、总体情况",
        "## 二、主动公开政府信息情况",
        "## 三、收到和处理政府信息公开申请情况",
        "## 四、政府信息公开行政复议、行政诉讼情况",
        "## 五、存在的主要问题及改进情况",
        "## 六、其他需要报告的事项",
    ]
    assert "全年持续推进政务公开工作。" in lines
    assert "本报告所列数据统计期限自2023年1月1日至2023年12月31日。" in lines


def _table(lines: list[str], caption: str) -> list[list[str]]:
    start = lines.index(caption) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows


def test_table3_has_one_label_column_with_full_labels():
    report = with_blanks()
    rows = _table(write_markdown(report).splitlines(), "表三：收到和处理政府信息公开申请情况统计表")
    assert rows[0] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业",
                       "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert all(len(r) == 8 for r in rows)
    labels = [r[0] for r in rows[2:]]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert labels[3] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert labels[4] == "（三）1.属于国家秘密"
    assert labels[21] == "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert labels[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    assert rows[2][4] == ""  # a blank cell stays blank
    assert [r[1:] for r in rows[2:]] == [["" if v is None else str(v) for v in row] for row in report.table3_values()]


def test_table4_header_of_fifteen_labels():
    rows = _table(write_markdown(sample()).splitlines(), "表四：政府信息公开行政复议、行政诉讼情况统计表")
    assert len(rows) == 3 and len(rows[0]) == 15
    assert rows[0][0] == "行政复议-结果维持" and rows[0][-1] == "行政诉讼-复议后起诉-总计"
    assert rows[2] == ["3", "1", "0", "1", "5", "2", "0", "0", "0", "2", "0", "1", "1", "0", "2"]


def test_table2_blocks():
    rows = _table(write_markdown(sample()).splitlines(), "表二：主动公开政府信息情况统计表")
    assert rows[0] == ["第二十条第（一）项", "", "", ""]
    assert ["信息内容", "本年收费金额（单位：万元）", "", ""] in rows
    assert ["行政事业性收费", "1239.5678", "", ""] in rows


def test_markdown_syntax_in_prose_is_neutralised():
    report = sample()
    text = "# 不是标题\n| 不是表格 |"
    report = replace(report, sections=(Section("一", "一", "总体情况", 0, text), *report.sections[1:]))
    lines = write_markdown(report).splitlines()
    assert "\\# 不是标题" in lines and "\\| 不是表格 |" in lines
    read_bytes(write_markdown(report).encode("utf-8"), "x.md")


def test_registered():
    report = sample()
    assert WRITERS["md"](report) == write_markdown(report).encode("utf-8")
    assert EXTENSIONS["md"] == ".md"
    assert writer_for("markdown")[0] == writer_for("x.md")[0] == "md"
