"""The platform's benchmarks (issue 4) on realistic generated data, SQLite and PostgreSQL.

    .venv/bin/python bench/platform_bench.py            # 200 agencies, 1,000,000 cases, both databases
    .venv/bin/python bench/platform_bench.py --quick    # 30 agencies, 30,000 cases, short HTTP runs
    .venv/bin/python bench/platform_bench.py --write    # … and re-assemble docs/performance.md
    .venv/bin/python bench/platform_bench.py --db sqlite --rebuild

Data (bench/platform_data.py): a county of 200 agencies in a tree, Zipf-skewed case loads
totalling 1,000,000 cases since 2022, the largest agency exactly 100,000, with histories for
that agency's cases and reconsiderations/lawsuits, stored in order of arrival with the
agencies mixed (as a shared platform stores them). Loaded by executemany (SQLite, a file under
bench/out/platform/) or COPY (PostgreSQL, database ``gongkai_bench`` on 127.0.0.1:5432) after
``migrate``, then analysed; kept between runs until the generator or a migration changes
(bench/platform_db.py).

Measured (bench/platform_inproc.py, one process per database): (a) the dashboard of the
largest agency through the full middleware stack (django.test.Client, signed in as its
officer); (b) ``table3`` and ``table4`` of last year for that agency and for every agency
(``per_agency=True``); a bare GROUP BY for reference. Then (bench/platform_http.py) (c) the
case page ``applications:detail`` of that agency's recent cases under gunicorn (sync and
gthread workers) with ``wrk`` and the officer's session cookie, beside a trivial page of the
same size on the same server, with and without the middleware.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import platform_data  # noqa: E402
import platform_db  # noqa: E402
import platform_http  # noqa: E402
import platform_report  # noqa: E402
from common import command_line, load, now, save_section, say, section  # noqa: E402

KINDS = ("sqlite", "postgresql")
# (worker class, workers, threads): 2 sync workers = one per core; 5 = gunicorn's 2n + 1;
# gthread overlaps the database waits inside one process.
CONFIGS = [("sync", 2, 1), ("sync", 5, 1), ("gthread", 2, 4)]


def ensure(kind: str, scale: platform_data.Scale, rebuild: bool) -> dict[str, Any]:
    stamp = platform_db.fingerprint(repr(scale))
    if not rebuild and platform_db.is_current(kind, scale.name, stamp):
        say(f"== {kind}: generated database {stamp} reused")
        return {"reused": True, "stamp": stamp, "seconds": 0.0}
    say(f"== {kind}: building the {scale.name} database ({scale.total:,} cases)")
    start = time.perf_counter()
    platform_db.fresh(kind, scale.name)
    subprocess.run([sys.executable, str(HERE / "platform_inproc.py"), "load", "--scale", scale.name,
                    "--stamp", stamp], env=platform_db.child_env(kind, scale.name), check=True)
    seconds = time.perf_counter() - start
    say(f"== {kind}: built in {seconds:.0f} s")
    return {"reused": False, "stamp": stamp, "seconds": seconds}


def in_process(kind: str, scale: platform_data.Scale, rounds: int) -> dict[str, Any]:
    out = platform_db.OUT / f"inproc-{kind}-{scale.name}.json"
    out.unlink(missing_ok=True)
    say(f"== {kind}: dashboard, case page, table 三 and 四 in process ({rounds} rounds)")
    subprocess.run([sys.executable, str(HERE / "platform_inproc.py"), "measure", "--scale", scale.name,
                    "--out", str(out), "--rounds", str(rounds)], env=platform_db.child_env(kind, scale.name),
                   check=True)
    return json.loads(out.read_text("utf-8"))


def over_http(kind: str, scale: platform_data.Scale, inproc: dict[str, Any], configs: list[tuple[str, int, int]],
              seconds: int, connections: int) -> dict[str, Any]:
    """The case page (the dashboard until the case page exists) under gunicorn."""
    if inproc.get("detail_url"):
        paths, page, size = inproc["detail_paths"], "case page", inproc["detail"]["bytes"]
    else:
        paths, page, size = [inproc["dashboard_url"]], "dashboard (no case page yet)", inproc["dashboard"]["bytes"]
    env = platform_db.child_env(kind, scale.name)
    runs = []
    for worker_class, workers, threads in configs:
        label = f"{worker_class} × {workers}" + (f", {threads} threads" if threads > 1 else "")
        say(f"== {kind}: {page} under gunicorn {label}, {seconds} s")
        with platform_http.server(env, workers, worker_class, threads, page_bytes=size) as base:
            status = [platform_http.check(base, p, inproc["session_cookie"])[0] for p in paths[:5]]
            if any(s != 200 for s in status):
                raise RuntimeError(f"{page} answered {status} under gunicorn (expected 200)")
            before = load()
            result = platform_http.load(base, paths, inproc["session_cookie"], seconds, connections)
        runs.append(result | {"config": label, "workers": workers, "threads": threads,
                              "worker_class": worker_class, "load_before": before})
        say(f"   {result['rps']:.0f} requests/s, p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms")
    best = max(runs, key=lambda r: r["rps"])
    return {"page": page, "bytes": size, "paths": len(paths), "runs": runs, "best": best}


def reference(kind: str, scale: platform_data.Scale, inproc: dict[str, Any], best: dict[str, Any],
              seconds: int, connections: int) -> list[dict[str, Any]]:
    """A trivial view of the case page's size on the same server: with the full middleware
    stack (and the session cookie), and with none (``bare Django``)."""
    size = (inproc.get("detail") or inproc["dashboard"])["bytes"]
    env = platform_db.child_env(kind, scale.name)
    out = []
    for bare in (False, True):
        what = "trivial view, no middleware" if bare else "trivial view, full middleware"
        say(f"== reference: {what}, gunicorn {best['config']}")
        with platform_http.server(env, best["workers"], best["worker_class"], best["threads"], bare=bare,
                                  page_bytes=size) as base:
            before = load()
            result = platform_http.load(base, ["/bench/bare/"], inproc["session_cookie"], seconds, connections)
        out.append(result | {"what": what, "config": best["config"], "load_before": before})
        say(f"   {result['rps']:.0f} requests/s")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="30,000 cases, 3 rounds, 3-second HTTP runs")
    parser.add_argument("--db", choices=KINDS, nargs="+", default=list(KINDS))
    parser.add_argument("--rebuild", action="store_true", help="regenerate the databases even when current")
    parser.add_argument("--seconds", type=int, default=None, help="length of each wrk run (10; 3 with --quick)")
    parser.add_argument("--no-http", action="store_true", help="skip gunicorn and wrk")
    parser.add_argument("--section", type=Path, default=None, help="write the section (JSON) for bench/all.py here")
    parser.add_argument("--write", action="store_true", help="save the section and re-assemble docs/performance.md")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing: the section again from the last run's saved figures")
    args = parser.parse_args(argv)
    scale = platform_data.QUICK if args.quick else platform_data.FULL
    if args.report_only:
        res = json.loads((platform_db.OUT / f"result-{scale.name}.json").read_text("utf-8"))
        res["scale"] = platform_data.Scale(**res["scale"])
        return report(res, args, time.perf_counter())
    rounds = 5 if args.quick else 15
    seconds = args.seconds or (3 if args.quick else 10)
    configs = CONFIGS[:1] if args.quick else CONFIGS
    connections = 8
    started = time.perf_counter()
    res: dict[str, Any] = {"scale": scale, "quick": args.quick, "load_before": load(), "dbs": {},
                           "wrk": platform_http.have_wrk(), "seconds": seconds, "connections": connections,
                           "pg_redis": "postgresql" in args.db and platform_db.redis_reachable()}
    for kind in args.db:
        build = ensure(kind, scale, args.rebuild)
        res["dbs"][kind] = {"build": build, "inproc": in_process(kind, scale, rounds)}
    if not args.no_http:
        for kind in args.db:
            entry = res["dbs"][kind]
            entry["http"] = over_http(kind, scale, entry["inproc"], configs, seconds, connections)
        first = args.db[0]
        res["reference"] = reference(first, scale, res["dbs"][first]["inproc"], res["dbs"][first]["http"]["best"],
                                     seconds, connections)
    res.update(seconds_total=time.perf_counter() - started, finished=now(), load_end=load())
    saved = platform_db.OUT / f"result-{scale.name}.json"
    saved.write_text(json.dumps(res | {"scale": dataclasses.asdict(scale)}, ensure_ascii=False, indent=1), "utf-8")
    return report(res, args, started)


def report(res: dict[str, Any], args: argparse.Namespace, started: float) -> int:
    targets = platform_report.targets_of(res)
    md = platform_report.markdown(res, targets)
    print(md)
    seconds = res.get("seconds_total") or time.perf_counter() - started
    command = command_line("platform_bench.py").replace(" --report-only", "")  # the run it reports
    sec = section("platform", 5, "Platform (issue 4)", command,
                  seconds, targets, md, quick=args.quick)
    sec.update(date=res.get("finished", sec["date"]), load=res.get("load_end", sec["load"]))
    save_section(sec, args.section, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
