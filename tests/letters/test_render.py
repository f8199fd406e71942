"""The letter writers: GB/T 9704-2012 page, faces and parts in DOCX and PDF; no Django."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from io import BytesIO

import docx
import pypdfium2 as pdfium
from docx.shared import Mm

from gongkai.letters.render import LetterDocument, write_docx, write_pdf
from gongkai.letters.render.document import is_heading, title_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LETTER = LetterDocument(
    title="示范县教育局政府信息公开申请答复书",
    number="示范县教育局公开复〔2025〕1号",
    recipient="张三",
    paragraphs=(
        "本机关于2025年9月26日收到您提出的政府信息公开申请，申请获取“2025年义务教育学校招生划片方案”。现答复如下：",
        "一、答复意见",
        "经检索查找，本机关没有找到您申请获取的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，告知您该政府信息不存在。",
    ),
    signature="示范县教育局",
    date="2025年10月30日",
    note="（联系电话：0371-12345678）",
)


def pdf_pages(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def test_docx_page_is_a4_with_the_standard_margins() -> None:
    section = docx.Document(BytesIO(write_docx(LETTER))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                  section.left_margin, section.right_margin)] == [37, 35, 28, 26]
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)


def test_docx_title_is_xiaobiaosong_22pt_with_east_asian_font_set() -> None:
    document = docx.Document(BytesIO(write_docx(LETTER)))
    title = document.paragraphs[0]
    assert title.text == LETTER.title
    style = title.style
    assert style.font.size.pt == 22
    rfonts = style.element.rPr.find(f"{W}rFonts")
    assert rfonts.get(f"{W}eastAsia") == "方正小标宋简体"
    assert rfonts.get(f"{W}ascii") == "方正小标宋简体"
    for run in title.runs:
        assert run.font.name == "方正小标宋简体"
        assert run.element.rPr.find(f"{W}rFonts").get(f"{W}eastAsia") == "方正小标宋简体"
    assert title.style.paragraph_format.alignment == 1  # centred


def test_docx_body_is_fangsong_16pt_indented_and_the_parts_are_in_place() -> None:
    document = docx.Document(BytesIO(write_docx(LETTER)))
    texts = [p.text for p in document.paragraphs]
    assert texts[1] == LETTER.number
    assert texts[2] == "张三："
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16
    assert normal.element.rPr.find(f"{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    heading = document.paragraphs[texts.index("一、答复意见")]
    assert heading.style.element.rPr.find(f"{W}rFonts").get(f"{W}eastAsia") == "黑体"
    signature = document.paragraphs[texts.index("示范县教育局")]
    date = document.paragraphs[texts.index("2025年10月30日")]
    assert signature.alignment == date.alignment == 2  # right
    # 成文日期右空四字; the signature centred over it, so further in.
    assert date.paragraph_format.right_indent.pt == 4 * 15.75
    assert signature.paragraph_format.right_indent > date.paragraph_format.right_indent
    assert texts[-1] == LETTER.note


def test_docx_footers_number_pages_with_dashes() -> None:
    data = write_docx(LETTER)
    with zipfile.ZipFile(BytesIO(data)) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert footers and all("PAGE" in f and "— " in f and " —" in f for f in footers)


def test_pdf_reads_back_with_title_number_recipient_and_page_number() -> None:
    pages = pdf_pages(write_pdf(LETTER))
    assert len(pages) == 1
    text = pages[0].replace("\r\n", "").replace("\n", "")
    for part in ("示范县教育局政府信息公开申请答复书", "〔2025〕1号", "张三：", "第三十六条第（四）项",
                 "2025年10月30日", "— 1 —"):
        assert part in text


def test_pdf_is_a4_and_embeds_its_fonts() -> None:
    data = write_pdf(LETTER)
    doc = pdfium.PdfDocument(data)
    try:
        width, height = doc[0].get_size()
    finally:
        doc.close()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    assert b"/FontFile2" in data  # TrueType outlines embedded


def test_long_letters_paginate_and_every_page_is_numbered() -> None:
    long = LetterDocument(title=LETTER.title, recipient="张三", paragraphs=(LETTER.paragraphs[2],) * 14,
                          signature="示范县教育局", date="2025年10月30日")
    pages = pdf_pages(write_pdf(long))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"— {number} —" in text
    # The signature is never alone on the last page: body text comes with it.
    assert "告知您该政府信息不存在" in pages[-1]


def test_body_lines_hold_28_characters() -> None:
    line = "政" * 28 * 3
    pages = pdf_pages(write_pdf(LetterDocument(title="标题", paragraphs=(line,))))
    lines = [x for x in pages[0].replace("\r", "").split("\n") if set(x) == {"政"}]
    assert [len(x) for x in lines] == [26, 28, 28, 2]  # the first line is indented two characters


def test_same_letter_same_bytes() -> None:
    assert write_pdf(LETTER) == write_pdf(LETTER)
    assert write_docx(LETTER) == write_docx(LETTER)


def test_long_titles_break_before_the_subject_in_both_formats() -> None:
    long = LetterDocument(title="示范县城关镇人民政府政府信息公开申请答复书")
    title = docx.Document(BytesIO(write_docx(long))).paragraphs[0]
    assert title.text == "示范县城关镇人民政府\n政府信息公开申请答复书"
    assert pdf_pages(write_pdf(long))[0].replace("\r", "").startswith("示范县城关镇人民政府\n政府信息公开申请答复书")
    assert title_lines("示范县城关镇人民政府政府信息公开申请答复书") == ["示范县城关镇人民政府", "政府信息公开申请答复书"]
    assert title_lines("示范县教育局政府信息公开申请答复书") == ["示范县教育局政府信息公开申请答复书"]


def test_headings_are_short_numbered_phrases() -> None:
    assert is_heading("一、收费依据")
    assert not is_heading("一、经审查，您申请获取的政府信息属于公开范围。根据规定予以公开，并按您选择的方式提供。")


def test_the_writers_do_not_need_django() -> None:
    code = ("import sys; import gongkai.letters.render as r; "
            "r.write_pdf(r.LetterDocument(title='标题')); r.write_docx(r.LetterDocument(title='标题')); "
            "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
