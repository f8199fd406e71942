"""JSON round trip of the report object, and the published schema's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.report import check, read_bytes, read_path
from gongkai.report.errors import UnreadableFile
from gongkai.report.serialize import dumps, loads, to_dict

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "report.schema.json"


def test_round_trip_keeps_numbers_sources_and_findings(seed_path):
    report = read_path(seed_path)
    again = loads(dumps(report))
    assert again.table3 == report.table3
    assert again.table4 == report.table4
    assert again.table2 == report.table2
    assert again.sections == report.sections
    assert [f.rule for f in check(again)] == [f.rule for f in check(report)]


def test_a_json_report_file_is_read_as_such(seed_path):
    report = read_path(seed_path)
    assert read_bytes(dumps(report).encode(), "seed.json").table3_values() == report.table3_values()


def test_schema_names_every_top_level_key(seed_path):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = to_dict(read_path(seed_path))
    assert set(data) <= set(schema["properties"])
    assert set(schema["required"]) <= set(data)


@pytest.mark.parametrize("text", ['{"format": "2030", "table3": null}', '{"table3": [1]}', "[1, 2]", '{"table3": '])
def test_malformed_json_is_a_clear_error(text):
    with pytest.raises(UnreadableFile):
        loads(text)
