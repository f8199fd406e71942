"""``gongkai audit`` without typer: the run, its progress, its closing line and exit status.

A batch audit pays the command's start-up in series before any worker starts, and typer (with
click and pydantic) is about a third of it. ``gongkai.entry`` therefore runs ``gongkai audit``
with plain arguments straight through ``run_plain``; anything else (help, an unknown option, a
bad value) goes through typer (``commands.audit``), which calls ``run`` in the same way.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from ..report.audit import AuditInterrupted, AuditResult, run_audit
from ..report.errors import ReportError
from .options import EXIT_INTERRUPTED, EXIT_UNREADABLE, Lang

# -o/--output, -j/--jobs, --hierarchy, --lang as commands.audit names them.
_OPTIONS = {"--output": "outdir", "-o": "outdir", "--jobs": "jobs", "-j": "jobs", "--hierarchy": "hierarchy",
            "--lang": "lang"}


def run(paths: Sequence[str], outdir: Path, jobs: int | None, hierarchy: Path | None, english: bool) -> int:
    """Audit, printing progress and one closing line on standard error; the exit status."""
    try:
        with _sigterm_as_interrupt(), _progress_bar(english) as progress:
            result = run_audit(paths, outdir, jobs=jobs, hierarchy=hierarchy, english=english, progress=progress)
    except AuditInterrupted as stop:
        _say(_interrupted(stop, english))
        return EXIT_INTERRUPTED
    except ReportError as exc:
        _say(exc.message_en if english else exc.message)
        return EXIT_UNREADABLE
    _say(_summary(result, english))
    return result.status


def run_plain(args: Sequence[str]) -> int | None:
    """Run ``gongkai audit ARGS`` when ``plain_args`` can read them: the exit status, or None
    (typer should run it)."""
    params = plain_args(args)
    if params is None:
        return None
    try:
        return run(params["paths"], params["outdir"], params["jobs"], params["hierarchy"], params["lang"] == Lang.en)
    except KeyboardInterrupt:  # outside the check phase: as the typer command ends it
        _say("已中断")
        return EXIT_INTERRUPTED


def plain_args(args: Sequence[str]) -> dict[str, Any] | None:
    """The audit command's parameters from ARGS, as typer would pass them; None for anything but
    plainly valid arguments (help, unknown or repeated options, bad values, glued short
    options), which go through typer for its usual handling and messages."""
    found: dict[str, str] = {}
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths += rest
            break
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if not eq:
            value = next(rest, "")
        if (name not in _OPTIONS or _OPTIONS[name] in found or not value or (eq and not name.startswith("--"))
                or (not eq and value.startswith("-"))):
            return None
        found[_OPTIONS[name]] = value
    jobs, lang = found.get("jobs", "1"), found.get("lang", Lang.zh.value)
    if not paths or not jobs.isascii() or not jobs.isdigit() or int(jobs) < 1 or lang not in Lang.__members__:
        return None
    hierarchy = found.get("hierarchy")
    return {"paths": paths, "outdir": Path(found.get("outdir", "gongkai-audit")),
            "jobs": int(found["jobs"]) if "jobs" in found else None,
            "hierarchy": None if hierarchy is None else Path(hierarchy), "lang": Lang(lang)}


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _interrupted(stop: AuditInterrupted, english: bool) -> str:
    done = stop.audited + stop.cached
    if english:
        return (f"interrupted: {done} of {stop.files} files done ({stop.audited} checked in this run); "
                f"results are kept in {stop.outdir}; run the same command again to resume")
    return (f"已中断：{stop.files} 个文件中已完成 {done} 个（本次检查 {stop.audited} 个），结果已保存在 {stop.outdir}；"
            "再次运行同一命令即从中断处继续")


def _summary(r: AuditResult, english: bool) -> str:
    outputs = ", ".join(str(p) for p in r.outputs)
    if english:
        return (f"{r.files} files: {r.audited} checked, {r.cached} unchanged since the last run (skipped); "
                f"{r.reports} reports, {r.unreadable} unreadable; {r.errors} errors, {r.warnings} warnings, "
                f"{r.notices} notices, {r.dismissed} dismissed\n→ {outputs}")
    return (f"共 {r.files} 个文件：本次检查 {r.audited} 个，未变化而跳过 {r.cached} 个；"
            f"读出报告 {r.reports} 份，无法读取 {r.unreadable} 个；错误 {r.errors} 条，警告 {r.warnings} 条，"
            f"提示 {r.notices} 条，已驳回 {r.dismissed} 条\n→ {outputs}")


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """``kill`` stops the run as cleanly as Ctrl-C: what is done stays in the cache."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _progress_bar(english: bool) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on a terminal; otherwise a plain line at every tenth."""
    if not sys.stderr.isatty():
        last = [-1]

        def plain(done: int, total: int) -> None:
            step = done * 10 // max(total, 1)
            if step != last[0] and (done == total or step > last[0]):
                last[0] = step
                _say(f"{'checked' if english else '已完成'} {done}/{total}")

        yield plain
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("checking" if english else "检查中"), BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), auto_refresh=False, transient=True)
    task = bar.add_task("audit", total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        bar.refresh()

    with bar:
        yield update
