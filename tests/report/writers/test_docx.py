"""The DOCX writer: GB/T 9704-2012 page and styles, the national tables with their merged
cells, and reading back to the same numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt
from hypothesis import given

from gongkai.report import read_bytes
from gongkai.report.model import Cell, Report, Section
from gongkai.report.writers import EXTENSIONS, WRITERS, write_docx, writer_for
from gongkai.report.writers.docx import CHAR_SPACE, LINE_PITCH

from ..strategies import reports
from ._reports import sample
from ._roundtrip import CORPUS_REPORTS, SETTINGS, assert_round_trip, corpus_report, with_blanks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def _tables(data: bytes) -> list:
    return docx.Document(BytesIO(data)).tables


# -- round trips ---------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS_REPORTS, reason="shared corpus not present")
@pytest.mark.parametrize("path", CORPUS_REPORTS, ids=[p.name for p in CORPUS_REPORTS])
def test_corpus_report_round_trip(path: Path) -> None:
    report = corpus_report(path)
    assert_round_trip(report, write_docx(report), "x.docx")


@SETTINGS
@given(reports())
def test_generated_report_round_trip(report: Report) -> None:
    assert_round_trip(report, write_docx(report), "report.docx")


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_sample_round_trip_keeps_the_prose(edition):
    report = sample(edition, 2020 if edition == "2019" else 2023)
    back = assert_round_trip(report, write_docx(report), "x.docx")
    assert back.title == report.title
    assert [s.number for s in back.sections] == list("一二三四五六")
    assert back.section("一").text == report.section("一").text
    assert back.section("六").text == report.section("六").text


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_blank_cells_stay_empty(edition):
    report = with_blanks(edition)
    data = write_docx(report)
    assert_round_trip(report, data, "x.docx")
    t3 = _tables(data)[1]
    assert t3.rows[3].cells[6].text == ""  # 一、本年新收 × 社会公益组织 (grid column 6)
    t4 = _tables(data)[2]
    assert [c.text for c in t4.rows[3].cells][:3] == ["3", "1", ""]


def test_second_level_heading_and_xml_unsafe_text_round_trip():
    report = sample()
    text = "（一）主动公开情况。本年度主动公开信息<b>&amp;“引号”\x0b。\n（二）依申请公开情况"
    report = replace(report, sections=(Section("一", "一", "总体情况", 0, text), *report.sections[1:]))
    data = write_docx(report)
    document = _part(data, "word/document.xml")
    assert '<w:rStyle w:val="GongwenHeading2Char"/></w:rPr><w:t xml:space="preserve">（一）主动公开情况。</w:t>' in document
    assert '<w:pStyle w:val="GongwenHeading2"/></w:pPr><w:r><w:t xml:space="preserve">（二）依申请公开情况</w:t>' in document
    back = read_bytes(data, "x.docx")
    assert back.section("一").text == text.replace("\x0b", "")


def test_writer_is_deterministic_and_registered():
    report = sample()
    assert write_docx(report) == write_docx(report)
    assert WRITERS["docx"](report) == write_docx(report)
    assert EXTENSIONS["docx"] == ".docx"
    assert writer_for("年报.DOCX")[0] == "docx"


# -- the page (GB/T 9704-2012) -------------------------------------------------------------


def test_a4_page_margins_and_grid():
    data = write_docx(sample())
    section = docx.Document(BytesIO(data)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4
    assert abs(section.page_width - Mm(210)) < Mm(0.05) and abs(section.page_height - Mm(297)) < Mm(0.05)
    sect = re.search(r"<w:sectPr>.*</w:sectPr>", _part(data, "word/document.xml")).group(0)
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in sect
    # twips: 37 mm = 2098, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474
    assert '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in sect
    for got, mm in ((section.top_margin, 37), (section.bottom_margin, 35), (section.left_margin, 28),
                    (section.right_margin, 26)):
        assert abs(got - Mm(mm)) < Mm(0.05)
    assert f'w:linePitch="{LINE_PITCH}"' in sect and 'w:type="lines"' in sect
    assert f'w:charSpace="{CHAR_SPACE}"' in sect
    # 22 lines in the 225 mm text block, 28 characters of 16 pt condensed by 0.25 pt in 156 mm
    text_height = 16838 - 2098 - 1984
    assert 22 * LINE_PITCH <= text_height < 23 * LINE_PITCH
    text_width = 11906 - 1587 - 1474
    assert 28 * (320 - 5) <= text_width < 29 * (320 - 5)


def _style(data: bytes, style_id: str) -> str:
    styles = _part(data, "word/styles.xml")
    return re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)


@pytest.mark.parametrize(
    ("style_id", "font", "half_points"),
    [
        ("Normal", "仿宋_GB2312", 32),
        ("GongwenTitle", "方正小标宋简体", 44),
        ("GongwenHeading1", "黑体", 32),
        ("GongwenHeading2", "楷体_GB2312", 32),
        ("GongwenHeading2Char", "楷体_GB2312", None),
        ("GongwenCell", "仿宋_GB2312", 24),
        ("GongwenCellCenter", "仿宋_GB2312", 24),
        ("GongwenPageNumber", "宋体", 28),
    ],
)
def test_style_fonts_name_east_asian_and_latin_faces(style_id, font, half_points):
    style = _style(write_docx(sample()), style_id)
    fonts = re.search(r"<w:rFonts [^>]*/>", style).group(0)
    for attr in ("eastAsia", "ascii", "hAnsi"):
        assert f'w:{attr}="{font}"' in fonts, (attr, fonts)
    assert "Theme" not in fonts
    if half_points is not None:
        assert f'<w:sz w:val="{half_points}"/>' in style


def test_body_style_exact_line_pitch_indent_and_condensed_characters():
    data = write_docx(sample())
    normal = _style(data, "Normal")
    assert f'w:line="{LINE_PITCH}"' in normal and 'w:lineRule="exact"' in normal
    assert 'w:firstLineChars="200"' in normal and 'w:firstLine="640"' in normal
    assert '<w:spacing w:val="-5"/>' in normal
    assert '<w:widowControl w:val="0"/>' in normal
    document = docx.Document(BytesIO(data))
    body = document.styles["Normal"]
    assert body.font.size == Pt(16)
    assert body.paragraph_format.line_spacing == Pt(28.95)
    title = _style(data, "GongwenTitle")
    assert '<w:jc w:val="center"/>' in title
    assert '<w:outlineLvl w:val="0"/>' in _style(data, "GongwenHeading1")
    assert '<w:outlineLvl w:val="1"/>' in _style(data, "GongwenHeading2")
    assert 'w:eastAsia="zh-CN"' in _part(data, "word/styles.xml")


def test_paragraphs_use_styles_not_direct_formatting():
    document = _part(write_docx(sample()), "word/document.xml")
    body = document.split("<w:tbl>")[0]
    assert "<w:rPr>" not in body.replace('<w:rPr><w:rStyle w:val="GongwenHeading2Char"/></w:rPr>', "")
    assert '<w:pStyle w:val="GongwenTitle"/></w:pPr><w:r><w:t xml:space="preserve">某某市生态环境局2023年政府信息公开工作年度报告' in body
    headings = re.findall(r'<w:pStyle w:val="GongwenHeading1"/></w:pPr><w:r><w:t xml:space="preserve">([^<]+)<', document)
    assert headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def test_footer_page_number_between_em_dashes_odd_right_even_left():
    data = write_docx(sample())
    assert "<w:evenAndOddHeaders/>" in _part(data, "word/settings.xml")
    rels = _part(data, "word/_rels/document.xml.rels")
    sect = re.search(r"<w:sectPr>.*</w:sectPr>", _part(data, "word/document.xml")).group(0)
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="(footer\d\.xml)"', rels))
    refs = dict(re.findall(r'<w:footerReference w:type="(\w+)" r:id="(rId\d+)"/>', sect))
    assert set(refs) == {"default", "even"}
    for kind, align, indent in (("default", "right", 'w:right="280"'), ("even", "left", 'w:left="280"')):
        footer = _part(data, "word/" + targets[refs[kind]])
        assert '<w:pStyle w:val="GongwenPageNumber"/>' in footer
        assert f'<w:jc w:val="{align}"/>' in footer and indent in footer
        assert re.search(r"<w:t xml:space=\"preserve\">— </w:t>.*fldCharType=\"begin\".*"
                         r"<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>.*fldCharType=\"end\".*"
                         r"<w:t xml:space=\"preserve\"> —</w:t>", footer, re.S)


# -- the tables ----------------------------------------------------------------------------


def _table_xml(data: bytes, n: int) -> str:
    return re.findall(r"<w:tbl>.*?</w:tbl>", _part(data, "word/document.xml"), re.S)[n]


def _spans(table: str) -> tuple[int, int, int]:
    """(gridSpan cells, vMerge restarts, vMerge continuations)."""
    return (
        len(re.findall(r"<w:gridSpan ", table)),
        len(re.findall(r'<w:vMerge w:val="restart"/>', table)),
        len(re.findall(r"<w:vMerge/>", table)),
    )


def test_three_tables_with_captions_borders_and_fixed_width():
    data = write_docx(sample())
    document = _part(data, "word/document.xml")
    assert document.count("<w:tbl>") == 3
    for caption in ("表二：主动公开政府信息情况统计表", "表三：收到和处理政府信息公开申请情况统计表",
                    "表四：政府信息公开行政复议、行政诉讼情况统计表"):
        assert f'<w:pStyle w:val="GongwenCaption"/></w:pPr><w:r><w:t xml:space="preserve">{caption}<' in document
    for n in range(3):
        table = _table_xml(data, n)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            assert f'<w:{side} w:val="single" w:sz="4"' in table
        assert '<w:tblW w:w="8845" w:type="dxa"/>' in table
        grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]
        assert sum(grid) == 8845
        assert "<w:cantSplit/>" in table


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_table2_blocks_span_the_table(edition):
    data = write_docx(sample(edition, 2022))
    table = _tables(data)[0]
    blocks = {"2021": 4, "2019": 5}[edition]
    xml = _table_xml(data, 0)
    spans = re.findall(r'<w:gridSpan w:val="(\d)"/>', xml)
    assert spans.count("4") == blocks  # 第二十条第（…）项 over label + 3 value columns
    assert len(table.columns) == 4
    assert table.rows[0].cells[0].text == "第二十条第（一）项"
    assert [c.text for c in table.rows[1].cells] == ["信息内容", *EDITIONS_T2_HEAD[edition]]
    if edition == "2021":
        licence = next(r for r in table.rows if r.cells[0].text == "行政许可")
        assert [c.text for c in licence.cells] == ["行政许可", "20", "20", "20"]  # one cell over 3 columns
        assert '<w:gridSpan w:val="3"/>' in xml


EDITIONS_T2_HEAD = {
    "2021": ["本年制发件数", "本年废止件数", "现行有效件数"],
    "2019": ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
}


@pytest.mark.parametrize(("edition", "results", "groups"), [("2021", 22, 4), ("2019", 20, 3)])
def test_table3_merged_cells_as_in_the_format(edition, results, groups):
    report = sample(edition, 2022)
    data = write_docx(report)
    xml = _table_xml(data, 1)
    rows = re.findall(r"<w:tr>.*?</w:tr>", xml, re.S)
    assert len(rows) == 3 + len(report.spec.table3)
    assert rows[0].count("<w:tblHeader/>") == 1 and rows[2].count("<w:tblHeader/>") == 1
    assert "<w:tblHeader/>" not in rows[3]
    # note 3×3; 自然人 and 总计 down 2 rows; 三、本年度办理结果 down the outcome rows; groups
    # （三）（四）（五）and for 2021（六）down their leaves
    gridspan, restarts, continues = _spans(xml)
    assert restarts == 1 + 2 + 1 + groups
    assert continues == 2 + 1 + 1 + (results - 1) + sum(
        n - 1 for n in {"2021": (8, 3, 5, 3), "2019": (8, 3, 5)}[edition]
    )
    note = re.search(r"<w:tc><w:tcPr>(.*?)</w:tcPr>", rows[0]).group(1)
    assert '<w:gridSpan w:val="3"/>' in note and '<w:vMerge w:val="restart"/>' in note
    assert '<w:gridSpan w:val="7"/>' in rows[0]  # 申请人情况
    assert '<w:gridSpan w:val="5"/>' in rows[1]  # 法人或其他组织
    table = _tables(data)[1]
    assert table.cell(0, 0).text.startswith("（本列数据的勾稽关系为")
    assert table.cell(2, 2).text == table.cell(0, 0).text  # merged 3 × 3
    assert table.cell(0, 3).text == "申请人情况" and table.cell(0, 9).text == "申请人情况"
    assert table.cell(1, 3).text == table.cell(2, 3).text == "自然人"
    assert table.cell(1, 9).text == table.cell(2, 9).text == "总计"
    assert [table.cell(2, c).text for c in range(4, 9)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert table.cell(3, 0).text == table.cell(3, 2).text == "一、本年新收政府信息公开申请数量"
    assert table.cell(5, 0).text == table.cell(5 + results - 1, 0).text == "三、本年度办理结果"
    assert table.cell(7, 1).text == table.cell(14, 1).text == "（三）不予公开"
    assert table.cell(7, 2).text == "1.属于国家秘密"
    assert table.cell(5 + results - 1, 1).text == table.cell(5 + results - 1, 2).text == "（七）总计"
    last = len(report.spec.table3) + 2
    assert table.cell(last, 0).text == "四、结转下年度继续办理"
    values = [[table.cell(3 + r, 3 + c).text for c in range(7)] for r in range(len(report.spec.table3))]
    assert values == [[str(v) for v in row] for row in report.table3_values()]


def test_table4_merged_cells_as_in_the_format():
    data = write_docx(sample())
    xml = _table_xml(data, 2)
    rows = re.findall(r"<w:tr>.*?</w:tr>", xml, re.S)
    assert len(rows) == 4
    assert '<w:gridSpan w:val="5"/>' in rows[0] and '<w:gridSpan w:val="10"/>' in rows[0]
    assert rows[1].count('<w:gridSpan w:val="5"/>') == 2  # 未经复议直接起诉, 复议后起诉
    assert rows[1].count('<w:vMerge w:val="restart"/>') == 5 and rows[2].count("<w:vMerge/>") == 5
    assert all("<w:tblHeader/>" in row for row in rows[:3])
    table = _tables(data)[2]
    assert table.cell(0, 0).text == "行政复议" and table.cell(0, 5).text == "行政诉讼"
    assert table.cell(1, 5).text == "未经复议直接起诉" and table.cell(1, 10).text == "复议后起诉"
    assert table.cell(2, 0).text == "结果维持" and table.cell(2, 14).text == "总计"
    assert [c.text for c in table.rows[3].cells] == ["3", "1", "0", "1", "5", "2", "0", "0", "0", "2", "0", "1", "1", "0", "2"]


def test_missing_tables_are_left_out():
    report = replace(sample(), table2={}, table3=None, table4=None)
    data = write_docx(report)
    assert "<w:tbl>" not in _part(data, "word/document.xml")
    assert read_bytes(data, "x.docx").agency == report.agency


def test_money_keeps_four_decimals_and_counts_stay_whole():
    report = sample()
    t2 = {row: dict(cols) for row, cols in report.table2.items()}
    t2["行政事业性收费"] = {"本年收费金额": Cell(12.5)}
    data = write_docx(replace(report, table2=t2))
    fee = next(r for r in _tables(data)[0].rows if r.cells[0].text == "行政事业性收费")
    assert fee.cells[1].text == "12.5"
    assert read_bytes(data, "x.docx").table2_values()["行政事业性收费"]["本年收费金额"] == 12.5


# -- opens in LibreOffice --------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not on PATH")
def test_libreoffice_converts_it_to_pdf(tmp_path):
    import pypdfium2 as pdfium

    source = tmp_path / "report.docx"
    source.write_bytes(write_docx(sample()))
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=False,
    )
    pdf_path = tmp_path / "report.pdf"
    assert pdf_path.exists(), done.stderr.decode(errors="replace")
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        assert len(pdf) >= 2
        width, height = pdf[0].get_size()
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
        first = pdf[0].get_textpage().get_text_range().replace(" ", "")
        assert "— 1 —".replace(" ", "") in first.replace("\u2014", "—")
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).replace(" ", "")
        assert "表三：收到和处理政府信息公开申请情况统计表" in text
    finally:
        pdf.close()
