"""DOCX reader: paragraphs and tables in document order, merged cells, broken files."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx
import pytest
from lxml import etree

from gongkai.report.errors import UnreadableFile
from gongkai.report.readers.blocks import Block
from gongkai.report.readers.docx import read_docx


def _save(document: docx.document.Document) -> bytes:
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _report() -> bytes:
    document = docx.Document()
    document.add_paragraph("某某县2024年政府信息公开工作年度报告")
    document.add_paragraph("")
    heading = document.add_paragraph("\u3000\u3000一、总体情况")
    heading.add_run().add_break()
    heading.add_run("2024 年，本县共受理申请 21 件。")
    table = document.add_table(rows=4, cols=5)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "信息内容"  # 2 × 2 block
    table.cell(0, 2).merge(table.cell(0, 4)).text = "本年"  # 3 columns
    table.cell(1, 2).text = "新制发"
    last = table.cell(1, 4)
    last.text = "5"
    last.add_paragraph("件")
    table.cell(2, 0).merge(table.cell(3, 0)).text = "规章"  # 2 rows
    for col, value in enumerate(["甲", "1", "0", "11"], start=1):
        table.cell(2, col).text = value
    multi = table.cell(3, 1)
    multi.text = "本年新收"
    multi.add_paragraph("政府信息")
    table.cell(3, 2).text = "2"
    table.cell(3, 4).text = "3"
    document.add_paragraph("规章\t1\t0\t11")
    document.add_paragraph("三、其他")
    empty = document.add_table(rows=1, cols=2)
    empty.cell(0, 0).text = " "
    document.add_table(rows=1, cols=2).cell(0, 1).text = "行政许可 447228"
    return _save(document)


def test_paragraphs_and_tables_in_document_order() -> None:
    assert read_docx(_report()) == [
        Block("text", ("某某县2024年政府信息公开工作年度报告",), 1, "第1段"),
        Block("text", ("一、总体情况",), 2, "第2段"),
        Block("text", ("2024 年，本县共受理申请 21 件。",), 3, "第3段"),
        Block("row", ("信息内容", "", "本年", "", ""), 4, "表格1 第1行"),
        Block("row", ("", "", "新制发", "", "5 件"), 5, "表格1 第2行"),
        Block("row", ("规章", "甲", "1", "0", "11"), 6, "表格1 第3行"),
        Block("row", ("", "本年新收政府信息", "2", "", "3"), 7, "表格1 第4行"),
        Block("row", ("规章", "1", "0", "11"), 8, "第4段"),
        Block("text", ("三、其他",), 9, "第5段"),
        Block("row", ("", "行政许可 447228"), 10, "表格3 第1行"),
    ]


def test_content_controls_and_hyperlinks_are_read_through() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("见")
    body = document.element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    link = etree.SubElement(paragraph._p, w + "hyperlink")
    run = etree.SubElement(link, w + "r")
    etree.SubElement(run, w + "t").text = "附件"
    deleted = etree.SubElement(paragraph._p, w + "del")
    gone = etree.SubElement(deleted, w + "r")
    etree.SubElement(gone, w + "delText").text = "删除的字"
    sdt = etree.Element(w + "sdt")
    content = etree.SubElement(sdt, w + "sdtContent")
    inner = document.add_paragraph("控件里的段落")._p
    content.append(inner)
    body.insert(body.index(paragraph._p) + 1, sdt)
    assert [b.text for b in read_docx(_save(document))] == ["见附件", "控件里的段落"]


def test_nested_table_makes_the_outer_one_layout() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.text = "外层说明"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "行政处罚"
    inner.cell(0, 1).text = "3985758"
    assert read_docx(_save(document)) == [
        Block("text", ("外层说明",), 1, "第1段"),
        Block("row", ("行政处罚", "3985758"), 2, "表格1 第1行"),
    ]


def test_corrupt_document_xml_is_unreadable() -> None:
    source = zipfile.ZipFile(BytesIO(_report()))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = b"<w:document garbage <<<"
            target.writestr(item, data)
    with pytest.raises(UnreadableFile) as caught:
        read_docx(out.getvalue())
    assert "损坏" in caught.value.message


def test_zip_with_only_garbage_document_is_unreadable() -> None:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("word/document.xml", "garbage")
    with pytest.raises(UnreadableFile):
        read_docx(out.getvalue())


def test_not_a_zip_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_docx(b"PK\x03\x04 this is not really a zip file")
