"""Fingerprints: a reviewer's dismissal must survive a re-run and unrelated edits."""

from __future__ import annotations

from pathlib import Path

from gongkai.report import check, read_text

CLEAN = (Path(__file__).parent / "rules" / "fixtures" / "clean_2021.txt").read_text(encoding="utf-8")
BROKEN = CLEAN.replace("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t9\t1\t0\t0\t1\t0\t11")


def _prints(text: str, name: str = "a.txt") -> dict[str, str]:
    return {f.fingerprint: f.rule for f in check(read_text(text, name))}


def test_fingerprint_is_stable_across_runs_file_names_and_shifted_lines():
    first = _prints(BROKEN)
    assert first and first == _prints(BROKEN)
    assert _prints(BROKEN, "renamed.txt") == first  # identity is agency + year
    shifted = BROKEN.replace("一、总体情况\n", "一、总体情况\n\n（新增一段说明文字。）\n")
    assert _prints(shifted) == first


def test_fingerprints_differ_by_rule_and_location():
    findings = check(read_text(BROKEN))
    assert len({f.fingerprint for f in findings}) == len(findings)
