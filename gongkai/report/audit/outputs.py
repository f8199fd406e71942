"""``findings.csv`` and ``reports.csv``, and the summary that ``audit.html`` is drawn from.

``summarize`` renders one checked file's part of the outputs from its cache record: its rows of
the two CSV files (already formatted, with the reviewers' dismissals marked) and the little the
page needs of it. Worker processes call it as they check a file (``work.audit_file``), so that
the parent only copies the rows; the parent calls it itself for a file taken from the cache, or
one that the checks across reports add findings to. ``Spool`` keeps the rendered parts of a
run, a batch at a time, in a temporary file until they are written in order. ``Collector``
takes the files one at a time, in order: it streams the rows to the two CSV files (temporary
until ``commit``) and keeps only what the page needs (counts by severity, rule, agency and
year; the reports with the most findings; the unreadable files and the dismissed findings), so
that memory stays flat however many files there are.
"""

from __future__ import annotations

import csv
import heapq
import io
import marshal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..merge import agency_key
from ..model import Number
from ..output import AtomicStream
from .inputs import Dismissal
from .work import KEY_NUMBERS, OUTCOME_GROUPS, Done

OUTCOME_COLUMNS = ("disclosed", "partly_disclosed", "withheld", "unavailable", "not_processed", "other")
SEVERITIES = ("error", "warning", "notice")
NUMBER_KEYS = tuple(k for k, _ in KEY_NUMBERS)
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
    """The reports of one year, their key numbers and outcome mix summed (blank cells as 0)."""

    reports: int = 0
    numbers: dict[str, Number] = field(default_factory=lambda: dict.fromkeys(NUMBER_KEYS, 0))
    outcomes: dict[str, Number] = field(default_factory=lambda: dict.fromkeys(OUTCOME_GROUPS, 0))


class Collector:
    """Takes the reports one at a time (never holding them all) and writes the CSV outputs."""

    def __init__(self, out: Path, english: bool, dismissals: dict[str, Dismissal]) -> None:
        self.out = out
        self.english = english
        self.dismissals = dismissals
        self.used: set[str] = set()
        self._streams = [AtomicStream(out / "findings.csv"), AtomicStream(out / "reports.csv")]
        files = [stream.file for stream in self._streams]
        for file, header in zip(files, (FINDINGS_HEADER, REPORTS_HEADER), strict=True):
            assert file is not None
            file.write(_line(header))  # the text layer writes the BOM
            file.flush()
        # The rows come already encoded (``summarize``): straight to the binary layer.
        self.findings_file, self.reports_file = (file.buffer for file in files if file is not None)
        # Plain dicts, not Counters: a Counter's item assignment costs three times a dict's.
        # Active findings by severity, "dismissed", "reports", "unreadable":
        self.counts: dict[str, int] = dict.fromkeys(("reports", "unreadable", *SEVERITIES, "dismissed"), 0)
        self.by_rule: dict[str, int] = {}  # active findings by rule
        self.by_rule_dismissed: dict[str, int] = {}
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
        """A file from its cache record (and the findings across reports that concern it)."""
        self.take(name, summarize(name, record, extra, english=self.english, dismissals=self.dismissals))

    def take(self, name: str, summary: Sequence[Any]) -> None:
        """A file as ``summarize`` rendered it (with this collector's language and dismissals)."""
        self.seq += 1
        if len(summary) == 2:  # unreadable
            row, reason = summary
            self.counts["unreadable"] += 1
            self.unreadable.append((name, reason))
            self.reports_file.write(row)
            return
        rows, row, agency, key, year, edition, counts, rules, dismissed, numbers, outcomes, top = summary
        if rows:
            self.findings_file.write(rows)
        self.reports_file.write(row)
        total = self.counts
        total["reports"] += 1
        for k, n in counts.items():
            total[k] += n
        for f in dismissed:
            self.used.add(f["fingerprint"])
            self.by_rule_dismissed[f["rule"]] = self.by_rule_dismissed.get(f["rule"], 0) + 1
            self.dismissed_rows.append((name, agency, f, self.dismissals[f["fingerprint"]]))
        by_rule = self.by_rule
        for rule in rules:
            by_rule[rule] = by_rule.get(rule, 0) + 1
        key = sys.intern(key)
        self._agency(agency, key, year, counts)
        self._year(year, agency, key, numbers, outcomes)
        if top is not None:
            self._rank(name, agency, year, edition, counts, top)

    def _agency(self, agency: str, key: str, year: int | None, counts: Mapping[str, int]) -> None:
        row = self.by_agency.get(key or "?")
        if row is None:
            row = self.by_agency[key or "?"] = AgencyRow(agency or "（未识别机关）")
        row.reports += 1
        if year:
            row.years.add(year)
        row.error += counts.get("error", 0)
        row.warning += counts.get("warning", 0)
        row.notice += counts.get("notice", 0)
        row.dismissed += counts.get("dismissed", 0)

    def _year(self, year: int | None, agency: str, key: str, numbers: Sequence[Number | None],
              outcomes: Sequence[Number | None]) -> None:
        if not year:
            return
        row = self.by_year.get(year)
        if row is None:
            row = self.by_year[year] = YearRow()
        row.reports += 1
        for totals, keys, values in ((row.numbers, NUMBER_KEYS, numbers), (row.outcomes, OUTCOME_GROUPS, outcomes)):
            for k, v in zip(keys, values, strict=True):
                if v is not None:
                    totals[k] += v
        new = numbers[0]  # NUMBER_KEYS[0] == "new"
        if new is not None and agency:
            pair = (key, year)
            self.new_by_agency[pair] = self.new_by_agency.get(pair, 0) + new

    def _rank(self, name: str, agency: str, year: int | None, edition: str, counts: Mapping[str, int], top: bytes) -> None:
        score = (counts.get("error", 0), counts.get("warning", 0), counts.get("notice", 0), -self.seq)
        if len(self.worst) >= WORST and score <= self.worst[0][0]:
            return
        findings, more = marshal.loads(top)
        entry = {"file": name, "agency": agency, "year": year, "edition": edition, "counts": dict(counts),
                 "findings": findings, "more": more}
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


FINDINGS_HEADER = ("file", "agency", "year", "rule", "severity", "location", "message", "fingerprint", "dismissed",
                   "dismissal_reason")
REPORTS_HEADER = ("file", "agency", "year", "edition", *(k for k, _ in KEY_NUMBERS), *OUTCOME_COLUMNS, "errors",
                  "warnings", "notices", "dismissed", "error")
_BLANKS = ("",) * (len(KEY_NUMBERS) + len(OUTCOME_COLUMNS))


def summarize(name: str, record: dict[str, Any], extra: Iterable[dict[str, str]] = (), *, english: bool,
              dismissals: Mapping[str, Dismissal]) -> tuple[Any, ...]:
    """One file's part of the outputs, from its cache record: plain values only (``marshal``).

    Unreadable: ``(reports row, reason)``. Read: ``(findings rows, reports row, agency,
    merge.agency_key of it, year, edition, counts, rules of the active findings, dismissed
    findings, key numbers, outcome mix, top)``: the rows are CSV as ``csv.writer`` writes them,
    encoded in UTF-8; ``counts`` the active findings by severity and ``"dismissed"`` (only those
    that occur); the key numbers and the outcome mix in the order of ``NUMBER_KEYS`` and
    ``OUTCOME_GROUPS``; ``top`` None without active findings, else the first active findings and
    how many more, for the worst reports, marshalled (read only if the report ranks among them)."""
    if record.get("error"):
        reason = record["error_en"] if english else record["error"]
        return (_line((name, "", "", "", *_BLANKS, 0, 0, 0, 0, reason)).encode("utf-8"), reason)
    agency, year = record.get("agency") or "", record.get("year")
    numbers, outcomes = record["numbers"], record["outcomes"]
    summary: tuple[Any, ...] = (b"", b"", agency, agency_key(agency), year, record["edition"], {}, [], [],
               tuple(numbers.get(k) for k in NUMBER_KEYS), tuple(outcomes.get(g) for g in OUTCOME_GROUPS), None)
    return extend_summary(name, summary, [*record["findings"], *extra], english=english, dismissals=dismissals)


def extend_summary(name: str, summary: tuple[Any, ...], findings: Sequence[dict[str, str]], *, english: bool,
                   dismissals: Mapping[str, Dismissal]) -> tuple[Any, ...]:
    """``summary`` with ``findings`` added after those it has, exactly as ``summarize`` would have
    rendered the record with them (for findings across reports, added by the main process)."""
    if len(summary) == 2:  # unreadable: nothing to add to
        return summary
    rows, _, agency, key, year, edition, counts, rules, dismissed, numbers, outcomes, top = summary
    counts, rules, dismissed = dict(counts), list(rules), list(dismissed)
    active, more = marshal.loads(top) if top is not None else ([], 0)
    lines: list[str] = []
    for f in findings:
        dismissal = dismissals.get(f["fingerprint"])
        message = f["message_en"] if english else f["message"]
        lines.append(_line((name, agency, year or "", f["rule"], f["severity"], f["where"], message,
                            f["fingerprint"], "yes" if dismissal else "no", dismissal.reason if dismissal else "")))
        if dismissal is not None:
            counts["dismissed"] = counts.get("dismissed", 0) + 1
            dismissed.append(f)
            continue
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
        rules.append(f["rule"])
        if len(active) < FINDINGS_PER_WORST:
            active.append(f)
        else:
            more += 1
    row = _line((name, agency, year or "", edition, *(_cell(v) for v in numbers), *(_cell(v) for v in outcomes),
                 *(counts.get(s, 0) for s in SEVERITIES), counts.get("dismissed", 0), ""))
    top = marshal.dumps((active, more)) if active else None
    return (rows + "".join(lines).encode("utf-8"), row.encode("utf-8"), agency, key, year, edition, counts, rules,
            dismissed, numbers, outcomes, top)


def _line(values: Sequence[Any]) -> str:
    """One CSV row exactly as ``csv.writer(f, lineterminator="\\n").writerow`` writes it.

    Fields with nothing to quote (no comma, quote or line break: nearly all of them) are joined
    directly, at a fraction of the csv module's cost per character; any other row goes through
    the csv module itself."""
    fields = [v if type(v) is str else "" if v is None else str(v) for v in values]
    line = ",".join(fields)
    if '"' in line or "\n" in line or "\r" in line or line.count(",") != len(fields) - 1 or line == "":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(values)
        return buffer.getvalue()
    return line + "\n"


class Spool:
    """This run's rendered files (``Done.summary``) until they are written, in order.

    A temporary file beside the cache (gone when closed, or when the process is killed) holds
    each batch as it comes back, marshalled; memory keeps only where each batch starts. Batches
    are runs of consecutive files to check, in the order of the targets, so ``reader`` hands
    them back in that order reading each batch once; a file it has not (a cached one, one the
    worker could not render) comes back as None."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 — closed by close()
        self._end = 0
        self.starts: dict[str, tuple[int, int]] = {}

    def add(self, batch: Sequence[Done]) -> None:
        items = [(done.key, done.summary) for done in batch if done.summary is not None]
        if not items:
            return
        blob = marshal.dumps(items)
        self._file.seek(self._end)
        self._file.write(blob)
        self.starts[items[0][0]] = (self._end, len(blob))
        self._end += len(blob)

    def reader(self) -> Callable[[str], bytes | None]:
        pending: deque[tuple[str, bytes]] = deque()

        def rendered(key: str) -> bytes | None:
            nonlocal pending
            span = self.starts.get(key)
            if span is not None:
                self._file.seek(span[0])
                pending = deque(marshal.loads(self._file.read(span[1])))
            if pending and pending[0][0] == key:
                return pending.popleft()[1]
            return None

        return rendered

    def close(self) -> None:
        self._file.close()


def _cell(value: Any) -> Any:
    return "" if value is None else value
