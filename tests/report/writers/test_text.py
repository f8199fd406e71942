"""The plain-text writer: layout of the national format, and reading back to the same numbers."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from gongkai.report import check, read_bytes, read_path, read_text
from gongkai.report.editions import EDITIONS
from gongkai.report.model import Cell
from gongkai.report.writers import EXTENSIONS, WRITERS, write_text
from gongkai.report.writers._common import fmt

from ._reports import numbers, sample


def test_seed_written_as_text_reads_back_to_the_seed_numbers(seed_path):
    seed = read_path(seed_path)
    truth = json.loads(seed_path.with_name(seed_path.stem + ".truth.json").read_text(encoding="utf-8"))
    back = read_text(write_text(seed))
    assert numbers(back) == numbers(seed)
    assert back.table3_values() == truth["table3"]
    assert back.table4_values() == truth["table4"]


def test_seed_findings_survive_the_round_trip(seed_path):
    seed = read_path(seed_path)
    back = read_text(write_text(seed))
    rules = {f.rule for f in check(back)}
    # The content defects stay; the layout defects (8 cells in a row, 一、工作内容 as a
    # top-level heading) are gone because the writer prints the format's own grid.
    assert {"year-mismatch", "fee-statement-missing", "ordinal-sequence"} <= rules
    assert not rules & {"cell-count", "t3-balance", "t3-subtotal", "t3-row-total", "t4-total", "section-missing"}


def test_text_writer_is_idempotent(seed_path):
    text = write_text(read_path(seed_path))
    assert write_text(read_text(text)) == text


def test_title_period_and_six_headings_in_order():
    report = sample()
    lines = write_text(report).splitlines()
    assert lines[0] == "某某市生态环境局2023年政府信息公开工作年度报告"
    assert "本报告所列数据统计期限自2023年1月1日至2023年12月31日。" in lines
    headings = [f"{s.number}、{s.title}" for s in EDITIONS["2021"].sections]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert headings[0] == "一、总体情况" and headings[-1] == "六、其他需要报告的事项"


def test_paragraphs_are_kept_as_lines():
    lines = write_text(sample()).splitlines()
    assert "2023年，某某市生态环境局认真贯彻落实《中华人民共和国政府信息公开条例》。" in lines
    assert "全年持续推进政务公开工作。" in lines


def test_table2_blocks_in_the_official_layout():
    lines = write_text(sample()).splitlines()
    start = lines.index("第二十条第（一）项")
    assert lines[start + 1] == "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
    assert lines[start + 2] == "规章\t2\t1\t9"
    assert "第二十条第（八）项" in lines
    assert "信息内容\t本年收费金额（单位：万元）" in lines
    assert "行政事业性收费\t1239.5678\t\t" in lines


def test_table3_rows_have_three_label_cells_and_seven_values():
    report = sample()
    lines = write_text(report).splitlines()
    note = next(i for i, ln in enumerate(lines) if ln.startswith("（本列数据的勾稽关系为"))
    assert lines[note].endswith("\t\t\t申请人情况")
    assert lines[note + 1].split("\t")[3:] == ["自然人", "法人或其他组织", "", "", "", "", "总计"]
    rows = lines[note + 3 : note + 3 + 25]
    assert all(len(row.split("\t")) == 10 for row in rows)
    assert rows[0].startswith("一、本年新收政府信息公开申请数量\t\t\t")
    assert rows[2].startswith("三、本年度办理结果\t（一）予以公开\t\t")
    assert rows[4].startswith("\t（三）不予公开\t1.属于国家秘密\t")
    assert rows[5].startswith("\t\t2.其他法律行政法规禁止公开\t")
    assert rows[22].startswith("\t\t3.其他\t")
    assert rows[23].startswith("\t（七）总计\t\t")
    assert rows[24].startswith("四、结转下年度继续办理\t\t\t")
    assert [int(v) for v in rows[0].split("\t")[3:]] == report.table3_values()[0]


def test_table4_is_three_header_lines_and_fifteen_numbers():
    lines = write_text(sample()).splitlines()
    start = lines.index("行政复议\t\t\t\t\t行政诉讼")
    assert lines[start + 1].startswith("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉")
    assert lines[start + 3].split("\t") == ["3", "1", "0", "1", "5", "2", "0", "0", "0", "2", "0", "1", "1", "0", "2"]


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_sample_round_trip_and_clean(edition):
    report = sample(edition, 2020 if edition == "2019" else 2023)
    back = read_text(write_text(report))
    assert numbers(back) == numbers(report)
    assert [f.rule for f in check(back) if f.severity != "notice"] == []


def test_2019_edition_writes_the_2019_tables():
    text = write_text(sample("2019", 2020))
    assert "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量" in text
    assert "第二十条第（九）项" in text and "政府集中采购\t" in text
    assert "\t（六）其他处理\t\t" in text
    assert "逾期不补正" not in text
    assert "本年收费金额" not in text


def test_number_format():
    assert fmt(None) == ""
    assert fmt(0) == "0"
    assert fmt(7) == "7"
    assert fmt(6.0) == "6"
    assert fmt(3.0, money=True) == "3"
    assert fmt(4068.208, money=True) == "4068.208"
    assert fmt(0.1234, money=True) == "0.1234"
    assert fmt(1.23456, money=True) == "1.2346"
    assert fmt(12.5) == "12.5"
    assert fmt(-0.00001, money=True) == "0"


def test_blank_cell_is_an_empty_cell_and_reads_back_blank():
    report = sample()
    rows = [list(r) for r in report.table3]
    rows[0][3] = Cell(None)
    blanked = replace(report, table3=tuple(tuple(r) for r in rows))
    text = write_text(blanked)
    assert "一、本年新收政府信息公开申请数量\t\t\t" in text
    back = read_text(text)
    assert back.table3_values() == blanked.table3_values()
    assert "cell-blank" in {f.rule for f in check(back)}


def test_blank_first_value_cell_reads_back_blank():
    report = sample()
    rows = [list(r) for r in report.table3]
    rows[0][0] = Cell(None)
    blanked = replace(report, table3=tuple(tuple(r) for r in rows))
    assert read_text(write_text(blanked)).table3_values() == blanked.table3_values()


def test_missing_section_still_gets_its_heading():
    report = sample()
    report = replace(report, sections=tuple(s for s in report.sections if s.number != "五"))
    back = read_text(write_text(report))
    assert [s.number for s in back.sections] == ["一", "二", "三", "四", "五", "六"]


def test_registry_writes_utf8_bytes():
    report = sample()
    assert WRITERS["text"](report) == write_text(report).encode("utf-8")
    assert EXTENSIONS["text"] == ".txt"
    assert numbers(read_bytes(WRITERS["text"](report), "x.txt")) == numbers(report)
