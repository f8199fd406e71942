"""``run_audit``: one run from the folders named to the outputs written.

Find the files; plan which need checking (those the cache cannot vouch for); check them in
worker processes, or in this process for a handful, appending each batch to the cache as it
comes back, with each file's part of the outputs already rendered by the worker (spooled); then
the checks across reports, and the outputs written in order: the rendered parts copied, and
read back from the cache only for files taken from it or given findings across reports.
Ctrl-C or SIGTERM stops the run with ``AuditInterrupted`` and keeps what was checked, so the
next run resumes. The counts of the run come back as an ``AuditResult``.
"""

from __future__ import annotations

import marshal
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import OutputError
from ..output import write_atomic
from .across import Across
from .cache import CACHE_DIR, Cache
from .discover import Target, discover
from .inputs import load_dismissals, load_hierarchy
from .outputs import SEVERITIES, Collector, Spool, extend_summary, summarize
from .page import render_html
from .pool import Workers
from .work import Done, Render, audit_batch, engine_version, gc_tuned_for_checking

BATCH = 50  # files per task sent to a worker, at most
LAST_BATCH = 4  # … and at least, unless fewer are left (each task costs a round trip)

Progress = Callable[[int, int], None]


@dataclass
class AuditResult:
    """Counts of a run; ``audited`` files were checked now, ``cached`` ones taken from the cache."""

    outdir: Path
    files: int = 0
    audited: int = 0
    cached: int = 0
    rehashed: int = 0  # cached files whose sha1 was compared (size and mtime alone ambiguous)
    reports: int = 0
    unreadable: int = 0
    errors: int = 0  # findings not dismissed, by severity
    warnings: int = 0
    notices: int = 0
    dismissed: int = 0
    cross_findings: int = 0  # carry-over and consolidation findings
    stale_dismissals: int = 0
    outputs: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def status(self) -> int:
        """The exit status of ``gongkai check``: 2 unreadable files, 1 error findings, else 0."""
        return 2 if self.unreadable else 1 if self.errors else 0


class AuditInterrupted(Exception):
    """The run was stopped (Ctrl-C, SIGTERM); what was checked is in the cache."""

    def __init__(self, audited: int, cached: int, files: int, outdir: Path) -> None:
        super().__init__(f"interrupted after {audited} files")
        self.audited, self.cached, self.files, self.outdir = audited, cached, files, outdir


def run_audit(
    paths: Sequence[str | Path],
    outdir: str | Path,
    *,
    jobs: int | None = None,
    hierarchy: str | Path | None = None,
    english: bool = False,
    progress: Progress | None = None,
) -> AuditResult:
    """Audit every report under ``paths`` into ``outdir``; see the package docstring."""
    clock = time.perf_counter()
    out = prepare_outdir(Path(outdir))
    tree = load_hierarchy(Path(hierarchy)) if hierarchy is not None else None
    dismissals = load_dismissals(out)
    result = AuditResult(out)
    targets = discover(paths, skip=[out])
    result.files = len(targets)
    store = Cache(out / CACHE_DIR)
    store.load()
    todo = _plan(targets, store, result)
    result.seconds["plan"] = time.perf_counter() - clock
    spool = Spool(out / CACHE_DIR)
    try:
        clock = time.perf_counter()
        render = partial(summarize, english=english, dismissals=dismissals)
        _check_all(todo, store, spool, render, result, jobs or available_cpus(), progress)
        result.seconds["check"] = time.perf_counter() - clock
        clock = time.perf_counter()
        across = Across(targets, store, tree)
        result.seconds["cross"] = time.perf_counter() - clock
        clock = time.perf_counter()
        _write_outputs(targets, store, spool, across, Collector(out, english, dismissals), result)
        result.seconds["outputs"] = time.perf_counter() - clock
        store.compact()
    finally:
        spool.close()
        store.close()
    return result


def _write_outputs(targets: Sequence[Target], store: Cache, spool: Spool, across: Across, collector: Collector,
                   result: AuditResult) -> None:
    """Every file in order: as the worker rendered it (with any findings across reports added
    here), or, for a file taken from the cache, its cache line read back and rendered here."""
    try:
        rendered = spool.reader()
        for target in targets:
            spooled = rendered(target.key)
            if spooled is not None:
                summary, carry_in = marshal.loads(spooled)
                if across.touches(target.key):
                    extra = across.findings_of_rendered(target.key, summary[2], carry_in)
                    summary = extend_summary(target.name, summary, extra, english=collector.english,
                                             dismissals=collector.dismissals)
                collector.take(target.name, summary)
                continue
            record = store.read(target.key)
            collector.add(target.name, record, across.findings(target.key, record))
        paths = collector.commit()
        paths.append(write_atomic(collector.out / "audit.html", render_html(collector).encode("utf-8")))
        result.outputs = paths
    finally:
        collector.discard()
    _count(result, collector)


def _count(result: AuditResult, c: Collector) -> None:
    result.reports = c.counts["reports"]
    result.unreadable = c.counts["unreadable"]
    result.errors, result.warnings, result.notices = (c.counts[s] for s in SEVERITIES)
    result.dismissed = c.counts["dismissed"]
    result.stale_dismissals = c.stale


def available_cpus() -> int:
    """The CPUs this process may run on (fewer than os.cpu_count() in a container or under taskset)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepare_outdir(out: Path) -> Path:
    """Create the output folder; one clear ``OutputError`` if it cannot be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / CACHE_DIR).mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建输出目录 {out}：{exc.strerror or exc}", f"cannot create output folder {out}: {exc}") from exc
    if not os.access(out, os.W_OK | os.X_OK) or not os.access(out / CACHE_DIR, os.W_OK | os.X_OK):
        raise OutputError(f"输出目录不可写：{out}", f"output folder is not writable: {out}")
    return out


def _plan(targets: Sequence[Target], store: Cache, result: AuditResult) -> list[Target]:
    todo: list[Target] = []
    for target in targets:
        try:
            st: os.stat_result | None = os.stat(target.key)
        except OSError:
            st = None
        usable, hashed = store.usable(target.key, st)
        result.rehashed += hashed
        if usable:
            result.cached += 1
        else:
            todo.append(target)
    return todo


def _batches(todo: Sequence[Target], jobs: int) -> Iterator[list[Target]]:
    """Runs of consecutive files, at most ``BATCH``, smaller towards the end: about a quarter of
    what is left per worker, so that the workers run out of work at nearly the same moment
    instead of one finishing a whole batch while the other cores wait."""
    i, n = 0, len(todo)
    while i < n:
        size = min(BATCH, max(LAST_BATCH, -(-(n - i) // (jobs * 4))))
        yield list(todo[i : i + size])
        i += size


def _check_all(todo: Sequence[Target], store: Cache, spool: Spool, render: Render, result: AuditResult, jobs: int,
               progress: Progress | None) -> None:
    total = result.files

    def done(batch: Sequence[Done]) -> None:
        store.append(batch)
        spool.add(batch)
        result.audited += len(batch)
        if progress is not None:
            progress(result.cached + result.audited, total)

    if progress is not None:
        progress(result.cached, total)
    try:
        if jobs <= 1 or len(todo) <= BATCH // 2:
            with gc_tuned_for_checking():
                for batch in _batches(todo, 1):
                    done(audit_batch(batch, render))
        else:
            engine_version()  # computed once here, inherited by the forked workers
            Workers(jobs, done, render).run(_batches(todo, jobs))
    except KeyboardInterrupt:
        raise AuditInterrupted(result.audited, result.cached, total, result.outdir) from None
