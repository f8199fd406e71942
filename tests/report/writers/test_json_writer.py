"""The JSON writer: the full report JSON, read back as it is; the writer registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from gongkai.report.errors import OutputError
from gongkai.report.model import Report
from gongkai.report.serialize import dumps
from gongkai.report.writers import EXTENSIONS, WRITERS, formats, write_json, writer_for

from ..strategies import reports
from ._reports import sample
from ._roundtrip import CORPUS_REPORTS, SETTINGS, assert_round_trip, corpus_report, with_blanks


@pytest.mark.skipif(not CORPUS_REPORTS, reason="shared corpus not present")
@pytest.mark.parametrize("path", CORPUS_REPORTS, ids=[p.name for p in CORPUS_REPORTS])
def test_corpus_report_round_trip(path: Path) -> None:
    report = corpus_report(path)
    back = assert_round_trip(report, write_json(report).encode("utf-8"), "x.json")
    assert back.anomalies == report.anomalies and back.sections == report.sections


@SETTINGS
@given(reports())
def test_generated_report_round_trip(report: Report) -> None:
    assert_round_trip(report, write_json(report).encode("utf-8"), "report.json")


def test_blanks_and_sources_survive():
    report = with_blanks()
    text = write_json(report)
    assert text == dumps(report) + "\n"
    data = json.loads(text)
    assert data["table3"][0]["cells"][3]["value"] is None
    assert data["table3"][0]["cells"][0]["source"]["line"] > 0
    assert_round_trip(report, text.encode("utf-8"), "x.json")


def test_registered():
    report = sample()
    assert WRITERS["json"](report) == write_json(report).encode("utf-8")
    assert EXTENSIONS["json"] == ".json"


# -- the registry ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [("html", "html"), ("HTML", "html"), ("docx", "docx"), ("xlsx", "xlsx"), ("md", "md"), ("markdown", "md"),
     ("json", "json"), ("txt", "text"), ("text", "text"), ("out/年报.docx", "docx"), ("a.b.XLSX", "xlsx"),
     ("r.txt", "text"), ("r.htm", "html"), ("r.markdown", "md"), (".json", "json")],
)
def test_writer_for_names_and_extensions(given_name, expected):
    name, writer = writer_for(given_name)
    assert name == expected
    assert writer is WRITERS[expected]


@pytest.mark.parametrize("bad", ["rtf", "report.rtf", "", "doc", "report"])
def test_writer_for_unknown_format(bad):
    with pytest.raises(OutputError) as caught:
        writer_for(bad)
    message = caught.value.message
    assert message.startswith("不支持的输出格式“")
    assert "，可选：" + "、".join(formats()) in message
    assert "\n" not in message


def test_formats_offered_in_order_with_txt():
    offered = formats()
    assert offered[-1] == "txt" and "text" not in offered
    expected = [f for f in ("html", "docx", "pdf", "xlsx", "md", "json", "txt") if f in WRITERS]
    assert offered[: len(expected)] == expected
    if "pdf" in WRITERS:  # the full list once the PDF writer is registered
        assert writer_for.__doc__ and "、".join(offered) == "html、docx、pdf、xlsx、md、json、txt"
    assert WRITERS["txt"] is WRITERS["text"] and EXTENSIONS["txt"] == ".txt"
