"""Every real report with a truth file: every number right, arithmetic findings exact,
expected findings present, nothing in must_not_find."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.report import check, read_path

from ..conftest import CORPUS

ARITH = {"t3-balance", "t3-subtotal", "t3-row-total", "t4-total"}


def _cases() -> list[tuple[Path, Path]]:
    if not CORPUS.exists():
        return []
    out = []
    for truth in sorted(CORPUS.rglob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        files = [p for p in truth.parent.glob(stem + ".*") if not p.name.endswith(".truth.json")]
        if files:
            out.append((files[0], truth))
    return out


def _violated(t: dict) -> set[str]:
    """The arithmetic rules the truth numbers violate (blank counted as 0, as the scorer does)."""
    rows = {"2021": (23, 24), "2019": (21, 22)}[t["format"]]
    t3 = [[v or 0 for v in row] for row in t["table3"]]
    bad = set()
    for c in range(7):
        if t3[0][c] + t3[1][c] != t3[rows[0]][c] + t3[rows[1]][c]:
            bad.add("t3-balance")
        if sum(t3[r][c] for r in range(2, rows[0])) != t3[rows[0]][c]:
            bad.add("t3-subtotal")
    if any(sum(row[:6]) != row[6] for row in t3):
        bad.add("t3-row-total")
    t4 = [v or 0 for v in t["table4"]]
    if any(sum(t4[b : b + 4]) != t4[b + 4] for b in (0, 5, 10)):
        bad.add("t4-total")
    return bad


CASES = _cases()


@pytest.mark.skipif(not CASES, reason="shared corpus not present")
@pytest.mark.parametrize(("path", "truth_path"), CASES, ids=[p.name for p, _ in CASES])
def test_real_report_reads_and_checks_like_its_truth(path: Path, truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    report = read_path(path)
    assert report.edition == truth["format"]
    assert report.year == truth["year"]
    assert report.agency == truth["agency"]
    assert report.table3_values() == truth["table3"]
    assert report.table4_values() == truth["table4"]
    got_t2 = report.table2_values()
    for row, cols in truth["table2"].items():
        for col, value in cols.items():
            if value is not None and not col.endswith("_as_printed"):
                assert got_t2[row][col] == value, (row, col)
    rules = {f.rule for f in check(report)}
    assert rules & ARITH == _violated(truth)
    assert set(truth.get("expected_findings") or {}) <= rules
    assert not rules & set(truth.get("must_not_find") or [])
