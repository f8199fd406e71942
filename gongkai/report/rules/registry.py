"""The rule catalogue: one entry per rule id. A released id is never reused or renamed."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ..findings import Finding, Location, Severity
from ..model import Report

Status = Literal["stable", "preview"]


@dataclass(frozen=True, slots=True)
class Context:
    report: Report
    previous: Report | None = None


Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    title: str
    title_en: str
    basis: str
    since: str
    status: Status
    doc: str  # the rule's page (Markdown), from its module docstring
    run: Check

    def finding(self, message: str, message_en: str, location: Location, severity: Severity | None = None) -> Finding:
        return Finding(self.id, severity or self.severity, message, message_en, location, self.basis)


RULES: dict[str, Rule] = {}


def rule(
    id: str, severity: Severity, title: str, title_en: str, basis: str, since: str = "0.1.0", status: Status = "stable"
) -> Callable[[Check], Rule]:
    def register(fn: Check) -> Rule:
        module = inspect.getmodule(fn)
        doc = inspect.cleandoc(module.__doc__ or "") if module else ""
        entry = Rule(id, severity, title, title_en, basis, since, status, doc, fn)
        if id in RULES:
            raise ValueError(f"rule id {id} registered twice")
        RULES[id] = entry
        return entry

    return register
