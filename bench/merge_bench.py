"""How fast ``merge`` sums many agencies' reports (target: 500 reports in under 2 s).

    .venv/bin/python bench/merge_bench.py            # 500 reports, 2021 edition
    .venv/bin/python bench/merge_bench.py --n 2000   # more
    .venv/bin/python bench/merge_bench.py --check    # exit 1 when over the target

Reports are generated deterministically (random.Random(2024)): every table filled, amounts in
万元 with up to four decimals and their printed text, 2 % of the reports with a blank cell, a
few duplicated agencies. Timing: one warm-up, then time.perf_counter over ``merge`` alone (the
reports are built beforehand), five rounds, the median and the best reported. ``diff_reports``
of two of them is timed beside it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--check", action="store_true", help="exit 1 when the median is over the target")
    args = parser.parse_args()
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


if __name__ == "__main__":
    sys.exit(main())
