"""The in-process half of the platform benchmark, run once per database in its own process
(``DATABASE_URL`` set by platform_bench.py): load the data when asked, then time the dashboard
through the full middleware stack (django.test.Client), the case page likewise, table 三 and
四 for one agency and for all agencies, and a bare GROUP BY for reference. Prints nothing on
stdout; writes one JSON file.

    python bench/platform_inproc.py load    --scale full --stamp HASH
    python bench/platform_inproc.py measure --scale full --out FILE [--rounds 15]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import django  # noqa: E402

django.setup()

import platform_data  # noqa: E402
import platform_db  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

LARGEST = 2  # agency id of the largest agency (platform_data._sizes)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


BUDGET_S = 20.0  # per figure: a slow one stops after this long (with at least 3 rounds)


def timed(fn: Callable[[], object], rounds: int, warmup: int = 2) -> dict[str, Any]:
    for _ in range(warmup):
        fn()
    times: list[float] = []
    cpu: list[float] = []  # this process's CPU time: far below the wall time when the cores are shared
    began = time.perf_counter()
    while len(times) < rounds and (len(times) < 3 or time.perf_counter() - began < BUDGET_S):
        gc.collect()
        start, cpu_start = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    return {"median": statistics.median(times), "best": min(times), "worst": max(times), "rounds": len(times),
            "cpu": statistics.median(cpu)}


def top_profile(fn: Callable[[], object], n: int = 3, lines: int = 18) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(n):
        fn()
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("cumulative").print_stats(lines)
    text = out.getvalue()
    text = text[text.find("ncalls"):] if "ncalls" in text else text
    return text.replace(str(HERE.parent) + "/", "").replace(sys.prefix + "/", "")


def explain(sqls: list[str], params: list[Any] | None = None) -> list[dict[str, str]]:
    out = []
    with connection.cursor() as cursor:
        for sql, args in zip(sqls, params or [None] * len(sqls), strict=True):
            prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS OFF) "
            cursor.execute(prefix + sql, args)
            rows = cursor.fetchall()
            plan = "\n".join(str(r[-1]) if connection.vendor == "sqlite" else str(r[0]) for r in rows)
            out.append({"sql": sql, "plan": plan})
    return out


def page(client: Client, url: str) -> Callable[[], object]:
    def get() -> object:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: HTTP {response.status_code}")
        return response

    return get


def measure(scale_name: str, rounds: int) -> dict[str, Any]:
    from gongkai.agencies.models import User
    from gongkai.applications.counting import table3
    from gongkai.applications.models import Application
    from gongkai.litigation.counting import table4

    res: dict[str, Any] = {"vendor": connection.vendor, "scale": scale_name}
    res["rows"] = platform_db.table_sizes(["applications_application", "applications_caseevent",
                                           "litigation_remedy", "agencies_agency"])
    res["largest_cases"] = Application.objects.filter(agency_id=LARGEST).count()
    officer = User.objects.get(username=f"officer{LARGEST}")
    client = Client()
    client.force_login(officer)

    # (a) the dashboard of the largest agency, and the case page, through every middleware.
    say("   dashboard")
    dashboard = reverse("applications:dashboard")
    res["dashboard"] = _page_figures(client, dashboard, rounds)
    recent = list(Application.objects.filter(agency_id=LARGEST, events__isnull=False)
                  .order_by("-received_on", "-id").values_list("pk", flat=True).distinct()[:200])
    try:
        res["detail_url"] = reverse("applications:detail", kwargs={"pk": recent[0]})
        res["detail_paths"] = [reverse("applications:detail", kwargs={"pk": pk}) for pk in recent[:100]]
        res["detail"] = _page_figures(client, res["detail_url"], rounds)
    except NoReverseMatch:
        res["detail_url"] = None
    res["dashboard_url"] = dashboard

    # (b) table 三 and 四 for last year: the largest agency, and every agency one by one.
    say("   table 三 and 四")
    year = dt.date.today().year - 1
    res["year"] = year
    one = {"t3": lambda: table3(year, [LARGEST]), "t4": lambda: table4(year, [LARGEST])}
    every = {"t3": lambda: table3(year, per_agency=True), "t4": lambda: table4(year, per_agency=True)}
    res["count_one"] = {k: timed(f, rounds) for k, f in one.items()}
    res["count_one"]["both"] = timed(lambda: (one["t3"](), one["t4"]()), rounds, warmup=1)
    say("   table 三 and 四, all agencies")
    res["count_all"] = {k: timed(f, rounds) for k, f in every.items()}
    res["count_all"]["both"] = timed(lambda: (every["t3"](), every["t4"]()), rounds, warmup=1)
    totals = table3(year)[None]
    res["year_new_cases"] = sum(totals["R01"].values())
    say("   plans and profile")
    with CaptureQueriesContext(connection) as ctx:
        table3(year, [LARGEST])
        table4(year, [LARGEST])
        table3(year, per_agency=True)
        table4(year, per_agency=True)
    res["count_sql"] = [q["sql"] for q in ctx.captured_queries]
    res["explain"] = explain(res["count_sql"])
    res["profile_count_all"] = top_profile(lambda: (every["t3"](), every["t4"]()), n=1)
    bare = ("SELECT agency_id, applicant_type, count(*) FROM applications_application "
            "GROUP BY agency_id, applicant_type")

    def group_by() -> None:
        with connection.cursor() as cursor:
            cursor.execute(bare)
            cursor.fetchall()

    res["bare_group_by"] = timed(group_by, rounds) | {"sql": bare}

    # A signed-in officer's session for the HTTP half (in the database; with Redis, cached there too).
    http_client = Client()
    http_client.force_login(officer)
    res["session_cookie"] = f"sessionid={http_client.cookies['sessionid'].value}"
    return res


def _page_figures(client: Client, url: str, rounds: int) -> dict[str, Any]:
    get = page(client, url)
    response: Any = get()
    queries: list[tuple[str, Any, float]] = []

    def log(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((sql, params, (time.perf_counter() - start) * 1000))

    with connection.execute_wrapper(log):
        get()
    figures = timed(get, rounds)
    slowest = sorted((q for q in queries if q[0].lstrip().upper().startswith("SELECT")), key=lambda q: -q[2])[:3]
    figures.update(url=url, bytes=len(response.content), queries=len(queries),
                   sql=[q[:400] for q, _, _ in queries], sql_ms=[ms for _, _, ms in queries],
                   slowest=[{"ms": ms, **explain([sql], [params])[0]} for sql, params, ms in slowest],
                   profile=top_profile(get, n=5))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["load", "measure"])
    parser.add_argument("--scale", default="full")
    parser.add_argument("--stamp", default="")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    scale = {"full": platform_data.FULL, "quick": platform_data.QUICK, "tiny": platform_data.TINY}[args.scale]
    if args.action == "load":
        start = time.perf_counter()
        data = platform_data.generate(scale, today=dt.date.today())
        counts = platform_db.load(data, args.stamp, say=say)
        say(f"  {connection.vendor}: {counts} in {time.perf_counter() - start:.0f} s")
        return 0
    result = measure(args.scale, args.rounds)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
