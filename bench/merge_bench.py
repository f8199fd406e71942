"""How fast ``merge`` sums many agencies' reports (target: 500 reports in under 2 s).

    .venv/bin/python bench/merge_bench.py            # 500 reports, 2021 edition
    .venv/bin/python bench/merge_bench.py --n 2000   # more
    .venv/bin/python bench/merge_bench.py --check    # exit 1 when over the target
    .venv/bin/python bench/merge_bench.py --write    # … and re-assemble docs/performance.md

Reports are generated deterministically (random.Random(2024)): every table filled, amounts in
万元 with up to four decimals and their printed text, 2 % of the reports with a blank cell, a
few duplicated agencies. Timing: one warm-up, then time.perf_counter over ``merge`` alone (the
reports are built beforehand), five rounds, the median and the best reported. ``diff_reports``
of two of them is timed beside it. With ``--section``/``--write`` the same reports are also
written as plain-text files and merged end to end by ``gongkai merge`` (start-up, reading 500
files, merging, writing the JSON), and merge is timed at 4 × n to show how it scales.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    OUT,
    ROOT,
    command_line,
    factor_text,
    profile,
    profile_markdown,
    save_section,
    section,
    target,
    verdict,
)

from gongkai.report.diff import diff_reports  # noqa: E402
from gongkai.report.editions import EDITIONS  # noqa: E402
from gongkai.report.merge import merge  # noqa: E402
from gongkai.report.model import Cell, Report, Section  # noqa: E402

TARGET_S = 2.0
ROUNDS = 5


def make_report(rng: random.Random, n: int, edition: str = "2021", year: int = 2024) -> Report:
    spec = EDITIONS[edition]
    agency = f"某某市第{n % 480}区人民政府"  # a few names repeat: duplicate warnings
    table2: dict[str, dict[str, Cell]] = {}
    for row in spec.table2:
        cols: dict[str, Cell] = {}
        for column, money in zip(row.columns, row.money, strict=True):
            if money:
                value = round(rng.randrange(0, 10**8) / 10**4, 4)
                cols[column] = Cell(value, f"{value:.4f}".rstrip("0").rstrip("."))
            else:
                count = rng.randrange(0, 500)
                cols[column] = Cell(count, str(count))
        table2[row.key] = cols
    leaves = [[rng.choice((0, 0, 0, rng.randrange(0, 30))) for _ in range(6)] for _ in spec.outcome_rows]
    done = [sum(r[c] for r in leaves) for c in range(6)]
    carried_out = [rng.randrange(0, 5) for _ in range(6)]
    carried_in = [min(rng.randrange(0, 5), done[c] + carried_out[c]) for c in range(6)]
    new = [done[c] + carried_out[c] - carried_in[c] for c in range(6)]
    rows = [new, carried_in, *leaves, done, carried_out]
    table3 = tuple(tuple(Cell(v, str(v)) for v in (*r, sum(r))) for r in rows)
    if rng.random() < 0.02:  # a blank cell now and then
        r, c = rng.randrange(len(table3)), rng.randrange(7)
        cells = list(table3[r])
        cells[c] = Cell(None)
        table3 = (*table3[:r], tuple(cells), *table3[r + 1 :])
    t4: list[Cell] = []
    for _ in range(3):
        block = [rng.randrange(0, 4) for _ in range(4)]
        t4 += [Cell(v, str(v)) for v in (*block, sum(block))]
    return Report(
        agency=agency,
        year=year,
        edition=edition,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        sections=tuple(Section(s.number, s.number, s.title, 0, "……") for s in spec.sections),
        table2=table2,
        table3=table3,
        table4=tuple(t4),
        period_years=(year,),
        source=f"r{n:04d}.txt",
    )


def timed(fn: object, rounds: int = ROUNDS) -> list[float]:
    assert callable(fn)
    fn()
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def command(reports: list[Report], rounds: int) -> dict[str, Any]:
    """``gongkai merge`` over the reports written as text files: wall seconds of the command."""
    from gongkai.report.writers import write_text

    folder = OUT / "merge"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    for i, report in enumerate(reports):
        path = folder / f"r{i:04d}.txt"
        path.write_text(write_text(report), "utf-8")
        files.append(str(path))
    gongkai = str(Path(sys.executable).parent / "gongkai")
    args = [gongkai, "merge", *files, "-o", str(OUT / "merge-out.json"), "--agency", "某某市"]
    walls, status, err = [], 0, ""
    for _ in range(rounds):
        start = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        status, err = proc.returncode, proc.stderr.decode(errors="replace")
    one = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([gongkai, "merge", *files[:2], "-o", str(OUT / "merge-two.json")], capture_output=True, cwd=ROOT)
        one.append(time.perf_counter() - start)
    return {"files": len(files), "kb": sum(Path(f).stat().st_size for f in files) / len(files) / 1024,
            "median": statistics.median(walls), "best": min(walls), "status": status,
            "stderr": err.strip().splitlines()[-3:], "two_files": statistics.median(one)}


def run_all(n: int, quick: bool) -> dict[str, Any]:
    rng = random.Random(2024)
    reports = [make_report(rng, i) for i in range(n)]
    result = merge(reports, "某某市")
    merge_times = timed(lambda: merge(reports, "某某市"))
    old = make_report(random.Random(1), 1, year=2023)
    new = make_report(random.Random(2), 1, year=2024)
    diff_times = timed(lambda: diff_reports(old, new), 20)
    res: dict[str, Any] = {
        "n": n,
        "edition": result.report.edition,
        "median": statistics.median(merge_times),
        "best": min(merge_times),
        "blanks": len(result.blanks),
        "duplicates": len(result.duplicates),
        "diff_ms": statistics.median(diff_times) * 1000,
    }
    big = reports + [make_report(rng, n + i) for i in range(3 * n)]
    big_times = timed(lambda: merge(big, "某某市"), 1 if quick else 3)
    res["big"] = {"n": len(big), "median": statistics.median(big_times)}
    res["command"] = command(reports, 1 if quick else 3)
    res["profile"] = None
    if res["median"] >= TARGET_S or res["command"]["median"] >= TARGET_S:
        res["profile"] = profile(lambda _: merge(reports, "某某市"), [None])
    return res


def targets_of(res: dict[str, Any]) -> list[dict[str, Any]]:
    n, c = res["n"], res["command"]
    return [
        target("3", f"merge of {n:,} reports < {TARGET_S:.0f} s (merge(), reports in memory)", res["median"],
               TARGET_S, "max", f"{res['median'] * 1000:,.0f} ms (best {res['best'] * 1000:,.0f} ms)"),
        target("3", f"`gongkai merge` of {c['files']:,} report files < {TARGET_S:.0f} s (end to end: start-up, read, merge, write)",
               c["median"], TARGET_S, "max", f"{c['median']:.2f} s (best {c['best']:.2f} s)"),
    ]


def markdown(res: dict[str, Any], targets: list[dict[str, Any]]) -> str:
    n, c, big = res["n"], res["command"], res["big"]
    L = ["## Merge: many agencies' reports into one (issue 3) — `bench/merge_bench.py`", ""]
    L.append(
        f"Method: {n:,} reports of the {res['edition']} edition generated in memory (`random.Random(2024)`: "
        "every table filled, amounts in 万元 with up to four decimals, 2 % of the reports with a blank "
        "cell, some agencies twice); `merge(reports, \"某某市\")` timed with time.perf_counter after one "
        f"warm-up, median of {ROUNDS} rounds (best in brackets). The same reports written as plain-text "
        f"files (`write_text`, {c['kb']:.1f} KB each) are then merged by the command, "
        f"`gongkai merge r0000.txt … -o merged.json`, timed as a whole (wall time of the process)."
    )
    L += ["", "### Targets", "", "| target | measured | result | factor |", "|---|---|---|---:|"]
    for t in targets:
        L.append(f"| {t['target']} | {t['measured']} | {verdict(t)} | {factor_text(t)} |")
    L += [
        "",
        "### Figures",
        "",
        "| measurement | figure |",
        "|---|---:|",
        f"| merge() of {n:,} reports, median (best) | {res['median'] * 1000:,.1f} ms ({res['best'] * 1000:,.1f} ms) |",
        f"| per report | {res['median'] / n * 1e6:,.0f} µs |",
        f"| merge() of {big['n']:,} reports (4 ×), median | {big['median'] * 1000:,.1f} ms "
        f"({big['median'] / res['median']:.2f} × the time of {n:,}) |",
        f"| `gongkai merge` of {c['files']:,} files, median (best) | {c['median']:.2f} s ({c['best']:.2f} s), exit status {c['status']} |",
        f"| `gongkai merge` of 2 files (start-up and one write: the fixed cost) | {c['two_files']:.2f} s |",
        f"| diff_reports of two reports, median of 20 | {res['diff_ms']:.2f} ms |",
        "",
        f"The merged report of {n:,}: {res['blanks']} blank cells kept blank, {res['duplicates']} agencies "
        "named twice (warnings). The command's time beyond the fixed cost is reading the files "
        f"(≈ {(c['median'] - c['two_files']) / c['files'] * 1000:.2f} ms per file), which bench/run.py "
        "measures per format.",
        "",
    ]
    if res["profile"]:
        L += profile_markdown(res["profile"], "### Profile: merge() (missed target)", "merge() calls")
    return "\n".join(L) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--check", action="store_true", help="exit 1 when the median is over the target")
    parser.add_argument("--quick", action="store_true", help="one round of the slower parts (smoke test)")
    parser.add_argument("--section", type=Path, default=None, help="write the section (JSON) for bench/all.py here")
    parser.add_argument("--write", action="store_true", help="save the section and re-assemble docs/performance.md")
    args = parser.parse_args(argv)
    if not (args.section or args.write):  # the plain figures, as before
        rng = random.Random(2024)
        reports = [make_report(rng, i) for i in range(args.n)]
        result = merge(reports, "某某市")
        merge_times = timed(lambda: merge(reports, "某某市"))
        old = make_report(random.Random(1), 1, year=2023)
        new = make_report(random.Random(2), 1, year=2024)
        diff_times = timed(lambda: diff_reports(old, new), 20)
        median = statistics.median(merge_times)
        print(f"merge of {args.n} reports ({result.report.edition} edition): "
              f"median {median * 1000:.0f} ms, best {min(merge_times) * 1000:.0f} ms "
              f"(target < {TARGET_S:.0f} s; {len(result.blanks)} blank cells, {len(result.duplicates)} duplicated agencies)")
        print(f"diff of two reports: median {statistics.median(diff_times) * 1000:.2f} ms")
        return 1 if args.check and median >= TARGET_S else 0
    started = time.perf_counter()
    res = run_all(args.n, args.quick)
    targets = targets_of(res)
    md = markdown(res, targets)
    print(md)
    sec = section("merge", 3, "Merge", command_line("merge_bench.py"), time.perf_counter() - started,
                  targets, md, quick=args.quick)
    save_section(sec, args.section, args.write)
    return 1 if args.check and res["median"] >= TARGET_S else 0


if __name__ == "__main__":
    sys.exit(main())
