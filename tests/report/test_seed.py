"""The seed report (鲁山县人民政府办公室 2021): its defects are found, its sums are not flagged."""

from __future__ import annotations

import json

from gongkai.report import check, read_path


def test_seed_numbers_equal_the_truth(seed_path):
    truth = json.loads(seed_path.with_name(seed_path.stem + ".truth.json").read_text(encoding="utf-8"))
    report = read_path(seed_path)
    assert (report.agency, report.year, report.edition) == ("鲁山县人民政府办公室", 2021, "2021")
    assert report.table3_values() == truth["table3"]
    assert report.table4_values() == truth["table4"]
    assert report.table2_values() == truth["table2"]


def test_seed_findings(seed_path):
    rules = {f.rule for f in check(read_path(seed_path))}
    assert {"year-mismatch", "heading-numbering", "cell-count", "fee-statement-missing", "ordinal-sequence"} <= rules
    assert not rules & {"t3-balance", "t3-subtotal", "t3-row-total", "t4-total"}


def test_seed_sources_point_at_the_printed_line(seed_path):
    report = read_path(seed_path)
    new_total = report.table3[0][6]
    assert new_total.value == 6
    assert new_total.source is not None
    line = seed_path.read_text(encoding="utf-8").splitlines()[new_total.source.line - 1]
    assert line.startswith("一、本年新收政府信息公开申请数量")


def test_seed_surplus_rows_are_reported_where_they_are(seed_path):
    counts = [f for f in check(read_path(seed_path)) if f.rule == "cell-count"]
    assert [f.location.row[:3] for f in counts] == ["（六）"] * 3
