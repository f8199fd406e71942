"""The HTML writer: a self-contained, accessible page in the national table layout."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import pytest

from gongkai.report import check, read_bytes, read_path
from gongkai.report.model import Section
from gongkai.report.writers import EXTENSIONS, WRITERS, write_html

from ._reports import numbers, sample


def _doc(report):
    return lxml.html.document_fromstring(write_html(report).encode("utf-8"))


def _table(doc, n: int):
    return doc.get_element_by_id(f"table-{n}")


def _th(table, text: str):
    return next(th for th in table.iter("th") if th.text_content() == text)


def test_seed_written_as_html_reads_back_to_the_seed_numbers(seed_path):
    seed = read_path(seed_path)
    back = read_bytes(write_html(seed).encode("utf-8"), "x.html")
    assert numbers(back) == numbers(seed)


def test_html_writer_is_idempotent(seed_path):
    page = write_html(read_path(seed_path))
    assert write_html(read_bytes(page.encode("utf-8"), "x.html")) == page


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_sample_round_trip_and_clean(edition):
    report = sample(edition, 2020 if edition == "2019" else 2024)
    back = read_bytes(write_html(report).encode("utf-8"), "report.html")
    assert numbers(back) == numbers(report)
    assert [f.rule for f in check(back) if f.severity != "notice"] == []


def test_a_complete_html5_page():
    page = write_html(sample())
    assert page.startswith("<!DOCTYPE html>\n")
    doc = lxml.html.document_fromstring(page.encode("utf-8"))
    assert doc.get("lang") == "zh-CN"
    assert doc.find(".//meta[@charset]").get("charset") == "utf-8"
    assert doc.findtext(".//title") == "某某市生态环境局2023年政府信息公开工作年度报告"
    assert [h.text_content() for h in doc.iter("h1")] == ["某某市生态环境局2023年政府信息公开工作年度报告"]
    assert [h.text_content() for h in doc.iter("h2")] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert "本报告所列数据统计期限自2023年1月1日至2023年12月31日。" in page


def test_no_external_resources_and_a_print_style():
    page = write_html(sample())
    assert "http" not in page
    assert not re.search(r"\b(?:src|href)\s*=", page)
    assert "<script" not in page and "<link" not in page and "@import" not in page
    style = lxml.html.document_fromstring(page.encode("utf-8")).findtext(".//style")
    assert "@media print" in style


def test_every_table_has_a_caption_and_every_header_a_scope():
    doc = _doc(sample())
    tables = list(doc.iter("table"))
    assert len(tables) == 3
    assert [t.findtext("caption") for t in tables] == [
        "表二：主动公开政府信息情况统计表",
        "表三：收到和处理政府信息公开申请情况统计表",
        "表四：政府信息公开行政复议、行政诉讼情况统计表",
    ]
    for th in doc.iter("th"):
        assert th.get("scope") in ("col", "row", "colgroup", "rowgroup"), th.text_content()


def test_every_data_cell_names_existing_row_and_column_headers():
    doc = _doc(sample())
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    for table in doc.iter("table"):
        for td in table.iter("td"):
            if "note" in (td.get("class") or ""):
                continue
            refs = (td.get("headers") or "").split()
            assert refs and set(refs) <= ids, td.get("headers")
            assert all(doc.get_element_by_id(r).tag == "th" for r in refs)


def test_a_table3_cell_is_announced_with_its_full_row_and_column():
    doc = _doc(sample())
    t3 = _table(doc, 3)
    row = next(tr for tr in t3.iter("tr") if any(th.text_content() == "1.属于国家秘密" for th in tr.iter("th")))
    first = row.find("td")
    names = [doc.get_element_by_id(r).text_content() for r in first.get("headers").split()]
    assert names == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "申请人情况", "自然人"]
    company = row.findall("td")[1]
    names = [doc.get_element_by_id(r).text_content() for r in company.get("headers").split()]
    assert names[-3:] == ["申请人情况", "法人或其他组织", "商业企业"]


@pytest.mark.parametrize(("edition", "outcome_rows"), [("2021", 22), ("2019", 20)])
def test_table3_merged_cells_as_in_the_format(edition, outcome_rows):
    t3 = _table(_doc(sample(edition, 2022)), 3)
    note = t3.find(".//td[@class='note']")
    assert note.text_content().startswith("（本列数据的勾稽关系为")
    assert (note.get("rowspan"), note.get("colspan")) == ("3", "3")
    assert _th(t3, "申请人情况").get("colspan") == "7"
    assert _th(t3, "自然人").get("rowspan") == "2"
    assert _th(t3, "法人或其他组织").get("colspan") == "5"
    assert _th(t3, "总计").get("rowspan") == "2"
    assert _th(t3, "三、本年度办理结果").get("rowspan") == str(outcome_rows)
    assert _th(t3, "三、本年度办理结果").get("scope") == "rowgroup"
    assert _th(t3, "（三）不予公开").get("rowspan") == "8"
    assert _th(t3, "（四）无法提供").get("rowspan") == "3"
    assert _th(t3, "（五）不予处理").get("rowspan") == "5"
    if edition == "2021":
        assert _th(t3, "（六）其他处理").get("rowspan") == "3"
    else:
        assert _th(t3, "（六）其他处理").get("colspan") == "2"
    assert _th(t3, "一、本年新收政府信息公开申请数量").get("colspan") == "3"
    assert _th(t3, "（七）总计").get("colspan") == "2"
    body_rows = t3.find("tbody").findall("tr")
    assert len(body_rows) == outcome_rows + 3
    assert all(len(tr.findall("td")) == 7 for tr in body_rows)


def test_table4_merged_cells_as_in_the_format():
    t4 = _table(_doc(sample()), 4)
    assert _th(t4, "行政复议").get("colspan") == "5"
    assert _th(t4, "行政诉讼").get("colspan") == "10"
    assert _th(t4, "未经复议直接起诉").get("colspan") == "5"
    assert _th(t4, "复议后起诉").get("colspan") == "5"
    first_row = t4.find("thead").findall("tr")[1]
    assert [th.get("rowspan") for th in first_row.findall("th")[:5]] == ["2"] * 5
    assert [td.text_content() for td in t4.iter("td")] == ["3", "1", "0", "1", "5", "2", "0", "0", "0", "2", "0", "1", "1", "0", "2"]


def test_table2_blocks_and_spans():
    t2 = _table(_doc(sample()), 2)
    assert _th(t2, "第二十条第（一）项").get("colspan") == "4"
    assert _th(t2, "规章").get("scope") == "row"
    licence = _th(t2, "行政许可").getparent()
    assert [td.get("colspan") for td in licence.findall("td")] == ["3"]
    fee = _th(t2, "行政事业性收费").getparent()
    assert fee.find("td").text_content() == "1239.5678"


def test_text_is_escaped_and_survives_the_round_trip():
    report = sample()
    text = "2023年，本机关测试<script>alert(1)</script>&nbsp;“引号”的转义。"
    report = replace(
        report, sections=(Section("一", "一", "总体情况", 0, text), *report.sections[1:])
    )
    page = write_html(report)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;nbsp;" in page
    back = read_bytes(page.encode("utf-8"), "x.html")
    assert back.section("一").text == text


def test_registry_writes_utf8_bytes():
    report = sample()
    assert WRITERS["html"](report) == write_html(report).encode("utf-8")
    assert EXTENSIONS["html"] == ".html"
