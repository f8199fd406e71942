"""Instructions of ``gongkai audit``'s main process, phase by phase (callgrind: load-independent).

    .venv/bin/python bench/audit_phases.py                  # 400 reports, --jobs 2
    .venv/bin/python bench/audit_phases.py --files 2000 --jobs 1

Runs ``run_audit`` under ``valgrind --tool=callgrind`` in a child process with a ``time.sleep(0)``
marker around each phase (``_plan``, ``_check_all``, ``Across``, ``_write_outputs`` and, inside it,
``render_html``); ``--dump-before=time_sleep`` writes the counts at each marker (and zeroes
them), so that each phase's instructions (Ir) of the main process come out apart. Worker
processes are forked children: their counts start at the last marker before the fork (the
start of the check phase), so their totals are their own work, to within a few instructions. The inputs are bench/audit_bench.py's (made there if absent); bytecode is
compiled by a first run outside valgrind, as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PHASES = ("_plan", "_check_all", "Across", "_write_outputs", "render_html")
# The dumps, in order, between the markers: what each one holds.
LABELS = ("start-up (interpreter, imports)", "run_audit before the plan (folder, dismissals, discovery, cache index)",
          "plan", "—", "check phase (pool, results, cache, spool)", "—", "checks across reports",
          "outputs: set-up (Collector, temporary files)", "outputs: every file in order (CSV rows, counts)",
          "outputs: audit.html", "outputs: commit, page written", "after run_audit (cache compaction, close)")


def child(src: str, out: str, jobs: int) -> None:
    from gongkai.report.audit import run

    def mark() -> None:
        time.sleep(0)

    def wrap(name: str) -> None:
        inner = getattr(run, name)

        def wrapped(*args: object, **kwargs: object) -> object:
            mark()
            try:
                return inner(*args, **kwargs)
            finally:
                mark()

        setattr(run, name, wrapped)

    for name in PHASES:
        wrap(name)
    shutil.rmtree(out, ignore_errors=True)
    mark()
    run.run_audit([src], out, jobs=jobs)
    mark()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    from audit_bench import OUT, make_inputs

    src = OUT / f"in-{args.files}"
    make_inputs(src, args.files)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(HERE / "out" / "pycache")
    me = [sys.executable, str(Path(__file__).resolve()), "--child"]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*me, str(src), f"{tmp}/warm", str(args.jobs)], env=env, check=True, capture_output=True)
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.%p", "--dump-before=time_sleep",
                        *me, str(src), f"{tmp}/out", str(args.jobs)], env=env, check=True, capture_output=True)
        files = sorted(p.name for p in Path(tmp).glob("cg.*"))
        pids = sorted({int(name.split(".")[1]) for name in files})
        main_pid = pids[0]

        def ir(name: str) -> int:
            m = re.search(r"^summary: (\d+)", (Path(tmp) / name).read_text(), re.M)
            return int(m.group(1)) if m else 0

        parts = sorted((n for n in files if n.startswith(f"cg.{main_pid}.")), key=lambda n: int(n.split(".")[2]))
        print(f"{args.files} reports, --jobs {args.jobs}: instructions (Ir) of the main process by phase")
        total = 0
        for i, name in enumerate(parts):
            count = ir(name)
            total += count
            label = LABELS[i] if i < len(LABELS) else "?"
            if label != "—" or count > 1_000_000:
                print(f"  {label:<75} {count / 1e6:>9,.1f} M")
        last = ir(f"cg.{main_pid}")
        total += last
        print(f"  {'interpreter shutdown':<75} {last / 1e6:>9,.1f} M")
        print(f"  {'main process, all':<75} {total / 1e6:>9,.1f} M")
        for pid in pids[1:]:
            print(f"  {f'worker {pid}, all':<75} {sum(ir(n) for n in files if n.split('.')[1] == str(pid)) / 1e6:>9,.1f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
