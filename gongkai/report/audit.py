"""Audit a whole folder of annual reports: check every file, in parallel, resumably.

::

    from gongkai.report.audit import run_audit
    result = run_audit(["年报/"], "审计结果/", jobs=4)
    print(result.files, result.audited, result.cached, result.errors)

Steps: find the files (``discover``); check those not already in the cache, in worker
processes, a batch at a time (``audit_batch``), appending one JSON line per file to
``OUTDIR/.audit-cache/results.jsonl``; then the checks across reports (carry-over between
consecutive years of one agency, consolidated reports against their sub-agencies); then the
outputs ``findings.csv``, ``reports.csv`` and ``audit.html`` (``Collector``), read back from the
cache one line at a time so that memory stays flat however many files there are. Reviewers'
dismissals come from ``OUTDIR/dismissed.csv``. docs/audit.md describes every file.
"""

from __future__ import annotations

import csv
import hashlib
import heapq
import io
import json
import os
import signal
import struct
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from .check import check
from .editions import EDITIONS
from .errors import MergeError, OutputError, ReportError, UnreadableFile
from .findings import Finding, Location, Severity
from .merge import agency_key, merge_reports, shorter_forms
from .model import BLANK, Cell, Number, Report
from .output import write_atomic
from .rules import RULES

SUPPORTED = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".xlsx", ".pdf", ".json"})
BATCH = 50  # files per task sent to a worker
CACHE_DIR = ".audit-cache"
CACHE_FILE = "results.jsonl"
DISMISSED_FILE = "dismissed.csv"
DISMISSED_HEADER = ("fingerprint", "reason", "reviewer", "date")
CACHE_FORMAT = "1"
# A file modified this close to (or after) the moment it was audited may have changed again
# within the same timestamp tick: its size and mtime alone do not prove it unchanged.
RACY_NS = 2_000_000_000
WORST = 50  # reports listed in full in audit.html
FINDINGS_PER_WORST = 40

OUTCOME_GROUPS = ("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理")
_GROUP_BY_PREFIX = dict(zip(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）"), OUTCOME_GROUPS, strict=True))
KEY_NUMBERS = (
    ("new", "新收总计"),
    ("carried_in", "上年结转总计"),
    ("handled", "办理结果（七）总计"),
    ("carried_out", "结转下年度总计"),
    ("reconsideration", "行政复议总计"),
    ("litigation", "行政诉讼总计"),
)
OUTCOME_COLUMNS = ("disclosed", "partly_disclosed", "withheld", "unavailable", "not_processed", "other")


@dataclass(frozen=True, slots=True)
class AuditRule:
    """A check across reports: not in the rule catalogue, which checks one report at a time."""

    id: str
    severity: Severity
    title: str
    doc: str


AUDIT_RULES = {
    "consolidation-mismatch": AuditRule(
        "consolidation-mismatch", Severity.ERROR, "汇总报告与下级机关报告之和不一致",
        "按 --hierarchy 文件，上级机关的汇总报告（表三、表四）应等于其下级机关报告的逐格之和。"
        "下级机关报告不全时，只报告连已有下级之和都已超过汇总数的单元格。",
    ),
    "consolidation-incomplete": AuditRule(
        "consolidation-incomplete", Severity.WARNING, "汇总报告的下级机关报告不全",
        "按 --hierarchy 文件，上级机关的汇总报告有对应年度，但缺少部分下级机关的报告，汇总核对只能部分进行。",
    ),
}


# -- discovery ---------------------------------------------------------------------------


class Target(NamedTuple):
    name: str  # as shown in the outputs: the path as found under what the user named
    key: str  # absolute path: the cache key


def discover(paths: Iterable[str | Path], skip: Iterable[str | Path] = ()) -> list[Target]:
    """Every supported file under ``paths``, in a deterministic order.

    Folders are walked recursively, files sorted by path (folder by folder); hidden entries (``.name``),
    Office lock files (``~$name``) and the folders in ``skip`` are left out; a symlinked
    folder is followed once (never into a loop). A file named directly is always included,
    whatever its extension; a missing path is included too and reported unreadable.
    """
    skipped = {os.path.realpath(p) for p in skip}
    seen_dirs: set[tuple[int, int]] = set()
    seen: set[str] = set()
    out: list[Target] = []

    def add(name: str) -> None:
        key = sys.intern(os.path.abspath(name))  # one string shared with the cache index
        name = key if name == key else name
        if key not in seen:
            seen.add(key)
            out.append(Target(name, key))

    for given in paths:
        given = str(given)
        if os.path.isdir(given):
            for name in sorted(_walk(given, skipped, seen_dirs), key=lambda n: n.split(os.sep)):
                add(name)
        else:
            add(given)
    return out


def _walk(top: str, skipped: set[str], seen_dirs: set[tuple[int, int]]) -> Iterator[str]:
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen_dirs or os.path.realpath(folder) in skipped:
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subfolders: list[str] = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                subfolders.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in SUPPORTED:
                yield entry.path
        stack.extend(reversed(subfolders))


# -- one file ----------------------------------------------------------------------------


# What a cached result depends on: reading, the rules, and this module's record format.
_ENGINE_PARTS = frozenset({"__init__.py", "audit.py", "check.py", "editions", "errors.py", "findings.py",
                           "model.py", "readers", "rules", "serialize.py", "textnorm.py"})


@cache
def engine_version() -> str:
    """Changes whenever the engine's code does, so that old cached results are not reused."""
    digest = hashlib.sha1(CACHE_FORMAT.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(p for p in root.rglob("*.py") if p.relative_to(root).parts[0] in _ENGINE_PARTS):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Carry(NamedTuple):
    """What the checks across reports need of a report, kept in memory for every file."""

    agency: str  # merge.agency_key of the agency's name
    year: int
    edition: str
    carry_out: tuple[Number | None, ...] | None  # 四、结转下年度继续办理, for next year's carry-over


class Done(NamedTuple):
    """A checked file as a worker returns it: the cache line, already serialised."""

    key: str
    line: str
    size: int
    mtime_ns: int
    audited_ns: int
    carry: Carry | None


def audit_file(target: Target) -> Done:
    """Read and check one file: its cache line (JSON) and what the index keeps. Never raises."""
    record: dict[str, Any] = {"key": target.key, "engine": engine_version(), "size": -1, "mtime_ns": -1, "sha1": ""}
    try:
        st = _stat(target.key)
        record["size"], record["mtime_ns"] = st.st_size, st.st_mtime_ns
        record["audited_ns"] = time.time_ns()
        data = _read(target.key)
        record["sha1"] = hashlib.sha1(data).hexdigest()
        report = _read_report(data, os.path.basename(target.key))
        findings = check(report)
    except Exception as exc:  # noqa: BLE001 — one bad file must never stop the batch
        error = exc if isinstance(exc, ReportError) else ReportError(
            f"读取时发生内部错误（{type(exc).__name__}），请将此文件报告给开发者",
            f"internal error ({type(exc).__name__}); please report this file",
        )
        record.setdefault("audited_ns", time.time_ns())
        record.update(error=error.message, error_en=error.message_en)
    else:
        record.update(report_record(report, findings))
    return Done(target.key, _line(record), record["size"], record["mtime_ns"], record["audited_ns"], carry_of(record))


def audit_batch(targets: Sequence[Target]) -> list[Done]:
    return [audit_file(t) for t in targets]


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise _os_error(exc) from exc


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as exc:
        raise _os_error(exc) from exc


def _os_error(exc: OSError) -> UnreadableFile:
    """The same one-line reasons as ``read_path``."""
    if isinstance(exc, FileNotFoundError):
        return UnreadableFile("文件不存在", "no such file")
    if isinstance(exc, IsADirectoryError):
        return UnreadableFile("这是一个目录，不是文件", "a directory, not a file")
    if isinstance(exc, PermissionError):
        return UnreadableFile("没有读取权限", "permission denied")
    return UnreadableFile(f"无法读取：{exc.strerror or exc}", f"cannot read: {exc}")


def _read_report(data: bytes, name: str) -> Report:
    from . import read_bytes

    return read_bytes(data, name)


def report_record(report: Report, findings: Sequence[Finding]) -> dict[str, Any]:
    """The report's part of a cache line: names, key numbers, outcome mix, tables, findings."""
    return {
        "error": None,
        "agency": report.agency,
        "year": report.year,
        "edition": report.edition,
        "title": report.title,
        "numbers": key_numbers(report),
        "outcomes": outcome_mix(report),
        "t3": report.table3_values(),
        "t4": report.table4_values(),
        "findings": [finding_dict(f) for f in findings],
    }


def finding_dict(f: Finding) -> dict[str, str]:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "message_en": f.message_en,
        "where": f.location.describe(),
        "fingerprint": f.fingerprint,
    }


def key_numbers(report: Report) -> dict[str, Number | None]:
    spec = report.spec
    total = len(spec.table3_columns) - 1
    return {
        "new": report.t3(0, total),
        "carried_in": report.t3(1, total),
        "handled": report.t3(spec.total_row, total),
        "carried_out": report.t3(spec.carry_out_row, total),
        "reconsideration": report.t4(4),
        "litigation": _add(report.t4(9), report.t4(14)),
    }


@cache
def _outcome_groups(edition: str) -> tuple[tuple[int, str], ...]:
    spec = EDITIONS[edition]
    return tuple((i, _GROUP_BY_PREFIX[spec.table3[i].level2[:3]]) for i in spec.outcome_rows)


def outcome_mix(report: Report) -> dict[str, Number | None]:
    """The outcome rows' 总计 column summed by group (予以公开 … 其他处理); None when all blank."""
    mix: dict[str, Number | None] = dict.fromkeys(OUTCOME_GROUPS)
    if report.table3 is None:
        return mix
    total = len(report.spec.table3_columns) - 1
    for row, group in _outcome_groups(report.edition):
        value = report.table3[row][total].value
        if value is not None:
            mix[group] = (mix[group] or 0) + value
    return mix


def _add(a: Number | None, b: Number | None) -> Number | None:
    return None if a is None or b is None else a + b


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def carry_of(record: dict[str, Any]) -> Carry | None:
    """The ``Carry`` of a cache line: None for an unreadable file or one without agency or year."""
    if record.get("error") or not record.get("agency") or not record.get("year"):
        return None
    t3, edition = record.get("t3"), record["edition"]
    out = None if t3 is None else tuple(t3[EDITIONS[edition].carry_out_row])
    return Carry(agency_key(record["agency"]), record["year"], edition, out)


# -- the cache ---------------------------------------------------------------------------


_STAMP = struct.Struct("<qqqq")  # offset of the line, size, mtime_ns, audited_ns


class Cache:
    """``OUTDIR/.audit-cache/results.jsonl``: one JSON line per audited file, append only.

    In memory, per file: where its latest line is and the stat it was audited with (packed in
    32 bytes), and its ``Carry``; the rest stays on disk and is read back a line at a time.
    Lines of another engine version, and a line cut short by a kill, are ignored.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / CACHE_FILE
        self.index: dict[str, bytes] = {}
        self.carry: dict[str, Carry] = {}
        self.lines = 0
        self._out: io.BufferedWriter | None = None
        self._reader: io.BufferedReader | None = None

    def load(self) -> None:
        engine = engine_version()
        if not self.path.exists():
            return
        with open(self.path, "rb") as f:
            offset = 0
            for raw in f:
                self.lines += 1
                try:
                    record = json.loads(raw)
                    if record.get("engine") == engine and raw.endswith(b"\n"):
                        self._remember(record["key"], offset, record["size"], record["mtime_ns"],
                                       record["audited_ns"], carry_of(record))
                except (ValueError, KeyError, TypeError, IndexError):
                    pass
                offset += len(raw)

    def _remember(self, key: str, offset: int, size: int, mtime_ns: int, audited_ns: int, carry: Carry | None) -> None:
        # Interned: a file's key, an agency's name and an edition are held once however often they occur.
        key = sys.intern(key)
        self.index[key] = _STAMP.pack(offset, size, mtime_ns, audited_ns)
        if carry is None:
            self.carry.pop(key, None)
        else:
            self.carry[key] = carry._replace(agency=sys.intern(carry.agency), edition=sys.intern(carry.edition))

    def usable(self, key: str, st: os.stat_result | None) -> tuple[bool, bool]:
        """Whether the cached result of ``key`` still holds, and whether it took a sha1 to tell."""
        found = self.index.get(key)
        if found is None or st is None:
            return False, False
        _, size, mtime_ns, audited_ns = _STAMP.unpack(found)
        if size != st.st_size or mtime_ns != st.st_mtime_ns:
            return False, False
        if mtime_ns < audited_ns - RACY_NS:
            return True, False
        try:
            data = _read(key)
        except UnreadableFile:
            return False, True
        return hashlib.sha1(data).hexdigest() == self.read(key).get("sha1"), True

    def append(self, batch: Sequence[Done]) -> None:
        """Append a batch's lines and flush them, so a kill loses at most the batch in flight."""
        if self._out is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._out = open(self.path, "ab")  # noqa: SIM115 — kept open across batches
            if self._out.tell() and not _ends_with_newline(self.path):
                self._out.write(b"\n")
                self.lines += 1
        for done in batch:
            offset = self._out.tell()
            self._out.write(done.line.encode("utf-8"))
            self._remember(done.key, offset, done.size, done.mtime_ns, done.audited_ns, done.carry)
            self.lines += 1
        self._out.flush()

    def read(self, key: str) -> dict[str, Any]:
        if self._out is not None:
            self._out.flush()
        if self._reader is None:
            self._reader = open(self.path, "rb")  # noqa: SIM115 — kept open across reads
        self._reader.seek(_STAMP.unpack(self.index[key])[0])
        record: dict[str, Any] = json.loads(self._reader.readline())
        return record

    def close(self) -> None:
        for f in (self._out, self._reader):
            if f is not None:
                f.close()
        self._out = self._reader = None

    def compact(self) -> bool:
        """Rewrite the file with only the latest line per file, when it has grown much longer."""
        if self.lines <= len(self.index) * 3 // 2 + 100:
            return False
        self.close()
        tmp = self.path.with_suffix(".compact")
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            for key, packed in sorted(self.index.items(), key=lambda kv: _STAMP.unpack(kv[1])[0]):
                offset, size, mtime_ns, audited_ns = _STAMP.unpack(packed)
                src.seek(offset)
                self.index[key] = _STAMP.pack(dst.tell(), size, mtime_ns, audited_ns)
                dst.write(src.readline())
        os.replace(tmp, self.path)
        self.lines = len(self.index)
        return True


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


# -- running -----------------------------------------------------------------------------


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
    """Audit every report under ``paths`` into ``outdir``; see the module docstring."""
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
    try:
        clock = time.perf_counter()
        _check_all(todo, store, result, jobs or available_cpus(), progress)
        result.seconds["check"] = time.perf_counter() - clock
        clock = time.perf_counter()
        across = Across(targets, store, tree)
        result.seconds["cross"] = time.perf_counter() - clock
        clock = time.perf_counter()
        _write_outputs(targets, store, across, Collector(out, english, dismissals), result)
        result.seconds["outputs"] = time.perf_counter() - clock
        store.compact()
    finally:
        store.close()
    return result


def _write_outputs(targets: Sequence[Target], store: Cache, across: Across, collector: Collector, result: AuditResult) -> None:
    """Every file's cache line read back in order, with the findings across reports added."""
    try:
        for target in targets:
            record = store.read(target.key)
            collector.add(target.name, record, across.findings(target.key, record))
        result.outputs = collector.commit()
    finally:
        collector.discard()
    collector.fill(result)


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
    size = max(1, min(BATCH, -(-len(todo) // (jobs * 4))))
    for i in range(0, len(todo), size):
        yield list(todo[i : i + size])


def _check_all(todo: Sequence[Target], store: Cache, result: AuditResult, jobs: int, progress: Progress | None) -> None:
    total = result.files

    def done(batch: Sequence[Done]) -> None:
        store.append(batch)
        result.audited += len(batch)
        if progress is not None:
            progress(result.cached + result.audited, total)

    if progress is not None:
        progress(result.cached, total)
    try:
        if jobs <= 1 or len(todo) <= BATCH // 2:
            for batch in _batches(todo, 1):
                done(audit_batch(batch))
        else:
            engine_version()  # computed once here, inherited by the forked workers
            _Workers(jobs, done).run(_batches(todo, jobs))
    except KeyboardInterrupt:
        raise AuditInterrupted(result.audited, result.cached, total, result.outdir) from None


class _Workers:
    """The worker pool, with at most two batches per worker in flight.

    A file that kills its worker (a crash in a native library) breaks the whole pool: the pool
    is then replaced, and the files of every batch that did not come back are checked again
    one at a time and alone, so that the culprit is found and recorded as unreadable while
    the others are checked normally."""

    def __init__(self, jobs: int, done: Callable[[Sequence[Done]], None]) -> None:
        self.jobs, self.done = jobs, done
        self.pool = self._new_pool()
        self.inflight: dict[Future[list[Done]], list[Target]] = {}
        self.suspects: deque[Target] = deque()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, initializer=_worker_init, initargs=(os.getpid(),))

    def run(self, batches: Iterator[list[Target]]) -> None:
        try:
            while self._fill(batches):
                finished, _ = wait(self.inflight, return_when=FIRST_COMPLETED)
                for future in finished:
                    if future in self.inflight:  # not already given up with a broken pool
                        self._collect(future)
        except BaseException:
            # Keep what is already finished, then stop the workers without waiting for the rest.
            for future in list(self.inflight):
                if future.done() and not future.cancelled() and future.exception() is None:
                    self.done(future.result())
            _stop_workers(self.pool)
            raise
        self.pool.shutdown(wait=True)

    def _fill(self, batches: Iterator[list[Target]]) -> bool:
        """Submit work; suspects one at a time, alone. False when nothing is left."""
        while self.suspects and not self.inflight:
            self._submit([self.suspects.popleft()])
        while not self.suspects and len(self.inflight) < 2 * self.jobs:
            batch = next(batches, None)
            if batch is None:
                break
            self._submit(batch)
        return bool(self.inflight)

    def _submit(self, batch: list[Target]) -> None:
        self.inflight[self.pool.submit(audit_batch, batch)] = batch

    def _collect(self, future: Future[list[Done]]) -> None:
        batch = self.inflight.pop(future)
        try:
            self.done(future.result())
            return
        except BrokenProcessPool:
            pass
        if len(batch) == 1 and not self.inflight:  # checked alone: this file killed the worker
            self.done([crashed(batch[0])])
        else:
            self.suspects.extend(batch)
        for other, others in list(self.inflight.items()):  # the pool is gone: they failed too
            if other.done() and other.exception() is None:
                self.done(other.result())
            else:
                self.suspects.extend(others)
        self.inflight.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()


def crashed(target: Target) -> Done:
    """The cache line of a file whose checking killed the worker process."""
    record: dict[str, Any] = {"key": target.key, "engine": engine_version(), "size": -1, "mtime_ns": -1, "sha1": "",
                              "audited_ns": time.time_ns(),
                              "error": "检查此文件时进程异常退出（文件可能已损坏），请将此文件报告给开发者",
                              "error_en": "the checking process died on this file (corrupt?); please report this file"}
    try:
        st = os.stat(target.key)
        record["size"], record["mtime_ns"] = st.st_size, st.st_mtime_ns
        record["sha1"] = hashlib.sha1(_read(target.key)).hexdigest()
    except (OSError, UnreadableFile):
        pass
    return Done(target.key, _line(record), record["size"], record["mtime_ns"], record["audited_ns"], None)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=2)


def _worker_init(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, and exit when the parent is gone (killed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


# -- checks across reports ---------------------------------------------------------------


class Across:
    """The checks across reports, from what the cache keeps in memory for every file.

    Carry-over is checked while the outputs are written (nothing to hold in between);
    consolidation, bounded by the hierarchy file, is computed beforehand.
    """

    def __init__(self, targets: Sequence[Target], store: Cache, tree: dict[str, list[str]] | None) -> None:
        present = [(t.key, store.carry[t.key]) for t in targets if t.key in store.carry]
        self.first: dict[tuple[str, int], Carry] = {}
        for _, carry in present:
            self.first.setdefault((carry.agency, carry.year), carry)
        self.consolidation: dict[str, list[dict[str, str]]] = {}
        if tree:
            for key, finding in consolidation_findings(present, tree, store):
                self.consolidation.setdefault(key, []).append(finding_dict(finding))

    def findings(self, key: str, record: dict[str, Any]) -> list[dict[str, str]]:
        found = [finding_dict(f) for f in carryover_findings(record, self.first)]
        return found + self.consolidation.get(key, [])


def carryover_findings(record: dict[str, Any], first: dict[tuple[str, int], Carry]) -> list[Finding]:
    """A report against the first report of the same agency for the year before.

    The comparison is the catalogue's ``carryover-mismatch`` rule itself, run on two reports
    holding only the rows it reads."""
    carry = carry_of(record)
    if carry is None or record.get("t3") is None:
        return []
    prev = first.get((carry.agency, carry.year - 1))
    if prev is None or prev.carry_out is None:
        return []
    this = _rows_report(record["agency"], carry.year, carry.edition, 1, record["t3"][1])
    last = _rows_report("", prev.year, prev.edition, EDITIONS[prev.edition].carry_out_row, prev.carry_out)
    return check(this, last, select={"carryover-mismatch"})


def _rows_report(agency: str, year: int, edition: str, row: int, values: Sequence[Number | None]) -> Report:
    spec = EDITIONS[edition]
    rows = [(BLANK,) * len(spec.table3_columns)] * len(spec.table3)
    rows[row] = tuple(Cell(v) for v in values)
    return Report(agency=agency, year=year, edition=edition, table3=tuple(rows))


class AgencyIndex:
    """Reports by agency name compared loosely (``merge.agency_key``, higher places optional)."""

    def __init__(self, present: Iterable[tuple[str, Carry]]) -> None:
        self.by_form: dict[str, list[tuple[str, Carry]]] = {}
        for entry in present:
            for form in (entry[1].agency, *shorter_forms(entry[1].agency)):
                self.by_form.setdefault(form, []).append(entry)

    def find(self, name: str, year: int) -> tuple[str, Carry] | None:
        key = agency_key(name)
        for form in (key, *shorter_forms(key)):
            for entry in self.by_form.get(form, ()):
                if entry[1].year == year:
                    return entry
        return None


def consolidation_findings(present: Sequence[tuple[str, Carry]], tree: dict[str, list[str]], store: Cache) -> Iterator[tuple[str, Finding]]:
    """Each parent's report of a year against the sum of its sub-agencies' reports of that year."""
    index = AgencyIndex(present)
    for parent_name, children in tree.items():
        key = agency_key(parent_name)
        parents = [(k, c) for k, c in present if c.agency == key or key in shorter_forms(c.agency)]
        for parent, carry in parents:
            found = [(name, index.find(name, carry.year)) for name in children]
            parts = [entry[0] for _, entry in found if entry is not None and entry[0] != parent]
            missing = [name for name, entry in found if entry is None]
            record = store.read(parent)
            for finding in compare_consolidated(record, parts, missing, store):
                yield parent, finding.with_fingerprint(f"{record['agency']}|{record['year']}")


def compare_consolidated(parent: dict[str, Any], present: Sequence[str], missing: Sequence[str], store: Cache) -> Iterator[Finding]:
    incomplete = AUDIT_RULES["consolidation-incomplete"]
    year = parent["year"]
    if missing:
        names = "、".join(missing)
        yield Finding(incomplete.id, incomplete.severity,
                      f"缺少 {len(missing)} 个下级机关 {year} 年的报告：{names}；汇总核对只能部分进行",
                      f"{len(missing)} sub-agency report(s) of {year} missing: {names}",
                      Location(section="三"))
    if not present:
        return
    try:
        parts = [record_report(store.read(key)) for key in present]
        total = parts[0] if len(parts) == 1 else merge_reports(parts)
    except MergeError as exc:
        yield Finding(incomplete.id, incomplete.severity, f"无法汇总下级机关的报告：{exc.message}",
                      f"cannot sum the sub-agencies' reports: {exc.message_en}", Location(section="三"))
        return
    mine = record_report(parent)
    if mine.edition != total.edition:
        yield Finding(incomplete.id, incomplete.severity,
                      f"汇总报告为 {mine.edition} 版格式，下级机关报告为 {total.edition} 版，无法逐格核对",
                      f"the consolidated report is edition {mine.edition}, the sub-agencies' {total.edition}",
                      Location(section="三"))
        return
    yield from _cell_differences(mine, total, bool(missing), len(present))


def _cell_differences(mine: Report, total: Report, partial: bool, parts: int) -> Iterator[Finding]:
    rule = AUDIT_RULES["consolidation-mismatch"]
    spec = mine.spec
    cells: list[tuple[Location, Number | None, Number | None]] = []
    if mine.table3 is not None and total.table3 is not None:
        for i, row in enumerate(spec.table3):
            for c, column in enumerate(spec.table3_columns):
                cells.append((Location(table="三", row=row.label, column=column), mine.t3(i, c), total.t3(i, c)))
    if mine.table4 is not None and total.table4 is not None:
        for c, column in enumerate(spec.table4_columns):
            cells.append((Location(table="四", column=column), mine.t4(c), total.t4(c)))
    for where, have, want in cells:
        if have is None or want is None or have == want or (partial and have > want):
            continue
        scope = f"已有的 {parts} 个下级机关报告之和" if partial else f"{parts} 个下级机关报告之和"
        yield Finding(rule.id, rule.severity,
                      f"汇总报告为 {_fmt(have)}，{scope}为 {_fmt(want)}",
                      f"consolidated report {_fmt(have)}, sum of {parts} sub-agency report(s) {_fmt(want)}",
                      where)


def record_report(record: dict[str, Any]) -> Report:
    """A Report holding only the tables of a cache line (for sums and comparisons)."""
    t3, t4 = record.get("t3"), record.get("t4")
    return Report(
        agency=record.get("agency") or "", year=record.get("year"), edition=record["edition"],
        table3=None if t3 is None else tuple(tuple(Cell(v) for v in row) for row in t3),
        table4=None if t4 is None else tuple(Cell(v) for v in t4),
        source=record["key"],
    )


def _fmt(value: Number | None) -> str:
    if value is None:
        return "空"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- the hierarchy file ------------------------------------------------------------------


_CHILD_SEPARATORS = str.maketrans({c: "," for c in "，、;；\t"})


def parse_hierarchy(text: str) -> dict[str, list[str]]:
    """``上级机关: 下级1, 下级2`` per line (see docs/audit.md); an indented line continues the list."""
    tree: dict[str, list[str]] = {}
    parent: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace() and parent is not None:
            head, rest = parent, line
        else:
            head, sep, rest = line.replace("：", ":").partition(":")
            if not sep or not head.strip():
                raise UnreadableFile(f"机关层级文件第{number}行缺少“上级机关:”", f"hierarchy file line {number}: no 'parent:'")
            head = head.strip()
        parent = head
        children = tree.setdefault(head, [])
        for name in rest.translate(_CHILD_SEPARATORS).split(","):
            if name.strip() and name.strip() not in children:
                children.append(name.strip())
    return tree


def load_hierarchy(path: Path) -> dict[str, list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"无法读取机关层级文件 {path}：{exc.strerror or exc}", f"cannot read hierarchy file {path}: {exc}") from exc
    return parse_hierarchy(_decode(data))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


# -- dismissals --------------------------------------------------------------------------


class Dismissal(NamedTuple):
    fingerprint: str
    reason: str
    reviewer: str
    date: str


_HEADER_ALIASES = {"指纹": "fingerprint", "理由": "reason", "原因": "reason", "审核人": "reviewer", "日期": "date"}


def load_dismissals(out: Path) -> dict[str, Dismissal]:
    """``OUTDIR/dismissed.csv`` (created with its header if absent): fingerprint → dismissal."""
    path = out / DISMISSED_FILE
    if not path.exists():
        write_atomic(path, (",".join(DISMISSED_HEADER) + "\n").encode("utf-8"))
        return {}
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise UnreadableFile(f"无法读取 {path}：{exc.strerror or exc}", f"cannot read {path}: {exc}") from exc
    return parse_dismissals(text)


def parse_dismissals(text: str) -> dict[str, Dismissal]:
    rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if r and any(c.strip() for c in r)]
    if not rows:
        return {}
    head = [_HEADER_ALIASES.get(c.strip(), c.strip().lower()) for c in rows[0]]
    if "fingerprint" in head:
        rows = rows[1:]
    else:
        head = list(DISMISSED_HEADER)
    out: dict[str, Dismissal] = {}
    for row in rows:
        values = dict(zip(head, (c.strip() for c in row), strict=False))
        fp = values.get("fingerprint", "")
        if fp and not fp.startswith("#"):
            out[fp] = Dismissal(fp, values.get("reason", ""), values.get("reviewer", ""), values.get("date", ""))
    return out


# -- outputs -----------------------------------------------------------------------------


_SEVERITIES = ("error", "warning", "notice")
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "notice": "提示"}


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


class AtomicStream:
    """``output.write_atomic`` for an output written a row at a time: rows go to a temporary
    file beside ``path`` (never all held in memory), renamed into place by ``commit``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        except OSError as exc:
            raise OutputError(f"无法写入输出目录 {path.parent}：{exc.strerror or exc}", f"cannot write to {path.parent}: {exc}") from exc
        self.tmp = Path(tmp)
        self.file: io.TextIOWrapper | None = open(fd, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115

    def commit(self) -> Path:
        assert self.file is not None
        try:
            self.file.close()
            self.file = None
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(self.tmp, 0o666 & ~mask)  # as write_atomic: mkstemp makes 0600
            os.replace(self.tmp, self.path)
        except OSError as exc:
            raise OutputError(f"无法写入 {self.path}：{exc.strerror or exc}", f"cannot write {self.path}: {exc}") from exc
        return self.path

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
            self.tmp.unlink(missing_ok=True)


class Collector:
    """Takes the reports one at a time (never holding them all) and writes the three outputs."""

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
                                   *(counts[s] for s in _SEVERITIES), counts["dismissed"], ""))
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
        row.numbers.update({k: v for k, v in numbers.items() if v is not None})
        row.outcomes.update({k: v for k, v in outcomes.items() if v is not None})
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

    def fill(self, result: AuditResult) -> None:
        result.reports = self.counts["reports"]
        result.unreadable = self.counts["unreadable"]
        result.errors, result.warnings, result.notices = (self.counts[s] for s in _SEVERITIES)
        result.dismissed = self.counts["dismissed"]
        result.stale_dismissals = len(set(self.dismissals) - self.used)

    def commit(self) -> list[Path]:
        """Rename the CSV files into place and write audit.html."""
        paths = [stream.commit() for stream in self._streams]
        paths.append(write_atomic(self.out / "audit.html", render_html(self).encode("utf-8")))
        return paths

    def discard(self) -> None:
        """Remove the temporary files of outputs not committed (after an error)."""
        for stream in self._streams:
            stream.discard()


def _cell(value: Any) -> Any:
    return "" if value is None else value


# -- audit.html --------------------------------------------------------------------------


_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:0 auto;max-width:72rem;padding:1rem 1.5rem 4rem;color:#1a1a1a;line-height:1.6;background:#fff}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #264653;padding-bottom:.2rem}
h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.75rem 0 1.25rem;font-size:.92rem;width:100%}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #b8c4cc;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e8eef2}tbody th{white-space:nowrap}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#a4161a;font-weight:bold}.warning{color:#8a5a00;font-weight:bold}.notice{color:#1d5f8a}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}
.cards li{border:1px solid #b8c4cc;border-radius:6px;padding:.5rem .9rem;min-width:8rem}
.cards b{display:block;font-size:1.5rem}
nav ul{columns:2;padding-left:1.2rem}figure{margin:1rem 0}figcaption{font-size:.9rem;color:#444}
svg{max-width:100%;height:auto;font-family:inherit}details{margin:.4rem 0}summary{cursor:pointer}
pre.doc{white-space:pre-wrap;background:#f5f7f8;padding:.6rem;font-size:.85rem}
code{font-family:monospace;font-size:.9em}.muted{color:#555}
@media print{details{display:block}body{max-width:none}}
"""
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")


def render_html(c: Collector) -> str:
    """The whole page: inline CSS and SVG, no script, no external resource."""
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        "<title>政府信息公开工作年度报告 批量检查结果</title>\n<style>",
        _CSS,
        "</style>\n</head>\n<body>\n<header><h1>政府信息公开工作年度报告 批量检查结果</h1>",
        f'<p class="muted">生成时间：{escape(time.strftime("%Y-%m-%d %H:%M:%S"))}；完整的问题清单见同目录下的 '
        "<code>findings.csv</code>，每份报告一行的数字见 <code>reports.csv</code>。</p></header>\n",
        _nav(c),
        "<main>\n",
        _summary(c),
        _by_rule(c),
        _by_agency(c),
        _worst(c),
        _charts(c),
        _dismissed(c),
        _unreadable(c),
        "</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _nav(c: Collector) -> str:
    items = [("summary", "概况"), ("rules", "按规则统计"), ("agencies", "按机关统计"), ("worst", "问题最多的报告"),
             ("charts", "图表")]
    items += [("dismissed", "已驳回的问题"), ("unreadable", "无法读取的文件")]
    links = "".join(f'<li><a href="#{i}">{t}</a></li>' for i, t in items)
    return f'<nav aria-label="目录"><ul>{links}</ul></nav>\n'


def _table(caption: str, head: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = (),
           row_header: bool = True) -> str:
    """A table with a caption, column headers (scope=col) and the first cell a row header."""
    out = [f"<table><caption>{escape(caption)}</caption><thead><tr>"]
    out += [f'<th scope="col"{_NUM if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for i, value in enumerate(row):
            text = value if isinstance(value, _Html) else escape(_show(value))
            cls = _NUM if i in numeric else ""
            out.append(f'<th scope="row"{cls}>{text}</th>' if i == 0 and row_header else f"<td{cls}>{text}</td>")
        out.append("</tr>")
    out.append("</tbody></table>\n")
    return "".join(out)


_NUM = ' class="n"'
_OPEN = ' open="open"'


class _Html(str):
    """Markup already escaped."""


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _sev(severity: str) -> _Html:
    return _Html(f'<span class="{escape(severity)}">{_SEVERITY_ZH.get(severity, escape(severity))}</span>')


def _summary(c: Collector) -> str:
    n = c.counts
    cards = [("文件", c.seq), ("已读出的报告", n["reports"]), ("无法读取", n["unreadable"]), ("错误", n["error"]),
             ("警告", n["warning"]), ("提示", n["notice"]), ("已驳回", n["dismissed"])]
    items = "".join(f"<li><b>{v:,}</b>{escape(k)}</li>" for k, v in cards)
    years = sorted(c.by_year)
    span = f"{years[0]}—{years[-1]} 年" if len(years) > 1 else f"{years[0]} 年" if years else "无"
    stale = len(set(c.dismissals) - c.used)
    note = f"<p>dismissed.csv 中有 {stale} 条驳回记录未匹配到本次的任何问题（报告已修改或已删除）。</p>" if stale else ""
    return (f'<section id="summary"><h2>概况</h2><ul class="cards">{items}</ul>'
            f"<p>报告年度：{escape(span)}；机关：{len(c.by_agency):,} 个。问题计数不含已驳回的问题。</p>{note}</section>\n")


def _rule_info(rule: str) -> tuple[str, str, str]:
    """Title, severity and page text of a catalogue rule or an audit rule."""
    if rule in RULES:
        entry = RULES[rule]
        return entry.title, entry.severity.value, entry.doc
    if rule in AUDIT_RULES:
        a = AUDIT_RULES[rule]
        return a.title, a.severity.value, a.doc + "\n\n（跨报告核对，见 docs/audit.md）"
    return rule, "", ""


def _by_rule(c: Collector) -> str:
    rules = sorted(set(c.by_rule) | set(c.by_rule_dismissed), key=lambda r: (-c.by_rule[r], r))
    if not rules:
        return '<section id="rules"><h2>按规则统计</h2><p>没有发现问题。</p></section>\n'
    rows = []
    for rule in rules:
        title, severity, _ = _rule_info(rule)
        rows.append((_Html(f'<a href="#rule-{escape(rule)}"><code>{escape(rule)}</code></a>'), title,
                     _sev(severity), c.by_rule[rule], c.by_rule_dismissed[rule]))
    docs = []
    for rule in rules:
        title, _, doc = _rule_info(rule)
        docs.append(f'<details id="rule-{escape(rule)}"><summary><code>{escape(rule)}</code> {escape(title)}'
                    f'（docs/rules/{escape(rule)}.md）</summary><pre class="doc">{escape(doc)}</pre></details>')
    return ('<section id="rules"><h2>按规则统计</h2>'
            + _table("各规则发现的问题数", ("规则", "说明", "级别", "问题数", "已驳回"), rows, numeric=(3, 4))
            + "<h3>规则说明</h3>" + "".join(docs) + "</section>\n")


def _by_agency(c: Collector) -> str:
    rows = sorted(c.by_agency.values(), key=lambda a: (-a.error, -a.warning, a.name))
    shown = rows[:500]
    body = _table(
        "各机关的报告与问题（按错误数、警告数排序）" + (f"，仅列前 {len(shown)} 个，共 {len(rows)} 个" if len(rows) > len(shown) else ""),
        ("机关", "报告数", "年度", "错误", "警告", "提示", "已驳回"),
        ((a.name, a.reports, "、".join(map(str, sorted(a.years))) or "—", a.error, a.warning, a.notice, a.dismissed)
         for a in shown),
        numeric=(1, 3, 4, 5, 6),
    )
    return f'<section id="agencies"><h2>按机关统计</h2>{body}</section>\n'


def _worst(c: Collector) -> str:
    ranked = sorted(c.worst, key=lambda item: (-item[0][0], -item[0][1], -item[0][2], item[1]))
    if not ranked:
        return '<section id="worst"><h2>问题最多的报告</h2><p>没有待处理的问题。</p></section>\n'
    out = ['<section id="worst"><h2>问题最多的报告</h2>',
           f"<p>按错误数、再按警告数排序，列出前 {len(ranked)} 份报告及其问题（不含已驳回的问题）。</p>"]
    for rank, (_, _, e) in enumerate(ranked, start=1):
        counts = e["counts"]
        head = (f"{rank}. {e['agency'] or '（未识别机关）'} {e['year'] or '?'}年（{e['file']}）："
                f"错误 {counts.get('error', 0)}，警告 {counts.get('warning', 0)}，提示 {counts.get('notice', 0)}")
        rows = [(_sev(f["severity"]), _Html(f'<a href="#rule-{escape(f["rule"])}"><code>{escape(f["rule"])}</code></a>'),
                 f["where"], f["message_en"] if c.english else f["message"], _Html(f"<code>{escape(f['fingerprint'])}</code>"))
                for f in e["findings"]]
        more = f"<p>另有 {e['more']} 条，见 findings.csv。</p>" if e["more"] else ""
        out.append(f"<details{_OPEN if rank <= 3 else ''}><summary>{escape(head)}</summary>"
                   + _table(f"{e['file']} 的问题", ("级别", "规则", "位置", "说明", "指纹"), rows, row_header=False)
                   + more + "</details>")
    out.append("</section>\n")
    return "".join(out)


def _charts(c: Collector) -> str:
    out = ['<section id="charts"><h2>图表</h2>']
    years = sorted(c.by_year)
    if not years:
        out.append("<p>没有读出年度的报告，无法作图。</p></section>\n")
        return "".join(out)
    out.append(_new_chart(c, years[-1]))
    out.append(_outcome_chart(c, years))
    out.append(_appeal_chart(c, years))
    if len(years) > 1:
        out.append(_yoy(c, years))
    out.append("</section>\n")
    return "".join(out)


def _name_of(c: Collector, key: str) -> str:
    row = c.by_agency.get(key)
    return row.name if row else key


def _new_chart(c: Collector, year: int) -> str:
    values = sorted(((v, k) for (k, y), v in c.new_by_agency.items() if y == year), key=lambda x: (-x[0], x[1]))[:25]
    if not values:
        return ""
    labels = [_name_of(c, k) for _, k in values]
    return bar_chart("chart-new", f"{year} 年本年新收政府信息公开申请数（前 {len(values)} 个机关）",
                     f"横向条形图，按新收申请数从多到少排列 {len(values)} 个机关。", labels,
                     [("新收申请", [v for v, _ in values])])


def _outcome_chart(c: Collector, years: Sequence[int]) -> str:
    rows = [(f"{y} 年", [c.by_year[y].outcomes[g] for g in OUTCOME_GROUPS]) for y in years]
    if not any(sum(v) for _, v in rows):
        return ""
    return stacked_chart("chart-outcomes", "办理结果构成（各年度，按“总计”列）",
                         "百分比堆叠条形图：每年度一条，各段为予以公开、部分公开、不予公开、无法提供、不予处理、其他处理所占比例。",
                         OUTCOME_GROUPS, rows)


def _appeal_chart(c: Collector, years: Sequence[int]) -> str:
    series = [("行政复议", [c.by_year[y].numbers["reconsideration"] for y in years]),
              ("行政诉讼", [c.by_year[y].numbers["litigation"] for y in years])]
    return bar_chart("chart-appeals", "政府信息公开行政复议、行政诉讼案件数（各年度合计）",
                     "分组条形图：每年度两条，分别为行政复议总计和行政诉讼总计（直接起诉与复议后起诉之和）。",
                     [f"{y} 年" for y in years], series)


def _yoy(c: Collector, years: Sequence[int]) -> str:
    rows = []
    prev: YearRow | None = None
    for y in years:
        r = c.by_year[y]
        change = "—"
        if prev is not None and prev.numbers["new"]:
            change = f"{(r.numbers['new'] - prev.numbers['new']) / prev.numbers['new']:+.1%}"
        rows.append((f"{y} 年", r.reports, r.numbers["new"], change, r.numbers["handled"], r.numbers["carried_out"],
                     r.numbers["reconsideration"], r.numbers["litigation"]))
        prev = r
    out = ["<h3>逐年比较</h3>",
           bar_chart("chart-yoy", "各年度本年新收申请数合计", "条形图：每年度一条，为该年度所有报告新收申请总计之和。",
                     [f"{y} 年" for y in years], [("新收申请", [c.by_year[y].numbers["new"] for y in years])]),
           _table("各年度合计", ("年度", "报告数", "新收", "较上年", "办理结果总计", "结转下年度", "行政复议", "行政诉讼"),
                  rows, numeric=(1, 2, 3, 4, 5, 6, 7))]
    multi: dict[str, dict[int, Number]] = {}
    for (key, year), value in c.new_by_agency.items():
        multi.setdefault(key, {})[year] = value
    several = sorted(((k, v) for k, v in multi.items() if len(v) > 1), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:30]
    if several:
        out.append(_table(f"有多个年度报告的机关：本年新收申请数（前 {len(several)} 个）", ("机关", *(f"{y} 年" for y in years)),
                          ((_name_of(c, k), *(v.get(y) for y in years)) for k, v in several),
                          numeric=tuple(range(1, len(years) + 1))))
    return "".join(out)


def bar_chart(chart_id: str, title: str, desc: str, labels: Sequence[str],
              series: Sequence[tuple[str, Sequence[Number | None]]]) -> str:
    """A horizontal (grouped) bar chart as inline SVG, with its data as a table beneath."""
    bar, gap, left, width = 16, 10, 230, 760
    plot = width - left - 70
    top = 30 if len(series) > 1 else 8
    group = bar * len(series) + gap
    height = top + group * len(labels) + 8
    peak = max((v or 0 for _, values in series for v in values), default=0) or 1
    body: list[str] = []
    if len(series) > 1:
        x = left
        for s, (name, _) in enumerate(series):
            body.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{_PALETTE[s]}" />'
                        f'<text x="{x + 16}" y="19" font-size="12">{escape(name)}</text>')
            x += 24 + 14 * len(name)
    for i, label in enumerate(labels):
        y = top + i * group
        short = label if len(label) <= 15 else label[:14] + "…"
        body.append(f'<text x="{left - 8}" y="{y + group / 2 + 1:.0f}" font-size="12" text-anchor="end">'
                    f"<title>{escape(label)}</title>{escape(short)}</text>")
        for s, (name, values) in enumerate(series):
            v = values[i]
            w = 0 if not v else max(1.0, plot * v / peak)
            by = y + s * bar
            body.append(f'<rect x="{left}" y="{by}" width="{w:.1f}" height="{bar - 2}" fill="{_PALETTE[s % len(_PALETTE)]}">'
                        f"<title>{escape(label)} {escape(name)}：{_show(v)}</title></rect>"
                        f'<text x="{left + w + 4:.1f}" y="{by + bar - 4}" font-size="11">{_show(v)}</text>')
    svg = _svg(chart_id, title, desc, width, height, body)
    table = _table(f"{title}（数据表）", ("项目", *(n for n, _ in series)),
                   ((label, *(values[i] for _, values in series)) for i, label in enumerate(labels)),
                   numeric=tuple(range(1, len(series) + 1)))
    return _figure(svg, title, table)


def stacked_chart(chart_id: str, title: str, desc: str, parts: Sequence[str],
                  rows: Sequence[tuple[str, Sequence[Number]]]) -> str:
    """One 100 % bar per row, a segment per part, as inline SVG with a data table beneath."""
    left, width, bar = 90, 760, 22
    plot = width - left - 20
    top = 34
    height = top + (bar + 10) * len(rows) + 4
    body: list[str] = []
    x = left
    for p, name in enumerate(parts):
        body.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{_PALETTE[p]}" />'
                    f'<text x="{x + 16}" y="19" font-size="12">{escape(name)}</text>')
        x += 30 + 13 * len(name)
    for i, (label, values) in enumerate(rows):
        y = top + i * (bar + 10)
        total = sum(values) or 1
        body.append(f'<text x="{left - 8}" y="{y + bar - 6}" font-size="12" text-anchor="end">{escape(label)}</text>')
        x0 = float(left)
        for p, v in enumerate(values):
            w = plot * v / total
            if w > 0:
                body.append(f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{_PALETTE[p]}">'
                            f"<title>{escape(label)} {escape(parts[p])}：{_show(v)}（{v / total:.1%}）</title></rect>")
            x0 += w
    svg = _svg(chart_id, title, desc, width, height, body)
    table_rows = []
    for label, values in rows:
        total = sum(values) or 1
        table_rows.append((label, *(_Html(f"{_show(v)}（{v / total:.1%}）") for v in values), sum(values)))
    table = _table(f"{title}（数据表）", ("年度", *parts, "合计"), table_rows, numeric=tuple(range(1, len(parts) + 2)))
    return _figure(svg, title, table)


def _svg(chart_id: str, title: str, desc: str, width: int, height: int, body: Sequence[str]) -> str:
    return (f'<svg role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>' + "".join(body) + "</svg>")


def _figure(svg: str, title: str, table: str) -> str:
    return (f"<figure><figcaption>{escape(title)}</figcaption>{svg}"
            f"<details><summary>数据表</summary>{table}</details></figure>\n")


def _dismissed(c: Collector) -> str:
    out = ['<section id="dismissed"><h2>已驳回的问题</h2>',
           "<p>审核人在 <code>dismissed.csv</code> 中按指纹驳回的问题：不计入上面的统计和退出状态，仍在 findings.csv 中标明。</p>"]
    if not c.dismissed_rows:
        out.append("<p>没有已驳回的问题。</p>")
    else:
        out.append(_table("已驳回的问题", ("文件", "机关", "规则", "位置", "说明", "驳回理由", "审核人", "日期", "指纹"),
                          ((name, agency, f["rule"], f["where"], f["message_en"] if c.english else f["message"],
                            d.reason, d.reviewer, d.date, _Html(f"<code>{escape(d.fingerprint)}</code>"))
                           for name, agency, f, d in c.dismissed_rows)))
    out.append("</section>\n")
    return "".join(out)


def _unreadable(c: Collector) -> str:
    out = ['<section id="unreadable"><h2>无法读取的文件</h2>']
    if not c.unreadable:
        out.append("<p>所有文件都已读出。</p>")
    else:
        out.append(_table(f"无法读取的文件（{len(c.unreadable)} 个）", ("文件", "原因"), c.unreadable))
    out.append("</section>\n")
    return "".join(out)


__all__ = [
    "AUDIT_RULES",
    "AuditInterrupted",
    "AuditResult",
    "Cache",
    "Collector",
    "Dismissal",
    "Target",
    "audit_batch",
    "audit_file",
    "discover",
    "engine_version",
    "load_dismissals",
    "parse_dismissals",
    "parse_hierarchy",
    "run_audit",
]
