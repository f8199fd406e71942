"""Throughput, scaling, resume and memory of ``gongkai audit``.

    .venv/bin/python bench/audit_bench.py            # 2,000 reports; memory at 500 and 5,000
    .venv/bin/python bench/audit_bench.py --quick    # smaller, for a smoke test
    .venv/bin/python bench/audit_bench.py --json bench/out/audit/results.json
    .venv/bin/python bench/audit_bench.py --write    # … and re-assemble docs/performance.md

Targets: ≥ 1,500 reports/s with ``--jobs 2`` on 2 cores, and ≥ 1.6 × the ``--jobs 1`` rate;
peak memory flat (within 20 %) from 500 to 5,000 files; a run killed half way resumes and
skips what was done.

Inputs: plain-text reports from ``bench/variants.py`` (the seed and peer variations of
``bench/run.py``), every 40th replaced by a broken file (empty, binary, not a report, cut in
half), in ``bench/out/audit/``. Every run is a real ``gongkai audit`` process started from a
small fork-exec launcher, so its peak RSS (``ru_maxrss`` from ``os.wait4``: the largest single
process of the tree, main or worker) is its own; each figure is the median of ``--rounds`` runs
into a fresh output folder. reports/s = files / wall seconds of the whole command, start-up
included. The phases (``run_audit``'s own clock: plan, check, cross, outputs) come from
separate runs of ``run_audit`` in a child process (``--child``), which also gives the rate
without the interpreter's start-up and a cProfile breakdown of a ``--jobs 1`` run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "audit"
sys.path.insert(0, str(HERE))

from common import LAUNCHER, command_line, factor_text, save_section, section, target, verdict  # noqa: E402
from variants import text_variants  # noqa: E402

GONGKAI = str(Path(sys.executable).parent / "gongkai")
RATE_TARGET = 1500.0
SCALING_TARGET = 1.6
MEMORY_TOLERANCE = 0.20

BROKEN: tuple[tuple[str, bytes], ...] = (
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 16),
    ("notareport.txt", "今天天气很好，我们去公园散步。\n晚上吃饺子。\n".encode()),
)


# -- inputs ------------------------------------------------------------------------------


def make_inputs(folder: Path, n: int, seed: int = 20261125) -> dict[str, int]:
    """``n`` files: text variations, every 40th broken on purpose. Reused when already there."""
    stamp = folder / ".complete"
    if stamp.exists() and stamp.read_text() == str(n):
        return json.loads((folder / ".counts").read_text())
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    broken = 0
    for i, v in enumerate(text_variants(n, seed=seed)):
        if i % 40 == 39:
            kind = (i // 40) % (len(BROKEN) + 1)
            if kind < len(BROKEN):
                name, data = BROKEN[kind]
                (folder / f"broken-{i:05d}-{name}").write_bytes(data)
            else:  # a report cut in half: read, with findings, or unreadable
                (folder / f"cut-{i:05d}.txt").write_bytes(v.data[: len(v.data) // 2])
            broken += 1
            continue
        sub = folder / str(v.year)  # a folder per year, as an archive would be kept
        sub.mkdir(exist_ok=True)
        (sub / v.name).write_bytes(v.data)
    counts = {"files": n, "broken": broken}
    (folder / ".counts").write_text(json.dumps(counts))
    stamp.write_text(str(n))
    return counts


# -- running the command -----------------------------------------------------------------



# The commands run with their bytecode compiled beforehand, as an installed package has it
# (pip compiles at install): with PYTHONDONTWRITEBYTECODE set, as in some shells, every start
# would compile gongkai's sources again. The bytecode goes to bench/out/, not the source tree.
PYCACHE = HERE / "out" / "pycache"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": str(PYCACHE)}


def compile_bytecode() -> None:
    """One small audit (and the help, which imports every command) writes the bytecode."""
    warm = OUT / "in-warmup"
    make_inputs(warm, 60)
    run([GONGKAI, "--help"])
    audit(warm, OUT / "out-warmup", 2)


def launch(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=ENV)


def finish(proc: subprocess.Popen[bytes]) -> dict[str, Any]:
    out, err = proc.communicate()
    text = err.decode(errors="replace")
    found = re.findall(r"BENCH-CHILD (\d+) ([\d.e-]+) (-?\d+) ([\d.e-]+)", text)
    if not found:
        raise RuntimeError(f"launcher failed: {text[-2000:]}")
    kb, seconds, code, cpu = found[-1]
    return {"rss_mb": int(kb) / 1024, "seconds": float(seconds), "status": int(code), "cpu": float(cpu),
            "stdout": out.decode(errors="replace"), "stderr": text}


def run(args: list[str]) -> dict[str, Any]:
    return finish(launch(args))


def audit(src: Path, out: Path, jobs: int, fresh: bool = True) -> dict[str, Any]:
    if fresh and out.exists():
        shutil.rmtree(out)
    res = run([GONGKAI, "audit", str(src), "-o", str(out), "--jobs", str(jobs)])
    if res["status"] not in (0, 1, 2):
        raise RuntimeError(f"gongkai audit failed ({res['status']}): {res['stderr'][-2000:]}")
    m = re.search(r"共 (\d+) 个文件：本次检查 (\d+) 个，未变化而跳过 (\d+) 个", res["stderr"])
    if not m:
        raise RuntimeError(f"no summary line: {res['stderr'][-2000:]}")
    res["files"], res["checked"], res["skipped"] = (int(x) for x in m.groups())
    return res


def child(src: str, out: str, jobs: int, profile: bool) -> None:
    """In a child process: run_audit in-process, print its phase timings (and a profile)."""
    import resource

    from gongkai.report.audit import run_audit

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    if profile:
        prof = cProfile.Profile()
        result = prof.runcall(run_audit, [src], out, jobs=jobs)
    else:
        result = run_audit([src], out, jobs=jobs)
    wall = time.perf_counter() - start
    info: dict[str, Any] = {"wall": wall, "seconds": result.seconds, "files": result.files,
                            "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                            "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    if profile:
        info["profile"] = _profile_groups(pstats.Stats(prof))
    print(json.dumps(info))


def _profile_groups(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds of the parts that matter, from a --jobs 1 profile."""
    wanted = {
        "read_bytes (engine: read)": ("gongkai/report/__init__.py", "read_bytes"),
        "check (engine: rules)": ("gongkai/report/check.py", "check"),
        "audit_file (all per-file work)": ("gongkai/report/audit/work.py", "audit_file"),
        "report_record (numbers, findings → dict)": ("gongkai/report/audit/work.py", "report_record"),
        "_line (json.dumps of the cache line)": ("gongkai/report/audit/work.py", "_line"),
        "Cache.append (write + flush)": ("gongkai/report/audit/cache.py", "append"),
        "summarize (a file's CSV rows and counts, rendered)": ("gongkai/report/audit/outputs.py", "summarize"),
        "carryover_findings (carry-over, while writing)": ("gongkai/report/audit/across.py", "carryover_findings"),
        "Cache.read (json.loads, cached files and carry-over only)": ("gongkai/report/audit/cache.py", "read"),
        "Collector.take (rows written, counts)": ("gongkai/report/audit/outputs.py", "take"),
        "render_html": ("gongkai/report/audit/page.py", "render_html"),
        "write_atomic": ("gongkai/report/output.py", "write_atomic"),
    }
    out: dict[str, float] = {}
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for label, (file, func) in wanted.items():
        total = sum(v[3] for (f, _, name), v in raw.items() if f.endswith(file) and name == func)
        out[label] = total
    return out


def in_process(src: Path, out: Path, jobs: int, profile: bool = False) -> dict[str, Any]:
    res = run([sys.executable, str(Path(__file__).resolve()), "--child", str(src), str(out), str(jobs),
               "1" if profile else "0"])
    line = [ln for ln in res["stdout"].splitlines() if ln.startswith("{")]
    info: dict[str, Any] = json.loads(line[-1])
    info["tree_mb"] = res["rss_mb"]
    return info


# -- measurements ------------------------------------------------------------------------


def throughput(src: Path, n: int, rounds: int) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for jobs in (1, 2):
        runs = [audit(src, OUT / f"out-j{jobs}", jobs) for _ in range(rounds)]
        walls = [r["seconds"] for r in runs]
        res[f"jobs{jobs}"] = {
            "files": runs[0]["files"],
            "checked": runs[0]["checked"],
            "median_s": statistics.median(walls),
            "best_s": min(walls),
            "rate": n / statistics.median(walls),
            "best_rate": n / min(walls),
            "cpu_s": statistics.median(r["cpu"] for r in runs),
            "rss_mb": max(r["rss_mb"] for r in runs),
            "status": runs[0]["status"],
        }
        phases = [in_process(src, OUT / f"inproc-j{jobs}", jobs) for _ in range(rounds)]
        res[f"jobs{jobs}"]["phases"] = {k: statistics.median(p["seconds"][k] for p in phases)
                                        for k in phases[0]["seconds"]}
        res[f"jobs{jobs}"]["inproc_rate"] = n / statistics.median(p["wall"] for p in phases)
    res["ratio"] = res["jobs2"]["rate"] / res["jobs1"]["rate"]
    res["inproc_ratio"] = res["jobs2"]["inproc_rate"] / res["jobs1"]["inproc_rate"]
    rerun = audit(src, OUT / "out-j2", 2, fresh=False)
    res["rerun"] = {"seconds": rerun["seconds"], "checked": rerun["checked"], "skipped": rerun["skipped"]}
    res["startup_s"] = statistics.median(run([GONGKAI, "--help"])["seconds"] for _ in range(3))
    return res


def engine_ceiling(src: Path, limit: int = 1000) -> float:
    """read_bytes + check alone, one process, on the same files: the per-core ceiling."""
    code = (
        "import sys, time\nfrom pathlib import Path\nfrom gongkai.report import read_bytes, check\n"
        f"files = sorted(p for p in Path({str(src)!r}).rglob('*.txt'))[:{limit}]\n"
        "items = [(p.read_bytes(), p.name) for p in files]\n"
        "def one(it):\n    try: check(read_bytes(*it))\n    except Exception: pass\n"
        "for it in items[:50]: one(it)\n"
        "best = 0.0\n"
        "for _ in range(3):\n    t = time.perf_counter()\n    [one(it) for it in items]\n"
        "    best = max(best, len(items) / (time.perf_counter() - t))\n"
        "print(best)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip())


def resume(src: Path, n: int, after: float, sig: int) -> dict[str, Any]:
    """Kill a run after ``after`` seconds, run again: it must skip what the first run saved."""
    out = OUT / f"out-resume-{sig}"
    if out.exists():
        shutil.rmtree(out)
    proc = launch([GONGKAI, "audit", str(src), "-o", str(out), "--jobs", "2"])
    time.sleep(after)
    # The launcher's child is the command: signal it, not the launcher.
    command = _child_pid(proc.pid)
    if command is not None:
        os.kill(command, sig)
    first = finish(proc)
    cache = out / ".audit-cache" / "results.jsonl"
    saved = sum(1 for ln in cache.read_bytes().splitlines() if ln.endswith(b"}")) if cache.exists() else 0
    time.sleep(0.6)  # workers of a SIGKILLed run notice and exit within 0.5 s
    orphans = _orphans(str(out))
    second = audit(src, out, 2, fresh=False)
    outputs = all((out / name).is_file() for name in ("findings.csv", "reports.csv", "audit.html"))
    rows = len((out / "reports.csv").read_text(encoding="utf-8-sig").splitlines()) - 1 if outputs else 0
    return {
        "signal": signal.Signals(sig).name,
        "after_s": after,
        "first_status": first["status"],
        "first_message": next((ln for ln in first["stderr"].splitlines() if "中断" in ln), ""),
        "saved": saved,
        "orphans": orphans,
        "second_checked": second["checked"],
        "second_skipped": second["skipped"],
        "second_s": second["seconds"],
        "outputs": outputs,
        "rows": rows,
        "ok": outputs and rows == n and second["skipped"] == saved and second["checked"] == n - saved,
    }


def _child_pid(pid: int) -> int | None:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    return int(children[0]) if children else None


def _orphans(marker: str) -> int:
    count = 0
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if "audit" in cmd and marker in cmd:
                count += 1
    return count


def memory(sizes: tuple[int, ...], rounds: int) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for n in sizes:
        src = OUT / f"in-{n}"
        make_inputs(src, n)
        runs = [audit(src, OUT / f"out-mem-{n}", 2) for _ in range(rounds)]
        inproc = in_process(src, OUT / f"out-memin-{n}", 2)
        res[str(n)] = {
            "rss_mb": statistics.median(r["rss_mb"] for r in runs),
            "rate": n / statistics.median(r["seconds"] for r in runs),
            "main_mb": inproc["self_mb"],
            "worker_mb": inproc["children_mb"],
            "findings_csv_mb": (OUT / f"out-mem-{n}" / "findings.csv").stat().st_size / 2**20,
            "cache_mb": (OUT / f"out-mem-{n}" / ".audit-cache" / "results.jsonl").stat().st_size / 2**20,
        }
    small, large = res[str(sizes[0])]["rss_mb"], res[str(sizes[-1])]["rss_mb"]
    res["growth"] = large / small - 1
    return res


def say(*parts: object) -> None:
    print(*parts, file=sys.stderr)


# -- report ------------------------------------------------------------------------------


def targets_of(res: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the summary table (issue 3's audit targets)."""
    t, n = res["throughput"], res["n"]
    j1, j2 = t["jobs1"], t["jobs2"]
    rows = [
        target("3", f"audit of {n:,} text reports on {res['cpus']} cores (--jobs 2) ≥ {RATE_TARGET:,.0f} reports/s",
               j2["rate"], RATE_TARGET, "min",
               f"{j2['rate']:,.0f}/s ({j2['median_s']:.2f} s for {n:,}, start-up included; best run {j2['best_rate']:,.0f}/s)"),
        target("3", f"… and ≥ {SCALING_TARGET} × its own --jobs 1 rate, measured in the same run", t["ratio"],
               SCALING_TARGET, "min", f"{t['ratio']:.2f} × ({j1['rate']:,.0f}/s → {j2['rate']:,.0f}/s)"),
    ]
    mem = res.get("memory")
    if mem:
        sizes = [k for k in mem if k.isdigit()]
        rows.append(target(
            "3", f"peak memory flat (± {MEMORY_TOLERANCE:.0%}) from {int(sizes[0]):,} to {int(sizes[-1]):,} files",
            mem["growth"], MEMORY_TOLERANCE, "flat",
            f"{mem[sizes[0]]['rss_mb']:.1f} MB → {mem[sizes[-1]]['rss_mb']:.1f} MB ({mem['growth']:+.1%})"))
    for r in res["resume"]:
        rows.append(target(
            "3", f"audit stopped half way ({r['signal']}), run again: skips what was saved, writes all outputs",
            float(r["ok"] and not r["orphans"]), 1.0, "bool",
            f"killed after {r['after_s']:.2f} s, {r['saved']:,} of {n:,} saved; second run checked {r['second_checked']:,}, "
            f"skipped {r['second_skipped']:,}; {r['rows']:,} rows in reports.csv; orphan processes {r['orphans']}"))
    return rows


def markdown(res: dict[str, Any], targets: list[dict[str, Any]]) -> str:
    t, n = res["throughput"], res["n"]
    j1, j2 = t["jobs1"], t["jobs2"]
    lines = [
        "## `gongkai audit`: a folder of reports (issue 3) — `bench/audit_bench.py`",
        "",
        f"{res['date']}; {res['cpus']} CPUs; load average before: {res['load']}; "
        f"{n:,} text reports ({res['inputs']['broken']} broken on purpose); median of {res['rounds']} runs.",
        "",
        "Method: the inputs are plain-text reports from `bench/variants.py` (the seed and peer variations "
        "of bench/run.py), every 40th replaced by a broken file (empty, binary, not a report, cut in half), "
        "in `bench/out/audit/`. Every run is a real `gongkai audit` process started from a small fork-exec "
        "launcher into a fresh output folder; reports/s = files ÷ wall seconds of the whole command, start-up "
        "included, with gongkai's bytecode compiled beforehand as an installed package has it (into "
        "`bench/out/pycache`, so that PYTHONDONTWRITEBYTECODE in the shell does not make every start compile "
        "the sources); peak RSS is `ru_maxrss` from `os.wait4` (the largest single process of the tree). "
        "--jobs 1 and --jobs 2 are measured one after the other in the same run. The phases come from "
        "`run_audit` in a child process, which also gives the rate without the interpreter's start-up.",
        "",
        "### Targets",
        "",
        "| target | measured | result | factor |",
        "|---|---|---|---:|",
    ]
    lines += [f"| {x['target']} | {x['measured']} | {verdict(x)} | {factor_text(x)} |" for x in targets]
    mem = res.get("memory")
    lines += [
        "",
        "### Throughput",
        "",
        "| | --jobs 1 | --jobs 2 |",
        "|---|---:|---:|",
        f"| wall, whole command (s) | {j1['median_s']:.2f} | {j2['median_s']:.2f} |",
        f"| reports/s, whole command | {j1['rate']:,.0f} | {j2['rate']:,.0f} |",
        f"| reports/s, run_audit in-process (no start-up) | {j1['inproc_rate']:,.0f} | {j2['inproc_rate']:,.0f} |",
        f"| CPU seconds, all processes | {j1['cpu_s']:.2f} | {j2['cpu_s']:.2f} |",
        f"| peak RSS, largest process (MB) | {j1['rss_mb']:.1f} | {j2['rss_mb']:.1f} |",
    ]
    for phase in j1["phases"]:
        lines.append(f"| phase `{phase}` (s) | {j1['phases'][phase]:.3f} | {j2['phases'].get(phase, 0):.3f} |")
    lines += [
        "",
        f"Command start-up (`gongkai --help`): {t['startup_s']:.2f} s. Engine alone (read_bytes + check, one "
        f"process, same files): {res['ceiling']:,.0f} reports/s per core, so two cores cannot exceed "
        f"~{2 * res['ceiling']:,.0f}/s whatever the audit does around it. A second run over the same "
        f"{n:,} files (nothing changed): {t['rerun']['seconds']:.2f} s, {t['rerun']['checked']} checked, "
        f"{t['rerun']['skipped']:,} skipped.",
    ]
    if j2["rate"] < RATE_TARGET or t["ratio"] < SCALING_TARGET:
        budget = n / RATE_TARGET
        inproc = n / j2["inproc_rate"]
        ideal = n / (2 * res["ceiling"])
        check_s = j2["phases"].get("check", 0.0)
        lines += [
            "",
            f"**The miss in time.** {RATE_TARGET:,.0f}/s allows {budget:.2f} s for {n:,} reports; the --jobs 2 "
            f"command took {j2['median_s']:.2f} s (×{j2['median_s'] / budget:.2f}): about {t['startup_s']:.2f} s of "
            f"interpreter and import start-up, and `run_audit` itself (timed in separate in-process runs) {inproc:.2f} s "
            + ", ".join(f"({k} {v:.2f} s" if i == 0 else f"{k} {v:.2f} s" for i, (k, v) in enumerate(j2["phases"].items()))
            + f"). Two workers at the engine's own rate ({res['ceiling']:,.0f}/s per core) "
            f"would need {ideal:.2f} s for the check phase; it took {check_s:.2f} s, so "
            f"{max(check_s - ideal, 0):.2f} s goes to the pool (pickling results, the cache, waiting) or to a "
            f"core shared with another process. --jobs 1 → --jobs 2: {t['ratio']:.2f}× in wall time with "
            f"{j1['cpu_s']:.2f} → {j2['cpu_s']:.2f} CPU seconds in all processes.",
        ]
    if "profile" in res:
        lines += ["", "### Where the time goes (--jobs 1, cProfile, cumulative seconds)", "",
                  "| part | s |", "|---|---:|"]
        lines += [f"| {k} | {v:.3f} |" for k, v in res["profile"].items()]
    if mem:
        lines += ["", "### Memory", "", "| files | peak RSS, largest process (MB) | main process (MB) | largest worker (MB) | "
                  "reports/s | findings.csv (MB) | cache (MB) |", "|---:|---:|---:|---:|---:|---:|---:|"]
        for k in (k for k in mem if k.isdigit()):
            m = mem[k]
            lines.append(f"| {int(k):,} | {m['rss_mb']:.1f} | {m['main_mb']:.1f} | {m['worker_mb']:.1f} | {m['rate']:,.0f} | "
                         f"{m['findings_csv_mb']:.2f} | {m['cache_mb']:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the 500 → 5,000 memory runs")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--section", type=Path, default=None, help="write the section (JSON) for bench/all.py here")
    parser.add_argument("--write", action="store_true", help="save the section and re-assemble docs/performance.md")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        src, out, jobs, profile = args.child
        child(src, out, int(jobs), profile == "1")
        return 0
    started = time.perf_counter()
    n = 400 if args.quick else 2000
    rounds = 1 if args.quick else args.rounds
    res: dict[str, Any] = {"n": n, "rounds": rounds, "cpus": os.cpu_count(),
                           "load": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
                           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    src = OUT / f"in-{n}"
    say(f"generating {n} reports into {src} …")
    res["inputs"] = make_inputs(src, n)
    compile_bytecode()
    say("engine ceiling …")
    res["ceiling"] = engine_ceiling(src)
    say("throughput, --jobs 1 and --jobs 2 …")
    res["throughput"] = throughput(src, n, rounds)
    say("profile of --jobs 1 …")
    res["profile"] = in_process(src, OUT / "out-profile", 1, profile=True)["profile"]
    say("stop half way and resume …")
    half = max(0.3, res["throughput"]["jobs2"]["median_s"] / 2)  # half way through a --jobs 2 run
    res["resume"] = [resume(src, n, half, signal.SIGTERM), resume(src, n, half, signal.SIGKILL)]
    if not args.no_memory:
        say("memory, 500 → 5,000 files …")
        sizes = (100, 1000) if args.quick else (500, 5000)
        res["memory"] = memory(sizes, 1 if args.quick else 2)
    targets = targets_of(res)
    md = markdown(res, targets)
    print(md)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), "utf-8")
    sec = section("audit", 4, "gongkai audit", command_line("audit_bench.py"), time.perf_counter() - started,
                  targets, md, quick=args.quick)
    save_section(sec, args.section, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
