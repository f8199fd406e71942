"""Rule pages: every rule has a page in docs/rules/, every page names a rule, pages are current."""

from __future__ import annotations

from pathlib import Path

from gongkai.report.docs import index_page, rule_page
from gongkai.report.rules import RULES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"
SECTIONS = ("## What it checks", "## Why it matters", "## Failing example", "## Passing example", "## Limits")


def test_every_rule_has_a_current_page():
    for rule_id, entry in RULES.items():
        page = DOCS / f"{rule_id}.md"
        assert page.exists(), f"{rule_id} has no page: run `make docs`"
        assert page.read_text(encoding="utf-8") == rule_page(entry), f"{page} is stale: run `make docs`"


def test_every_page_names_a_rule():
    pages = {p.stem for p in DOCS.glob("*.md")} - {"index"}
    assert pages == set(RULES)
    assert (DOCS / "index.md").read_text(encoding="utf-8") == index_page()


def test_every_rule_doc_has_the_uniform_sections():
    for rule_id, entry in RULES.items():
        for heading in SECTIONS:
            assert heading in entry.doc, f"{rule_id}: missing {heading!r}"
        assert entry.basis, rule_id


def test_cli_reference_is_current():
    from gongkai.docs_build import cli_page

    page = (DOCS.parent / "cli.md").read_text(encoding="utf-8")
    assert page == cli_page(), "docs/cli.md is stale: run `make docs`"
