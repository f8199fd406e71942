"""PDF reader: real reports from the peer corpus, synthetic PDFs, and broken input."""

from __future__ import annotations

import contextlib
import ctypes
import json
import re
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from gongkai.report.errors import NoTextLayer, UnreadableFile
from gongkai.report.readers.blocks import Block
from gongkai.report.readers.pdf import read_pdf

PEERS = Path("/work/shared/corpus/peers")
REPORTS = [
    "govnianbao/szfgs2024",
    "kirogovcompare/hzq2023_working",
    "kirogovcompare/hzq2024_working",
]
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _pdf(pages: list[list[tuple[str, float, float]]], rotated: bool = False) -> bytes:
    """A PDF with Helvetica text objects: per page a list of (text, x, y).

    ``rotated`` draws the text turned 90° (reading bottom to top), as in a landscape
    table placed on a portrait page.
    """
    doc = pdfium.PdfDocument.new()
    try:
        for texts in pages:
            page = doc.new_page(595, 842)
            for text, x, y in texts:
                obj = pdfium_c.FPDFPageObj_NewTextObj(doc, b"Helvetica", 10.0)
                buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
                pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, pdfium_c.FPDF_WIDESTRING))
                if rotated:
                    pdfium_c.FPDFPageObj_Transform(obj, 0, 1, -1, 0, x, y)
                else:
                    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
                pdfium_c.FPDFPage_InsertObject(page, obj)
            pdfium_c.FPDFPage_GenerateContent(page)
            page.close()
        out = BytesIO()
        doc.save(out)
        return out.getvalue()
    finally:
        doc.close()


def _corpus(name: str) -> tuple[bytes, dict]:
    pdf = PEERS / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip(f"corpus file {pdf} is absent")
    truth = json.loads((PEERS / f"{name}.truth.json").read_text(encoding="utf-8"))
    return pdf.read_bytes(), truth


# -- synthetic PDFs ----------------------------------------------------------------------


def test_gapped_line_becomes_row_and_plain_lines_text() -> None:
    data = _pdf(
        [
            [
                ("Annual report 2024", 72, 800),
                ("Applications received", 72, 700),
                ("21", 250, 700),
                ("0", 300, 700),
                ("21", 350, 700),
                ("- 1 -", 280, 40),
            ],
            [("Second page text", 72, 800)],
        ]
    )
    assert read_pdf(data) == [
        Block("text", ("Annual report 2024",), 1, "第1页"),
        Block("row", ("Applications received", "21", "0", "21"), 2, "第1页"),
        Block("text", ("- 1 -",), 3, "第1页"),
        Block("text", ("Second page text",), 4, "第2页"),
    ]


def test_rotated_table_row_is_split_along_its_own_direction() -> None:
    data = _pdf([[("Row label", 200, 100), ("21", 200, 300), ("0", 200, 350), ("21", 200, 400)]], rotated=True)
    assert read_pdf(data) == [Block("row", ("Row label", "21", "0", "21"), 1, "第1页")]


def test_page_without_text_between_pages_with_text_is_fine() -> None:
    data = _pdf([[("first", 72, 800)], [], [("third", 72, 800)]])
    assert [(b.text, b.where) for b in read_pdf(data)] == [("first", "第1页"), ("third", "第3页")]


def test_pdf_without_any_text_is_a_scan() -> None:
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    out = BytesIO()
    doc.save(out)
    doc.close()
    with pytest.raises(NoTextLayer) as caught:
        read_pdf(out.getvalue())
    assert "OCR" in caught.value.message


def test_corrupt_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_pdf(b"%PDF-1.4 garbage")
    assert "PDF" in caught.value.message


def test_pdf_without_pages_is_unreadable() -> None:
    doc = pdfium.PdfDocument.new()
    out = BytesIO()
    doc.save(out)
    doc.close()
    with pytest.raises(UnreadableFile):
        read_pdf(out.getvalue())


def test_truncated_pdf_is_unreadable_or_partial_never_a_crash() -> None:
    data = _pdf([[("some text here", 72, 800)]])
    for cut in (20, len(data) // 2):
        with contextlib.suppress(UnreadableFile, NoTextLayer):  # anything else fails the test
            assert all(isinstance(b, Block) for b in read_pdf(data[:cut]))


# -- real reports ------------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_table3_rows_are_separate_numbers_in_order(name: str) -> None:
    data, truth = _corpus(name)
    blocks = read_pdf(data)
    texts = [b.text for b in blocks]
    start = next(i for i, t in enumerate(texts) if t.startswith("三、收到和处理政府信息公开申请情况"))
    end = next(i for i, t in enumerate(texts) if t.startswith("四、政府信息公开行政复议"))
    found = []
    for block in blocks[start:end]:
        tail = [c for c in block.cells if NUMBER.match(c)]
        if block.cells[0] == "（六）其他处理":
            continue  # 洪泽: the three (六) sub-rows collapsed into one; the truth has nulls
        if block.kind == "row" and len(tail) >= 7:
            assert list(block.cells[-7:]) == tail[-7:], block  # numbers are whole cells
            found.append([int(c) for c in tail[-7:]])
    expected = [row for row in truth["table3"] if None not in row]
    assert found == expected


@pytest.mark.parametrize("name", REPORTS)
def test_table4_is_one_row_of_15_numbers(name: str) -> None:
    data, truth = _corpus(name)
    rows = [b for b in read_pdf(data) if b.kind == "row" and len(b.cells) == 15]
    assert len(rows) == 1
    assert [int(c) for c in rows[0].cells] == truth["table4"]


def test_first_row_and_table_split_over_pages() -> None:
    data, _ = _corpus("govnianbao/szfgs2024")
    blocks = read_pdf(data)
    first = Block("row", ("一、本年新收政府信息公开申请数量", "3001", "53", "0", "0", "61", "4", "3119"), 0, "第4页")
    assert any(b.cells == first.cells and b.where == "第4页" for b in blocks)
    last_on_4 = next(b for b in blocks if b.cells[:1] == ("1.本机关不掌握相关政府信息",))
    first_on_5 = next(b for b in blocks if "2.没有现成信息需要另行制作" in b.cells)
    assert (last_on_4.where, first_on_5.where) == ("第4页", "第5页")
    assert last_on_4.line < first_on_5.line
    assert [b.line for b in blocks] == list(range(1, len(blocks) + 1))


def test_prose_lines_stay_text_with_cjk_spacing_removed() -> None:
    data, _ = _corpus("kirogovcompare/hzq2023_working")
    blocks = read_pdf(data)
    # Justified text "号 ， 邮 编 ：" is one text line, not cells.
    line = next(b for b in blocks if "邮编" in b.text)
    assert line.kind == "text"
    assert line.text == "号，邮编： 223100 ，电话： 0517-87222589 ，电子邮箱："
    assert Block("row", ("行政许可", "550"), 0).cells in [b.cells for b in blocks]
