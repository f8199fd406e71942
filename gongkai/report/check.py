"""Run the rule catalogue over a report."""

from __future__ import annotations

from .findings import Finding, Severity
from .model import Report
from .rules import RULES, Context

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def identity(report: Report) -> str:
    """What a finding's fingerprint is tied to: the agency and year, else the file name."""
    if report.agency and report.year:
        return f"{report.agency}|{report.year}"
    return report.source


def check(report: Report, previous: Report | None = None, select: set[str] | None = None) -> list[Finding]:
    ctx = Context(report, previous)
    ident = identity(report)
    found: list[Finding] = []
    for rule_id, entry in RULES.items():
        if select is not None and rule_id not in select:
            continue
        found.extend(f.with_fingerprint(ident) for f in entry.run(ctx))
    found.sort(key=lambda f: (_ORDER[f.severity], f.rule))
    return found
