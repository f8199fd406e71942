"""Properties of the engine over generated reports (hypothesis).

1. A consistent report written as text or HTML reads back to the same numbers and draws no
   error or warning.
2. Any single cell of table 三 or 四 changed is caught by an arithmetic rule.
3. Corrupted input (bytes flipped, truncated, inserted, lines deleted) never raises anything
   but a ``ReportError``.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report import check, read_bytes, read_text
from gongkai.report.errors import ReportError
from gongkai.report.findings import Severity
from gongkai.report.model import Cell, Report
from gongkai.report.writers import write_html, write_text

from ..conftest import CORPUS
from .strategies import reports

ARITH = {"t3-balance", "t3-subtotal", "t3-row-total", "t4-total"}
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _numbers(report: Report) -> tuple:
    return (
        report.agency,
        report.year,
        report.edition,
        report.table2_values(),
        report.table3_values(),
        report.table4_values(),
    )


def _serious(report: Report) -> list[str]:
    return [
        f"{f.severity} {f.rule} {f.location.describe()}: {f.message}"
        for f in check(report)
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]


# -- 1. round trip ------------------------------------------------------------------------


@settings(SETTINGS, max_examples=60)
@given(reports())
def test_generated_reports_are_clean(report: Report) -> None:
    assert _serious(report) == []


@settings(SETTINGS, max_examples=60)
@given(reports())
def test_written_report_reads_back_to_the_same_numbers(report: Report) -> None:
    for name, back in (
        ("text", read_text(write_text(report), "x.txt")),
        ("text-bytes", read_bytes(write_text(report).encode("utf-8"), "x.txt")),
        ("html", read_bytes(write_html(report).encode("utf-8"), "x.html")),
    ):
        assert _numbers(back) == _numbers(report), name
        serious = _serious(back)
        assert serious == [], f"{name}: " + "\n".join(serious)


# -- 2. one changed cell is caught -------------------------------------------------------


@st.composite
def _changed(draw: st.DrawFn) -> tuple[Report, Report]:
    report = draw(reports())
    delta = draw(st.integers(1, 50))
    assert report.table3 is not None and report.table4 is not None
    if draw(st.booleans()):
        r = draw(st.integers(0, len(report.table3) - 1))
        c = draw(st.integers(0, len(report.table3[r]) - 1))
        row = list(report.table3[r])
        row[c] = Cell(int(row[c].value or 0) + delta)
        table3 = (*report.table3[:r], tuple(row), *report.table3[r + 1 :])
        return report, replace(report, table3=table3)
    i = draw(st.integers(0, len(report.table4) - 1))
    cells = list(report.table4)
    cells[i] = Cell(int(cells[i].value or 0) + delta)
    return report, replace(report, table4=tuple(cells))


@settings(SETTINGS, max_examples=80)
@given(_changed())
def test_any_changed_cell_is_caught(pair: tuple[Report, Report]) -> None:
    original, changed = pair
    assert not {f.rule for f in check(original)} & ARITH
    assert {f.rule for f in check(changed)} & ARITH
    back = read_text(write_text(changed), "x.txt")
    assert back.table3_values() == changed.table3_values()
    assert back.table4_values() == changed.table4_values()
    assert {f.rule for f in check(back)} & ARITH


# -- 3. corrupted input only ever raises ReportError -------------------------------------

_READABLE = {".txt", ".md", ".html", ".htm", ".pdf"}
if importlib.util.find_spec("gongkai.report.readers.docx") is not None:
    _READABLE.add(".docx")
if importlib.util.find_spec("gongkai.report.readers.xlsx") is not None:
    _READABLE.add(".xlsx")


def _corpus_files() -> list[Path]:
    if not CORPUS.exists():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in _READABLE)


CORPUS_FILES = _corpus_files()
_CORPUS_BYTES = {p.name: p.read_bytes() for p in CORPUS_FILES}


@st.composite
def _inputs(draw: st.DrawFn) -> tuple[bytes, str]:
    choices = ["text", "html"] + (["corpus"] * 2 if CORPUS_FILES else [])
    kind = draw(st.sampled_from(choices))
    if kind == "corpus":
        name = draw(st.sampled_from(sorted(_CORPUS_BYTES)))
        return _CORPUS_BYTES[name], name
    report = draw(reports())
    if kind == "text":
        return write_text(report).encode(draw(st.sampled_from(("utf-8", "gb18030", "utf-16")))), "report.txt"
    return write_html(report).encode("utf-8"), draw(st.sampled_from(("report.html", "report.txt", "")))


@st.composite
def _corrupted(draw: st.DrawFn) -> tuple[bytes, str]:
    data, name = draw(_inputs())
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(("flip", "flip", "truncate", "insert", "delete-lines", "delete-span")))
        at = draw(st.integers(0, max(len(buf) - 1, 0)))
        if op == "flip" and buf:
            buf[at] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del buf[at:]
        elif op == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete-span":
            del buf[at : at + draw(st.integers(1, 4096))]
        elif op == "delete-lines":
            lines = bytes(buf).split(b"\n")
            start = draw(st.integers(0, max(len(lines) - 1, 0)))
            count = draw(st.integers(1, 8))
            buf = bytearray(b"\n".join(lines[:start] + lines[start + count :]))
    return bytes(buf), name


@settings(SETTINGS, max_examples=150)
@given(_corrupted())
def test_corrupted_input_raises_only_report_errors(case: tuple[bytes, str]) -> None:
    data, name = case
    try:
        report = read_bytes(data, name)
    except ReportError:
        return
    check(report)


@pytest.mark.skipif(not CORPUS_FILES, reason="shared corpus not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_corpus_files_read_or_raise_report_error(path: Path) -> None:
    try:
        report = read_bytes(path.read_bytes(), path.name)
    except ReportError:
        return
    check(report)


# -- defects the corruption property found once (minimal reproductions) -------


def test_section_heading_inside_table2_region():
    try:
        report = read_text("第二十条第（一）项\n二、主动公开政府信息情况\n规章\t0\t0\t0\n")
    except ReportError:
        return
    check(report)


@pytest.mark.parametrize(
    "patch",
    ['"value": "6"', '"value": []'],
    ids=["string-value", "list-value"],
)
def test_report_json_with_a_wrong_value_type(patch):
    from gongkai.report.serialize import dumps

    report = read_text(write_text(_plain_report()))
    data = dumps(report).replace('"value": 0', patch, 1).encode("utf-8")
    try:
        back = read_bytes(data, "x.json")
    except ReportError:
        return
    check(back)


def _plain_report() -> Report:
    from .writers._reports import sample

    return sample()
