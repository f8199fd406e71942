"""The same report as DOCX, XLSX and HTML tables reads to the same numbers as its text."""

from __future__ import annotations

import html
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from gongkai.report import check, read_bytes, read_text

CLEAN = (Path(__file__).resolve().parents[1] / "rules" / "fixtures" / "clean_2021.txt").read_text(encoding="utf-8")
EXPECTED = read_text(CLEAN)


def _chunks(text: str) -> list[tuple[str, list[list[str]] | str]]:
    """Paragraphs and runs of tab-separated lines (tables), in order."""
    out: list[tuple[str, list[list[str]] | str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if "\t" in line:
            cells = line.split("\t")
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)  # type: ignore[union-attr]
            else:
                out.append(("table", [cells]))
        else:
            out.append(("p", line))
    return out


def as_docx(text: str) -> bytes:
    doc = Document()
    for kind, body in _chunks(text):
        if kind == "p":
            doc.add_paragraph(body)
            continue
        width = max(len(r) for r in body)
        table = doc.add_table(rows=len(body), cols=width)
        for r, cells in enumerate(body):
            for c, value in enumerate(cells):
                table.cell(r, c).text = value
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def as_xlsx(text: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for kind, body in _chunks(text):
        rows = [[body]] if kind == "p" else body
        for cells in rows:
            sheet.append([int(v) if v.isdigit() else (float(v) if v.replace(".", "", 1).isdigit() else v) for v in cells])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def as_html(text: str) -> bytes:
    parts = ["<html><head><meta charset='utf-8'></head><body><nav><a href='/'>首页</a> 政务公开</nav><div class='content'>"]
    for kind, body in _chunks(text):
        if kind == "p":
            parts.append(f"<p><span style='font-family:仿宋'>{html.escape(body)}</span></p>")
        else:
            parts.append("<table border=1>")
            for cells in body:
                parts.append("<tr>" + "".join(f"<td><p>{html.escape(c) or '&nbsp;'}</p></td>" for c in cells) + "</tr>")
            parts.append("</table>")
    parts.append("</div><footer>主办单位：某某县人民政府办公室 版权所有 2024</footer></body></html>")
    return "".join(parts).encode("utf-8")


@pytest.mark.parametrize(("name", "make"), [("r.docx", as_docx), ("r.xlsx", as_xlsx), ("r.html", as_html)])
def test_format_reads_like_the_text(name, make):
    report = read_bytes(make(CLEAN), name)
    assert report.table3_values() == EXPECTED.table3_values()
    assert report.table4_values() == EXPECTED.table4_values()
    assert report.table2_values() == EXPECTED.table2_values()
    assert (report.agency, report.year, report.edition) == (EXPECTED.agency, EXPECTED.year, EXPECTED.edition)
    assert check(report) == []


def test_gbk_html_page_with_declared_charset():
    page = as_html(CLEAN).decode("utf-8").replace("charset='utf-8'", "charset='gbk'").encode("gb18030")
    assert read_bytes(page, "r.html").table3_values() == EXPECTED.table3_values()
