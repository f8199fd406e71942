"""The PDF writer: an A4 page in the official-document layout that reads back to the same numbers."""

from __future__ import annotations

import ctypes
import json
import re
import socket
import subprocess
import sys
import urllib.request
from dataclasses import replace
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import HealthCheck, given, settings

from gongkai.report import read_bytes, read_path
from gongkai.report.errors import OutputError
from gongkai.report.model import Cell, Section
from gongkai.report.writers import EXTENSIONS, WRITERS, write_pdf
from gongkai.report.writers.pdf import (
    BOTTOM,
    LEFT,
    LINE,
    MM,
    PAGE_H,
    PAGE_W,
    RIGHT,
    TEXT_H,
    TOP,
    _break,
    _Table,
    _Text,
    faces,
    layout,
    paginate,
    title_lines,
)

from ...conftest import CORPUS, SEED
from ..strategies import reports
from ._reports import numbers, sample


def _cjk_fonts_installed() -> bool:
    try:
        faces()
    except OutputError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _cjk_fonts_installed(),
    reason="CJK TrueType fonts not installed (scripts/system-packages.sh)",
)


def _truth_cases() -> list[Path]:
    if not CORPUS.exists():
        return []
    out = []
    for truth in sorted(CORPUS.rglob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        files = [p for p in truth.parent.glob(stem + ".*") if not p.name.endswith(".truth.json")]
        if files and files[0] != SEED:
            out.append(files[0])
    return out


CASES = _truth_cases()


@cache
def _seed_pdf() -> bytes:
    return write_pdf(read_path(SEED))


def _text(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def _chars(pdf: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Every page's characters with their boxes (left, bottom, right, top) in points."""
    doc = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for page in doc:
            textpage = page.get_textpage()
            chars = []
            for i in range(textpage.count_chars()):
                char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
                if char.isspace():
                    continue
                left, bottom, right, top = textpage.get_charbox(i)
                chars.append((char, left, bottom, right, top))
            pages.append(chars)
    finally:
        doc.close()
    return pages


def _fonts(pdf: bytes) -> dict[str, tuple[bool, int]]:
    """Base font name → (embedded, size of the embedded font program) of every text object."""
    doc = pdfium.PdfDocument(pdf)
    fonts: dict[str, tuple[bool, int]] = {}
    try:
        for page in doc:
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
                length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
                name = ctypes.create_string_buffer(length)
                pdfium_c.FPDFFont_GetBaseFontName(font, name, length)
                size = ctypes.c_size_t()
                pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
                fonts[name.value.decode()] = (
                    bool(pdfium_c.FPDFFont_GetIsEmbedded(font)),
                    size.value,
                )
    finally:
        doc.close()
    return fonts


# -- round trips ---------------------------------------------------------------------------


def test_seed_pdf_reads_back_to_the_seed_numbers(seed_path):
    seed = read_path(seed_path)
    back = read_bytes(_seed_pdf(), "x.pdf")
    assert numbers(back) == numbers(seed)
    truth = json.loads(
        seed_path.with_name(seed_path.name.replace(".txt", ".truth.json")).read_text("utf-8")
    )
    assert (back.agency, back.year, back.edition) == (
        truth["agency"],
        truth["year"],
        truth["format"],
    )
    assert back.table3_values() == truth["table3"]
    assert back.table4_values() == truth["table4"]


def test_seed_prose_survives(seed_path):
    seed = read_path(seed_path)
    back = read_bytes(_seed_pdf(), "x.pdf")
    assert back.title == seed.title
    for section in seed.sections:
        again = back.section(section.number)
        assert again is not None
        assert "".join(again.text.split()) == "".join(section.text.split())


@pytest.mark.skipif(not CASES, reason="shared corpus not present")
@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_real_report_pdf_reads_back_to_the_same_numbers(path):
    report = read_path(path)
    assert numbers(read_bytes(write_pdf(report), path.stem + ".pdf")) == numbers(report)


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_sample_round_trip(edition):
    report = sample(edition, 2020 if edition == "2019" else 2024)
    assert numbers(read_bytes(write_pdf(report), "report.pdf")) == numbers(report)


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(reports())
def test_generated_reports_round_trip(report):
    assert numbers(read_bytes(write_pdf(report), "report.pdf")) == numbers(report)


def test_wide_numbers_never_wrap_or_glue():
    """Six- and seven-digit counts widen table 三's number columns and shrink table 四's type."""
    report = sample()
    table3 = tuple(tuple(Cell(c.value * 10007 + 123456) for c in row) for row in report.table3)
    table4 = tuple(Cell(c.value * 1001 + 99999) for c in report.table4)
    report = replace(report, table3=table3, table4=table4)
    assert numbers(read_bytes(write_pdf(report), "big.pdf")) == numbers(report)


def test_long_titles_break_where_the_reader_joins_them():
    assert title_lines("某某镇2023年政府信息公开工作年度报告") == [
        "某某镇2023年政府信息公开工作年度报告"
    ]
    assert title_lines("鲁山县人民政府办公室2021年政府信息公开工作年度报告") == [
        "鲁山县人民政府办公室2021年政府信息公开",
        "工作年度报告",
    ]
    assert title_lines("某某区人力资源和社会保障局2024年政府信息公开工作年度报告") == [
        "某某区人力资源和社会保障局",
        "2024年政府信息公开工作年度报告",
    ]
    # an agency too long for a line of 22 pt is condensed onto one line, not broken
    long_agency = "某某省某某市某某县人力资源和社会保障局劳动保障监察大队"
    for agency in ("上海市科委", "某某区人力资源和社会保障局", "某某市公安局某某分局", long_agency):
        report = sample(agency=agency)
        back = read_bytes(write_pdf(report), "x.pdf")
        assert (back.agency, back.year) == (agency, 2023)


# -- the document --------------------------------------------------------------------------


def test_registered_as_a_writer():
    assert WRITERS["pdf"] is write_pdf
    assert EXTENSIONS["pdf"] == ".pdf"


def test_a4_pages_numbered_in_the_official_style():
    """“— N —” in 四号, its dashes 7 mm below the text block, one character in from the right
    on odd pages and from the left on even pages (GB/T 9704-2012 7.5)."""
    pdf = _seed_pdf()
    assert pdf.startswith(b"%PDF-")
    doc = pdfium.PdfDocument(pdf)
    try:
        sizes = {tuple(round(v) for v in page.get_size()) for page in doc}
        pages = len(doc)
    finally:
        doc.close()
    assert sizes == {(595, 842)}  # A4 in points
    texts = _text(pdf)
    assert pages >= 2
    for number, (text, chars) in enumerate(zip(texts, _chars(pdf), strict=True), start=1):
        assert f"— {number} —" in text
        folio = [c for c in chars if c[4] < BOTTOM]
        assert "".join(c[0] for c in folio) == f"—{number}—"
        if number % 2:
            assert abs(max(c[3] for c in folio) - (PAGE_W - RIGHT - 14)) < 2
        else:
            assert abs(min(c[1] for c in folio) - (LEFT + 14)) < 2
        for dash in (folio[0], folio[-1]):  # the dashes 7 mm below the text block
            assert BOTTOM - 7.5 * MM < dash[2] <= dash[4] < BOTTOM - 6.5 * MM


def test_text_stays_in_the_official_text_block():
    """A4 with margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right: 156 × 225 mm."""
    assert pytest.approx(TEXT_H) == LINE * 22
    for chars in _chars(_seed_pdf()):
        body = [c for c in chars if c[4] >= BOTTOM]
        assert body
        assert min(c[1] for c in body) >= LEFT - 0.5
        assert max(c[3] for c in body) <= PAGE_W - RIGHT + 0.5
        assert max(c[4] for c in body) <= PAGE_H - TOP + 0.5


def test_cjk_fonts_are_embedded_subsets():
    pdf = _seed_pdf()
    fonts = _fonts(pdf)
    assert fonts, "no text objects"
    for name, (embedded, size) in fonts.items():
        assert embedded and 0 < size < 1_000_000, name  # a subset, not a 20 MB collection
    names = re.findall(rb"/BaseFont /([^\s/]+)", pdf)
    assert names and all(re.fullmatch(rb"[A-Z]{6}\+\S+", n) for n in names), names
    families = {n.split(b"+", 1)[1].rsplit(b"-", 1)[0].decode() for n in names}
    # 小标宋 (title), 仿宋 (text), 黑体 (headings), 楷体 (period, run-in headings), 宋体 (tables)
    assert {face.font.ps_name for face in faces().values()} == families


def test_free_stand_ins_cover_the_four_families():
    """Where the official faces are not installed: 宋 and 仿宋 in AR PL UMing, 黑 in
    WenQuanYi Zen Hei, 楷 in AR PL UKai; 小标宋 is the 宋 emboldened."""
    chosen = faces()
    names = {role: face.font.ps_name for role, face in chosen.items()}
    if names["song"] != "UMingCN":
        pytest.skip("official faces installed")
    assert names == {
        "xbs": "UMingCN",
        "fangsong": "UMingCN",
        "song": "UMingCN",
        "hei": "WenQuanYiZenHei",
        "kai": "UKaiCN",
    }
    assert chosen["xbs"].bold and not chosen["song"].bold


def test_a_character_the_face_lacks_comes_from_another_face():
    rare = "㐀"  # CJK extension A: not in AR PL UMing, in WenQuanYi Zen Hei
    report = sample()
    sections = tuple(
        replace(s, text=s.text + f"生僻字{rare}照样印出。") if s.number == "五" else s
        for s in report.sections
    )
    pdf = write_pdf(replace(report, sections=sections))
    assert f"生僻字{rare}照样印出。" in "".join("".join(_text(pdf)).split())


def test_tables_keep_the_national_merged_header_cells():
    tables = {b.grid.key: b for b in layout(sample()) if isinstance(b, _Table)}
    spans = {
        key: {(c.grid.text, c.grid.rowspan, c.grid.colspan) for c in table.cells}
        for key, table in tables.items()
    }
    assert ("申请人情况", 1, 7) in spans["三"]
    assert any(text.startswith("（本列数据") and (r, c) == (3, 3) for text, r, c in spans["三"])
    assert ("行政诉讼", 1, 10) in spans["四"]
    assert ("结果维持", 2, 1) in spans["四"]
    # a merged cell is one box: the 7 number columns under 申请人情况
    table3 = tables["三"]
    assert sum(table3.cols) == pytest.approx(156 * MM)


def test_a_table_cut_by_a_page_break_repeats_its_header_rows():
    pages = _text(_seed_pdf())
    with_table3 = [i for i, text in enumerate(pages) if "本年新收政府信息公开申请数量" in text]
    continued = [
        i for i, text in enumerate(pages) if "（六）其他处理" in text or "（七）总计" in text
    ]
    assert with_table3 and continued
    for i in set(with_table3 + continued):
        assert "申请人情况" in pages[i] and "法人或其他组织" in pages[i]


def test_no_single_line_at_the_foot_or_head_of_a_page():
    report = sample()
    long = "。".join(["依法推进政务公开，提高政府工作透明度"] * 30)
    sections = tuple(replace(s, text=long + "\n" + long) for s in report.sections)
    blocks = layout(replace(report, sections=sections))
    parts: dict[int, list[int]] = {}
    for page in paginate(blocks):
        for placed in page:
            if isinstance(placed.block, _Text) and placed.block.splittable:
                parts.setdefault(id(placed.block), []).append(placed.end - placed.start)
    split = [sizes for sizes in parts.values() if len(sizes) > 1]
    assert split
    assert all(size >= 2 for sizes in split for size in sizes)


def test_lines_break_as_chinese_typesetting_requires():
    face = faces()["fangsong"]
    text = "2021年鲁山县政府门户网站共发布政务信息5821条，访问量2947831次。" * 4
    lines = _break([(face, text)], 16, 156 * MM)
    assert len(lines) > 1
    assert "".join(s for line in lines for _, s in line.spans) == text
    for line in lines:
        first = line.spans[0][1]
        assert first[0] not in "，。、；：）》”"
        assert line.width <= 156 * MM + 0.01
    joined = [
        line.spans[-1][1][-1] + next_line.spans[0][1][0]
        for line, next_line in zip(lines, lines[1:], strict=False)
    ]
    assert not any(pair.isdigit() for pair in joined)  # never inside a number


# -- offline -------------------------------------------------------------------------------

HOSTILE = (
    '<img src="http://example.invalid/x.png"> <link rel="stylesheet" href="https://example.invalid/a.css">'
    " <style>@import url(http://example.invalid/b.css); body { background: url(http://example.invalid/c.png) }</style>"
)


def test_markup_in_a_report_is_text_and_nothing_is_fetched(monkeypatch):
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise AssertionError("network access while writing a PDF")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    report = sample()
    sections = tuple(
        replace(s, text=s.text + "\n" + HOSTILE) if s.number == "一" else s for s in report.sections
    )
    report = replace(report, sections=sections, agency="某某市<b>生态环境局</b>")
    pdf = write_pdf(report)
    assert calls == []
    text = "".join("".join(_text(pdf)).split())
    assert "".join(HOSTILE.split()) in text  # printed as text, not interpreted
    assert numbers(read_bytes(pdf, "x.pdf"))[3:] == numbers(report)[3:]


def test_importing_the_engine_does_not_import_reportlab():
    code = (
        "import sys, gongkai.report, gongkai.report.writers; assert 'reportlab' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_empty_report_still_renders():
    report = replace(
        sample(),
        sections=(Section("一", "一", "总体情况", 0, ""),),
        table2={},
        table3=None,
        table4=None,
    )
    pdf = write_pdf(report)
    assert "某某市生态环境局2023年政府信息公开工作年度报告" in "".join("".join(_text(pdf)).split())
