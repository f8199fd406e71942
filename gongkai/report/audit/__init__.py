"""Audit a whole folder of annual reports: check every file, in parallel, resumably.

::

    from gongkai.report.audit import run_audit
    result = run_audit(["年报/"], "审计结果/", jobs=4)
    print(result.files, result.audited, result.cached, result.errors)

Steps (``run``): find the files (``discover``); check those not already in the cache
(``cache``), in worker processes (``pool``), a batch at a time (``work``), appending one JSON
line per file to ``OUTDIR/.audit-cache/results.jsonl``; then the checks across reports
(``across``: carry-over between consecutive years of one agency, consolidated reports against
their sub-agencies); then the outputs ``findings.csv`` and ``reports.csv`` (``outputs``) and
``audit.html`` (``page``, drawn with ``markup``), written a file at a time in order — each
file's rows as its worker rendered them, or read back from the cache for a file taken from it —
so that memory stays flat however many files there are. The hierarchy file and reviewers'
dismissals in ``OUTDIR/dismissed.csv`` are read by ``inputs``. docs/audit.md describes every file.
"""

from __future__ import annotations

from .cache import CACHE_DIR, CACHE_FILE, Cache
from .discover import discover
from .inputs import load_dismissals, parse_dismissals, parse_hierarchy
from .run import AuditInterrupted, AuditResult, run_audit
from .work import _read_report as _read_report  # looked up here by audit_file: a test replaces it

__all__ = [
    "CACHE_DIR",
    "CACHE_FILE",
    "AuditInterrupted",
    "AuditResult",
    "Cache",
    "discover",
    "load_dismissals",
    "parse_dismissals",
    "parse_hierarchy",
    "run_audit",
]
