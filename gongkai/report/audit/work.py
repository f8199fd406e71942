"""Checking one file, as a worker process does it, into the line the cache keeps.

``audit_file`` reads and checks one ``Target`` and never raises: an unreadable file becomes a
record with its reason. The record (``report_record``) holds what the outputs and the checks
across reports need later: names, key numbers (``key_numbers``), the outcome mix
(``outcome_mix``), tables 三 and 四 and the findings. It comes back to the parent already
serialised as a ``Done`` (the cache line as UTF-8 bytes), with the ``Carry`` that stays in
memory for the carry-over check and, when the run gave the worker a ``Render``, the file's part
of this run's outputs already rendered (``outputs.summarize``, marshalled), so that the parent
only writes it. ``engine_version`` changes with the engine's code, so that results of older
code are not reused.
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from ..check import check
from ..editions import EDITIONS
from ..errors import ReportError, UnreadableFile, unreadable
from ..findings import Finding
from ..merge import agency_key
from ..model import Number, Report
from .discover import Target

CACHE_FORMAT = "1"
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

# What a cached result depends on: reading, the rules, and the audit's record format.
_ENGINE_PARTS = frozenset({"__init__.py", "audit", "check.py", "editions", "errors.py", "findings.py",
                           "model.py", "readers", "rules", "serialize.py", "textnorm.py"})


@cache
def engine_version() -> str:
    """Changes whenever the engine's code does, so that old cached results are not reused."""
    digest = hashlib.sha1(CACHE_FORMAT.encode())
    root = Path(__file__).resolve().parents[1]
    for path in sorted(p for p in root.rglob("*.py") if p.relative_to(root).parts[0] in _ENGINE_PARTS):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# A file modified this close to (or after) the moment it was audited may have changed again
# within the same timestamp tick: its size and mtime alone do not prove it unchanged, so its
# sha1 is kept too (and compared by ``Cache.usable``). Older files are trusted on size and mtime.
RACY_NS = 2_000_000_000


def is_racy(mtime_ns: int, audited_ns: int) -> bool:
    return mtime_ns >= audited_ns - RACY_NS


class Carry(NamedTuple):
    """What the checks across reports need of a report, kept in memory for every file."""

    agency: str  # merge.agency_key of the agency's name
    year: int
    edition: str
    carry_out: tuple[Number | None, ...] | None  # 四、结转下年度继续办理, for next year's carry-over


class Done(NamedTuple):
    """A checked file as a worker returns it: the cache line, already serialised (UTF-8)."""

    key: str
    line: bytes
    size: int
    mtime_ns: int
    audited_ns: int
    carry: Carry | None
    # This run's outputs of the file and its 二、上年结转 row, marshalled, if rendered.
    summary: bytes | None = None


# The file's part of this run's outputs from its name and record (``outputs.summarize`` with the
# run's language and dismissals): given to ``audit_batch``, or to a worker process once, at start.
Render = Callable[[str, dict[str, Any]], Any]
_render: Render | None = None


def set_render(render: Render | None) -> None:
    """The ``Render`` of this (worker) process, used when ``audit_batch`` is given none."""
    global _render
    _render = render


# Checking a report allocates thousands of short-lived containers and makes almost no cycles
# (the few come from the exceptions of unreadable files), so the collector's default threshold
# (700) runs a young-generation pass several times per report for next to nothing: about 1.5 %
# of the instructions. While checking, it runs every 5,000 allocations; what is alive before
# (the engine's modules and tables) is frozen, so no pass scans it again and a forked worker
# does not write to those pages (copy-on-write).
CHECKING_GC_THRESHOLD = (5000, 10, 10)


def tune_gc_for_checking() -> None:
    """For a worker process, which does nothing but check."""
    gc.freeze()
    gc.set_threshold(*CHECKING_GC_THRESHOLD)


@contextmanager
def gc_tuned_for_checking() -> Iterator[None]:
    """The same in this process, for the duration of the block."""
    before = gc.get_threshold()
    tune_gc_for_checking()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def audit_file(target: Target, render: Render | None = None) -> Done:
    """Read and check one file: its cache line (JSON) and what the index keeps. Never raises."""
    # Looked up on the package at each call: the seam a test replaces in forked workers.
    from . import _read_report

    record: dict[str, Any] = {"key": target.key, "engine": engine_version(), "size": -1, "mtime_ns": -1, "sha1": ""}
    try:
        st = _stat(target.key)
        record["size"], record["mtime_ns"] = st.st_size, st.st_mtime_ns
        record["audited_ns"] = time.time_ns()
        data = read_file(target.key)
        if is_racy(st.st_mtime_ns, record["audited_ns"]):  # only then will the cache consult it
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
    summary = None
    if render is not None:
        try:
            # With 二、上年结转, so that the parent can run the carry-over check without the cache line.
            t3 = record.get("t3")
            summary = marshal.dumps((render(target.name, record), None if t3 is None else t3[1]))
        except Exception:  # noqa: BLE001 — the parent renders it again from the cache line
            summary = None
    return Done(target.key, _line(record), record["size"], record["mtime_ns"], record["audited_ns"], carry_of(record),
                summary)


def audit_batch(targets: Sequence[Target], render: Render | None = None) -> list[Done]:
    render = render or _render
    return [audit_file(t, render) for t in targets]


def crashed(target: Target) -> Done:
    """The cache line of a file whose checking killed the worker process."""
    record: dict[str, Any] = {"key": target.key, "engine": engine_version(), "size": -1, "mtime_ns": -1, "sha1": "",
                              "audited_ns": time.time_ns(),
                              "error": "检查此文件时进程异常退出（文件可能已损坏），请将此文件报告给开发者",
                              "error_en": "the checking process died on this file (corrupt?); please report this file"}
    try:
        st = os.stat(target.key)
        record["size"], record["mtime_ns"] = st.st_size, st.st_mtime_ns
        if is_racy(st.st_mtime_ns, record["audited_ns"]):
            record["sha1"] = hashlib.sha1(read_file(target.key)).hexdigest()
    except (OSError, UnreadableFile):
        pass
    return Done(target.key, _line(record), record["size"], record["mtime_ns"], record["audited_ns"], None)


def read_file(path: str) -> bytes:
    """The bytes of ``path``; ``UnreadableFile`` with the same reasons as ``read_path``."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise unreadable(exc) from exc


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as exc:
        raise unreadable(exc) from exc


def _read_report(data: bytes, name: str) -> Report:
    from .. import read_bytes

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


def _line(record: dict[str, Any]) -> bytes:
    # orjson writes exactly what json.dumps(ensure_ascii=False, separators=(",", ":")) encoded
    # as UTF-8 writes for these records, four times faster (2.5 % of checking a text report);
    # json itself takes what orjson refuses (an integer beyond 64 bits typed into a cell).
    try:
        return orjson.dumps(record) + b"\n"
    except TypeError:
        return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def carry_of(record: dict[str, Any]) -> Carry | None:
    """The ``Carry`` of a cache line: None for an unreadable file or one without agency or year."""
    if record.get("error") or not record.get("agency") or not record.get("year"):
        return None
    t3, edition = record.get("t3"), record["edition"]
    out = None if t3 is None else tuple(t3[EDITIONS[edition].carry_out_row])
    return Carry(agency_key(record["agency"]), record["year"], edition, out)
