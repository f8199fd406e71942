"""Round trips shared by the writer tests: write, read back with ``read_bytes``, compare.

A written report must read back to the same agency, year, edition and table numbers, and
draw the same arithmetic findings (and blank-cell findings) as the report it came from.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, settings

from gongkai.report import check, read_bytes, read_path
from gongkai.report.model import Cell, Report
from gongkai.report.writers import write_text

from ...conftest import CORPUS
from ._reports import numbers, sample

ARITH = frozenset({"t3-balance", "t3-subtotal", "t3-row-total", "t4-total", "cell-blank"})
SETTINGS = settings(deadline=None, max_examples=40,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def arithmetic(report: Report) -> set[tuple[str, str]]:
    """The arithmetic and blank-cell findings, by rule and place (not by line number)."""
    return {(f.rule, f.location.key()) for f in check(report) if f.rule in ARITH}


def assert_round_trip(report: Report, data: bytes, name: str) -> Report:
    back = read_bytes(data, name)
    assert numbers(back) == numbers(report)
    assert arithmetic(back) == arithmetic(report)
    return back


def corpus_reports() -> list[Path]:
    """Every real report in the shared corpus that has a truth file."""
    if not CORPUS.exists():
        return []
    out = []
    for truth in sorted(CORPUS.rglob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        files = sorted(p for p in truth.parent.glob(stem + ".*") if not p.name.endswith(".truth.json"))
        if files:
            out.append(files[0])
    return out


CORPUS_REPORTS = corpus_reports()


def corpus_report(path: Path) -> Report:
    report = read_path(path)
    truth = json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))
    assert report.table3_values() == truth["table3"]  # the reading the round trip starts from
    return report


def with_blanks(edition: str = "2021") -> Report:
    """A report with blank cells the readers keep in place (read from its text, so that its
    blank-cell findings are there to compare)."""
    report = sample(edition, 2020 if edition == "2019" else 2023)
    assert report.table3 is not None and report.table4 is not None
    t3 = [list(row) for row in report.table3]
    for r, c in ((0, 3), (5, 0), (9, 6), (len(t3) - 1, 2)):
        t3[r][c] = Cell(None)
    t4 = list(report.table4)
    t4[2] = t4[11] = Cell(None)
    t2 = {row: dict(cols) for row, cols in report.table2.items()}
    first = next(iter(t2))
    t2[first][next(iter(t2[first]))] = Cell(None)
    blanked = replace(report, table2=t2, table3=tuple(tuple(r) for r in t3), table4=tuple(t4))
    return read_bytes(write_text(blanked).encode("utf-8"), "blanks.txt")
