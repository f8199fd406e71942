"""What the benchmark scripts share: timing, profiles, the machine, targets and sections.

Every script (run.py, writers_bench.py, merge_bench.py, audit_bench.py) can hand its results
to ``bench/all.py`` as a *section*: a JSON file with its title, its targets (one row each for
the summary table of docs/performance.md) and its Markdown. ``--section FILE`` writes that
file; ``--write`` writes it to ``bench/out/sections/<key>.json`` and re-assembles
docs/performance.md from the sections on hand (see all.py).
"""

from __future__ import annotations

import cProfile
import datetime as dt
import gc
import io
import json
import math
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SECTIONS = OUT / "sections"
DOC = ROOT / "docs" / "performance.md"
ROUNDS = 3


def say(*parts: object) -> None:
    """Progress, on stderr (stdout carries the Markdown)."""
    print(*parts, file=sys.stderr, flush=True)


# -- timing ------------------------------------------------------------------------------


def rate(
    fn: Callable[[Any], object], items: list[Any], warmup: int = 20, rounds: int = ROUNDS
) -> dict[str, float]:
    """Items per second over the whole batch: median and best of ``rounds`` rounds.

    Wall time (perf_counter) is the figure; the process's CPU time (process_time) is kept
    beside it, so a round slowed by another process on the same core shows as a gap between
    the two.
    """
    for item in items[:warmup]:
        fn(item)
    rates, cpu_rates = [], []
    for _ in range(rounds):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        for item in items:
            fn(item)
        rates.append(len(items) / (time.perf_counter() - start))
        cpu_rates.append(len(items) / max(time.process_time() - cpu, 1e-9))
    return {
        "n": len(items),
        "median": statistics.median(rates),
        "best": max(rates),
        "cpu": statistics.median(cpu_rates),
        "ms": 1000 / statistics.median(rates),
    }


def contended(r: dict[str, float]) -> str:
    """A warning when a rate's wall figure is well below its CPU figure (a shared core)."""
    return " ⚠ core shared: wall time ≥ 1.15 × CPU time" if r["cpu"] > 1.15 * r["median"] else ""


def pin(cpu: int | None) -> str:
    """Pin this process to one CPU (the idlest over one second unless ``cpu`` is given)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpus = sorted(os.sched_getaffinity(0))
    chosen = _idlest(cpus) if cpu is None else cpu
    os.sched_setaffinity(0, {chosen})
    return f"pinned to CPU {chosen} with os.sched_setaffinity"


def _idlest(cpus: list[int]) -> int:
    """The allowed CPU with the most idle time over one second (from /proc/stat)."""

    def idle() -> dict[int, int]:
        out = {}
        for line in Path("/proc/stat").read_text().splitlines():
            name, *fields = line.split()
            if name.startswith("cpu") and name[3:].isdigit():
                out[int(name[3:])] = int(fields[3]) + int(fields[4])
        return out

    try:
        before = idle()
        time.sleep(1)
        after = idle()
        return max(cpus, key=lambda c: after.get(c, 0) - before.get(c, 0))
    except (OSError, ValueError, IndexError):
        return cpus[-1]


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def now() -> str:
    return dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")


# -- profiles ----------------------------------------------------------------------------


def _where(key: tuple[str, int, str]) -> str:
    path, line, func = key
    if path == "~":
        return func
    for base in (str(ROOT) + "/", str(Path(sys.prefix)) + "/"):
        if path.startswith(base):
            path = path[len(base) :]
    path = re.sub(r"^lib/python3\.\d+/site-packages/", "", path)
    path = re.sub(r"^.*/lib/python3\.\d+/", "stdlib/", path)
    return f"{path}:{line}({func})"


def profile(fn: Callable[[Any], object], items: list[Any]) -> dict[str, Any]:
    """cProfile of ``fn`` over ``items``: top functions by cumulative and own time, own time
    by module (the bench's own frames left out)."""
    prof = cProfile.Profile()
    prof.enable()
    for item in items:
        fn(item)
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = st.stats  # type: ignore[attr-defined]
    rows = [(k, v[1], v[2], v[3]) for k, v in raw.items() if not k[0].startswith(str(HERE))]
    total = max(r[3] for r in rows)  # the outermost call, as a whole
    cumulative = sorted(rows, key=lambda r: -r[3])[:15]
    own = sorted(rows, key=lambda r: -r[2])[:15]
    modules: dict[str, float] = {}
    for k, _, tt, _ in rows:
        name = _where(k).split(":")[0] if k[0] != "~" else "C builtins (re, str, lxml, pdfium …)"
        modules[name] = modules.get(name, 0.0) + tt
    fmt_rows = [
        {"where": _where(k), "calls": n, "tottime": tt, "cumtime": ct, "pct": 100 * ct / total}
        for k, n, tt, ct in cumulative
    ]
    own_rows = [
        {"where": _where(k), "calls": n, "tottime": tt, "cumtime": ct, "pct": 100 * tt / total}
        for k, n, tt, ct in own
    ]
    mod_rows = sorted(modules.items(), key=lambda x: -x[1])[:12]
    return {
        "files": len(items),
        "total": total,
        "cumulative": fmt_rows,
        "self": own_rows,
        "modules": [{"module": m, "tottime": t, "pct": 100 * t / total} for m, t in mod_rows],
    }


def profile_markdown(prof: dict[str, Any], heading: str, what: str, note: str = "") -> list[str]:
    """A profile as Markdown lines: cumulative, own time, own time by module."""
    L = [heading, ""]
    L.append(
        f"cProfile over {prof['files']:,} {what}, {prof['total']:.2f} s profiled "
        "(cProfile inflates Python-level calls; use the percentages, not the absolute times)."
    )
    L += ["", "Top 15 by cumulative time:", ""]
    L += ["| function | calls | self s | cumulative s | % of run |", "|---|---:|---:|---:|---:|"]
    for x in prof["cumulative"]:
        L.append(
            f"| `{x['where']}` | {x['calls']:,} | {x['tottime']:.3f} | {x['cumtime']:.3f} | {x['pct']:.1f} |"
        )
    L += ["", "Top 15 by own (self) time:", ""]
    L += ["| function | calls | self s | % of run |", "|---|---:|---:|---:|"]
    for x in prof["self"]:
        L.append(f"| `{x['where']}` | {x['calls']:,} | {x['tottime']:.3f} | {x['pct']:.1f} |")
    L.append("")
    if note:
        L += [note, ""]
    L += ["Own time by module:", "", "| module | self s | % of run |", "|---|---:|---:|"]
    for x in prof["modules"]:
        L.append(f"| `{x['module']}` | {x['tottime']:.3f} | {x['pct']:.1f} |")
    L.append("")
    return L


# -- the machine -------------------------------------------------------------------------


def sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict[str, str]:
    lscpu = sh("lscpu")

    def field(name: str) -> str:
        found = re.search(rf"^{re.escape(name)}:\s*(.+)$", lscpu, re.M)
        return found.group(1).strip() if found else "?"

    model = re.search(r"Model name:\s*(.+)", lscpu)
    hyper = re.search(r"Hypervisor vendor:\s*(.+)", lscpu)
    mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    libs = []
    try:
        import lxml.etree

        libs.append(
            f"lxml {lxml.etree.__version__} (libxml2 {'.'.join(map(str, lxml.etree.LIBXML_VERSION))})"
        )
    except ImportError:
        pass
    try:
        import pypdfium2.version as pdfium_version

        libs.append(f"pypdfium2 {pdfium_version.PYPDFIUM_INFO} (pdfium {pdfium_version.PDFIUM_INFO})")
    except ImportError:
        pass
    for name in ("reportlab", "weasyprint", "openpyxl"):
        try:
            module = __import__(name)
            libs.append(f"{name} {getattr(module, 'Version', None) or getattr(module, '__version__', '?')}")
        except ImportError:
            pass

    dirty = [ln[3:] for ln in sh("git", "status", "--porcelain").splitlines() if ln[3:].startswith("gongkai/")]
    return {
        "date": now(),
        "cpu": (model.group(1).strip() if model else platform.processor())
        + (f" ({hyper.group(1).strip()} guest)" if hyper else ""),
        "cores": f"{os.cpu_count()} logical CPUs (nproc {sh('nproc')}); "
        f"{field('Core(s) per socket')} cores per socket, {field('Thread(s) per core')} thread(s) per core, "
        f"L2 {field('L2 cache')}, L3 {field('L3 cache')}",
        "memory": f"{int(mem.group(1)) / 1024**2:.1f} GiB" if mem else "?",
        "python": f"{platform.python_implementation()} {platform.python_version()} on {platform.system()} {platform.release()}",
        "libs": ", ".join(libs),
        "commit": sh("git", "rev-parse", "--short", "HEAD")
        + (
            f" + uncommitted changes in {len(dirty)} path(s) under gongkai/"
            + (f" ({', '.join(dirty)})" if len(dirty) <= 4 else "")
            if dirty
            else ""
        ),
    }


# -- targets -----------------------------------------------------------------------------


def target(
    issue: str, name: str, value: float, limit: float, kind: str, measured: str, unit: str = ""
) -> dict[str, Any]:
    """One row of the summary table.

    ``kind`` is ``min`` (value ≥ limit), ``max`` (value < limit) or ``flat`` (|value| ≤ limit,
    a relative change). ``factor`` is how far the value is on the good side of the limit:
    value ÷ limit, limit ÷ value, or limit ÷ |value|; 1 or more passes.
    """
    if kind == "min":
        ok = value >= limit
        factor = value / limit if limit else math.inf
    elif kind == "max":
        ok = value < limit
        factor = limit / value if value else math.inf
    elif kind == "flat":
        ok = abs(value) <= limit
        factor = limit / abs(value) if value else math.inf
    elif kind == "bool":
        ok = bool(value)
        factor = math.nan
    else:
        raise ValueError(kind)
    return {"issue": issue, "target": name, "value": value, "limit": limit, "kind": kind,
            "measured": measured, "unit": unit, "ok": ok, "factor": factor}


def verdict(row: dict[str, Any]) -> str:
    if row["ok"]:
        return "**pass**"
    f = row["factor"]
    if row["kind"] in ("min", "max") and f > 0 and math.isfinite(f):
        return f"**miss** (needs ×{1 / f:.2f})"
    if row["kind"] == "flat":
        return f"**miss** ({abs(row['value']):.0%} against ±{row['limit']:.0%})"
    return "**miss**"


def factor_text(row: dict[str, Any]) -> str:
    f = row["factor"]
    if math.isnan(f):
        return "—"
    if math.isinf(f) or f >= 100:
        return "≥ 100×"
    return f"{f:.2f}×"


# -- sections ----------------------------------------------------------------------------


def section(key: str, order: int, title: str, command: str, seconds: float,
            targets: list[dict[str, Any]], markdown: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "order": order, "title": title, "command": command, "date": now(),
            "load": load(), "seconds": seconds, "targets": targets, "markdown": markdown, **extra}


def save_section(sec: dict[str, Any], path: Path | None, write: bool) -> None:
    """``--section FILE`` and ``--write``: save the section; with ``write`` also re-assemble
    docs/performance.md from every section on hand."""
    if write and sec.get("quick"):
        say("--quick figures are not written to docs/performance.md")
        write = False
    paths = [p for p in (path, SECTIONS / f"{sec['key']}.json" if write else None) if p is not None]
    for p in paths:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(sec, ensure_ascii=False, indent=1, default=str), "utf-8")
    if write:
        from all import assemble_from

        DOC.write_text(assemble_from(SECTIONS), "utf-8")
        say(f"wrote {DOC.relative_to(ROOT)}")


def command_line(script: str) -> str:
    """How this script was run, without ``--section FILE`` (bench/all.py's plumbing)."""
    args, skip = [], False
    for arg in sys.argv[1:]:
        if skip:
            skip = False
        elif arg == "--section":
            skip = True
        elif not arg.startswith("--section="):
            args.append(arg)
    return " ".join([".venv/bin/python", f"bench/{script}", *args])


# A child's ru_maxrss counts the memory of the process it was forked from (Linux keeps the
# pre-exec high-water mark), so commands are started from this small launcher, not from a
# benchmark's own large process: fork, exec, wait4, then one line with the peak RSS (KB),
# wall seconds, exit status and CPU seconds of the command.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.stderr.write(f"\\nBENCH-CHILD {usage.ru_maxrss} {time.perf_counter() - start} {code} {usage.ru_utime + usage.ru_stime}\\n")
sys.exit(code)
"""
