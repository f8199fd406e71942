"""``findings.csv`` and ``reports.csv``, and the summary that ``audit.html`` is drawn from.

``Collector`` takes the checked files one at a time, in order, as they are read back from the
cache: it streams a row per finding and a row per file to the two CSV files (temporary until
``commit``), marks the findings reviewers have dismissed, and keeps only what the page needs
(counts by severity, rule, agency and year; the reports with the most findings; the
unreadable files and the dismissed findings), so that memory stays flat however many files
there are.
"""

from __future__ import annotations

import csv
import heapq
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..merge import agency_key
from ..model import Number
from ..output import AtomicStream
from .inputs import Dismissal
from .work import KEY_NUMBERS, OUTCOME_GROUPS

OUTCOME_COLUMNS = ("disclosed", "partly_disclosed", "withheld", "unavailable", "not_processed", "other")
SEVERITIES = ("error", "warning", "notice")
WORST = 50  # reports listed in full in audit.html
FINDINGS_PER_WORST = 40


@dataclass(slots=True)
class AgencyRow:
    name: str
    reports: int = 0
    years: set[int] = field(default_factory=set)
    error: int = 0
    warning: int = 0
    notice: int = 0
    dismissed: int = 0


@dataclass
class YearRow:
    reports: int = 0
    numbers: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)


class Collector:
    """Takes the reports one at a time (never holding them all) and writes the CSV outputs."""

    def __init__(self, out: Path, english: bool, dismissals: dict[str, Dismissal]) -> None:
        self.out = out
        self.english = english
        self.dismissals = dismissals
        self.used: set[str] = set()
        self._streams = [AtomicStream(out / "findings.csv"), AtomicStream(out / "reports.csv")]
        assert self._streams[0].file is not None and self._streams[1].file is not None
        self.findings_csv = csv.writer(self._streams[0].file, lineterminator="\n")
        self.reports_csv = csv.writer(self._streams[1].file, lineterminator="\n")
        self.findings_csv.writerow(("file", "agency", "year", "rule", "severity", "location", "message",
                                    "fingerprint", "dismissed", "dismissal_reason"))
        self.reports_csv.writerow(("file", "agency", "year", "edition", *(k for k, _ in KEY_NUMBERS),
                                   *OUTCOME_COLUMNS, "errors", "warnings", "notices", "dismissed", "error"))
        self.counts: Counter[str] = Counter()  # active findings by severity, "dismissed", "reports", "unreadable"
        self.by_rule: Counter[str] = Counter()
        self.by_rule_dismissed: Counter[str] = Counter()
        self.by_agency: dict[str, AgencyRow] = {}
        self.by_year: dict[int, YearRow] = {}
        self.new_by_agency: dict[tuple[str, int], Number] = {}
        self.worst: list[tuple[tuple[int, int, int, int], int, dict[str, Any]]] = []
        self.unreadable: list[tuple[str, str]] = []
        self.dismissed_rows: list[tuple[str, str, dict[str, str], Dismissal]] = []
        self.seq = 0

    @property
    def stale(self) -> int:
        """Dismissals that matched no finding of this run (the report was corrected or removed)."""
        return len(set(self.dismissals) - self.used)

    def add(self, name: str, record: dict[str, Any], extra: Iterable[dict[str, str]] = ()) -> None:
        self.seq += 1
        if record.get("error"):
            reason = record["error_en"] if self.english else record["error"]
            self.counts["unreadable"] += 1
            self.unreadable.append((name, reason))
            self.reports_csv.writerow((name, "", "", "", *[""] * (len(KEY_NUMBERS) + len(OUTCOME_COLUMNS)), 0, 0, 0, 0, reason))
            return
        self.counts["reports"] += 1
        findings = [*record["findings"], *extra]
        agency, year = record.get("agency") or "", record.get("year")
        counts: Counter[str] = Counter()
        active: list[dict[str, str]] = []
        for f in findings:
            dismissal = self.dismissals.get(f["fingerprint"])
            message = f["message_en"] if self.english else f["message"]
            self.findings_csv.writerow((name, agency, year or "", f["rule"], f["severity"], f["where"], message,
                                        f["fingerprint"], "yes" if dismissal else "no",
                                        dismissal.reason if dismissal else ""))
            if dismissal is not None:
                self.used.add(f["fingerprint"])
                counts["dismissed"] += 1
                self.by_rule_dismissed[f["rule"]] += 1
                self.dismissed_rows.append((name, agency, f, dismissal))
                continue
            counts[f["severity"]] += 1
            self.by_rule[f["rule"]] += 1
            active.append(f)
        self.counts.update(counts)
        numbers, outcomes = record["numbers"], record["outcomes"]
        self.reports_csv.writerow((name, agency, year or "", record["edition"],
                                   *(_cell(numbers.get(k)) for k, _ in KEY_NUMBERS),
                                   *(_cell(outcomes.get(g)) for g in OUTCOME_GROUPS),
                                   *(counts[s] for s in SEVERITIES), counts["dismissed"], ""))
        self._agency(agency, year, counts)
        self._year(year, agency, numbers, outcomes)
        self._rank(name, record, counts, active)

    def _agency(self, agency: str, year: int | None, counts: Counter[str]) -> None:
        key = sys.intern(agency_key(agency) or "?")
        row = self.by_agency.get(key)
        if row is None:
            row = self.by_agency[key] = AgencyRow(agency or "（未识别机关）")
        row.reports += 1
        if year:
            row.years.add(year)
        row.error += counts["error"]
        row.warning += counts["warning"]
        row.notice += counts["notice"]
        row.dismissed += counts["dismissed"]

    def _year(self, year: int | None, agency: str, numbers: dict[str, Any], outcomes: dict[str, Any]) -> None:
        if not year:
            return
        row = self.by_year.setdefault(year, YearRow())
        row.reports += 1
        for totals, values in ((row.numbers, numbers), (row.outcomes, outcomes)):
            for k, v in values.items():  # a plain loop: Counter.update of a dict costs 3× more
                if v is not None:
                    totals[k] += v
        if numbers.get("new") is not None and agency:
            key = (sys.intern(agency_key(agency)), year)
            self.new_by_agency[key] = self.new_by_agency.get(key, 0) + numbers["new"]

    def _rank(self, name: str, record: dict[str, Any], counts: Counter[str], active: list[dict[str, str]]) -> None:
        if not active:
            return
        score = (counts["error"], counts["warning"], counts["notice"], -self.seq)
        if len(self.worst) >= WORST and score <= self.worst[0][0]:
            return
        entry = {"file": name, "agency": record.get("agency") or "", "year": record.get("year"),
                 "edition": record["edition"], "counts": dict(counts), "findings": active[:FINDINGS_PER_WORST],
                 "more": max(0, len(active) - FINDINGS_PER_WORST)}
        item = (score, self.seq, entry)
        if len(self.worst) < WORST:
            heapq.heappush(self.worst, item)
        else:
            heapq.heapreplace(self.worst, item)

    def commit(self) -> list[Path]:
        """Rename the CSV files into place."""
        return [stream.commit() for stream in self._streams]

    def discard(self) -> None:
        """Remove the temporary files of outputs not committed (after an error)."""
        for stream in self._streams:
            stream.discard()


def _cell(value: Any) -> Any:
    return "" if value is None else value
