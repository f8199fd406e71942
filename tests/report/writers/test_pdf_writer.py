"""The PDF writer: an A4 page in the official-document layout that reads back to the same numbers."""

from __future__ import annotations

import ctypes
import json
import shutil
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
from gongkai.report.model import Cell, Section
from gongkai.report.writers import EXTENSIONS, WRITERS, write_pdf
from gongkai.report.writers.pdf import title_pdf, write_pdf_html

from ...conftest import CORPUS, SEED
from ..strategies import reports
from ._reports import numbers, sample


def _cjk_fonts_installed() -> bool:
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(
        ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout
    return "Noto Serif CJK SC" in out


pytestmark = pytest.mark.skipif(
    not _cjk_fonts_installed(), reason="CJK fonts not installed (scripts/system-packages.sh)"
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
    assert (
        title_pdf("某某镇2023年政府信息公开工作年度报告") == "某某镇2023年政府信息公开工作年度报告"
    )
    assert title_pdf("鲁山县人民政府办公室2021年政府信息公开工作年度报告") == (
        "鲁山县人民政府办公室2021年政府信息公开<br>工作年度报告"
    )
    assert title_pdf("某某区人力资源和社会保障局2024年政府信息公开工作年度报告") == (
        "某某区人力资源和社会保障局<br>2024年政府信息公开工作年度报告"
    )
    for agency in ("上海市科委", "某某区人力资源和社会保障局", "某某市公安局某某分局"):
        report = sample(agency=agency)
        back = read_bytes(write_pdf(report), "x.pdf")
        assert (back.agency, back.year) == (agency, 2023)


# -- the document --------------------------------------------------------------------------


def test_registered_as_a_writer():
    assert WRITERS["pdf"] is write_pdf
    assert EXTENSIONS["pdf"] == ".pdf"


def test_a4_pages_numbered_in_the_official_style():
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
    for number, text in enumerate(texts, start=1):
        assert f"— {number} —" in text


def test_cjk_fonts_are_embedded_subsets():
    fonts = _fonts(_seed_pdf())
    assert fonts, "no text objects"
    for name, (embedded, size) in fonts.items():
        assert embedded and size > 0, name
        assert name[6] == "+", name  # a subset: ABCDEF+Name
    families = {name.split("+", 1)[1] for name in fonts}
    assert {
        "Noto-Serif-CJK-SC",
        "Noto-Serif-CJK-SC-Bold",
        "Noto-Sans-CJK-SC",
        "AR-PL-UKai-CN",
    } <= families


def test_tables_keep_the_national_merged_header_cells():
    page = write_pdf_html(sample())
    assert '<th id="t3-h" scope="colgroup" colspan="7">申请人情况</th>' in page
    assert '<td class="note" rowspan="3" colspan="3">' in page
    assert '<th id="t4-ss" scope="colgroup" colspan="10">行政诉讼</th>' in page
    assert "thead { display: table-header-group; }" in page
    assert "@bottom-center" in page and "A4" in page


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


def test_the_fetcher_refuses_every_url():
    from gongkai.report.writers.pdf import _offline_fetcher

    for url in (
        "http://example.invalid/",
        "https://example.invalid/",
        "file:///etc/passwd",
        "data:,x",
    ):
        with pytest.raises(ValueError):
            _offline_fetcher()(url)


def test_importing_the_engine_does_not_import_weasyprint():
    code = (
        "import sys, gongkai.report, gongkai.report.writers; assert 'weasyprint' not in sys.modules"
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
