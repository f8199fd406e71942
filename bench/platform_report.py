"""The platform benchmark's targets (issue 4) and its section of docs/performance.md."""

from __future__ import annotations

import re
from typing import Any

from common import factor_text, target, verdict
from platform_db import pg_name

ISSUE = "4"
DASHBOARD_MS = 200.0
COUNT_MS = {"sqlite": 200.0, "postgresql": 100.0}
CASE_PAGE_RPS = 300.0
NAME = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _ms(t: dict[str, Any]) -> str:
    cpu = f"; CPU {t['cpu']:.1f}" if "cpu" in t else ""
    return f"{t['median']:.1f} ms (best {t['best']:.1f}{cpu})"


def targets_of(res: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    largest = res["scale"].largest
    total = res["scale"].total
    for kind, entry in res["dbs"].items():
        ip = entry["inproc"]
        d = ip["dashboard"]
        rows.append(target(ISSUE, f"dashboard of the agency with {largest:,} cases < {DASHBOARD_MS:.0f} ms "
                                  f"({NAME[kind]})", d["median"], DASHBOARD_MS, "max",
                           f"{_ms(d)}, {d['queries']} queries"))
        for scope, key in (("one agency", "count_one"), ("all agencies, per agency", "count_all")):
            t = ip[key]["both"]
            rows.append(target(ISSUE, f"table 三 + 四, {scope}, a year of {total:,} cases < "
                                      f"{COUNT_MS[kind]:.0f} ms ({NAME[kind]})", t["median"], COUNT_MS[kind],
                               "max", _ms(t)))
    for kind, entry in res["dbs"].items():
        http = entry.get("http")
        if http:
            best = http["best"]
            rows.append(target(ISSUE, f"{http['page']} ≥ {CASE_PAGE_RPS:.0f} requests/s on 2 cores, gunicorn, "
                                      f"full middleware ({NAME[kind]})", best["rps"], CASE_PAGE_RPS, "min",
                               f"{best['rps']:,.0f}/s ({best['config']}), p50 {best['p50_ms']:.1f} ms"))
    return rows


def markdown(res: dict[str, Any], targets: list[dict[str, Any]]) -> str:
    scale = res["scale"]
    L = ["## Platform: the case database and pages (issue 4) — `bench/platform_bench.py`", ""]
    first = next(iter(res["dbs"].values()))["inproc"]
    L.append(
        f"Generated data (`bench/platform_data.py`, deterministic): {scale.agencies} agencies in a county tree "
        f"(government, departments, townships, sub-offices), Zipf-skewed case loads totalling "
        f"{first['rows']['applications_application']:,} cases received since {scale.first_year} (the largest "
        f"agency exactly {first['largest_cases']:,}), {first['rows']['applications_caseevent']:,} case events "
        f"(the largest agency's histories) and {first['rows']['litigation_remedy']:,} reconsiderations and "
        f"lawsuits; 86 % 自然人, every outcome row R03–R23 in a county-report mix, ~1.5 % of the cases open and "
        f"some of those overdue, year-end carry-overs; rows stored in order of arrival with the agencies "
        f"mixed, as on a shared platform (ids rise with time). Loaded after `migrate` with executemany (SQLite, "
        f"WAL) or COPY (PostgreSQL), then ANALYZE; the databases are reused until the generator or a "
        f"migration changes. In-process timings go through the full middleware stack "
        f"(`django.test.Client`, signed in as the largest agency's officer); each figure is the median of "
        f"{first['dashboard']['rounds']} rounds after warm-ups (fewer, at least 3, for a figure whose "
        f"rounds pass 20 s), with the best beside it. Load average "
        f"before the run: {res['load_before']} (2 cores shared with other work: the lead re-runs on a quiet "
        f"machine)."
    )
    if res["quick"]:
        L += ["", f"**Quick run** ({scale.total:,} cases): a smoke test, not the issue's figures."]
    L += ["", "| database | data | rows | built |", "|---|---|---:|---|"]
    for kind, entry in res["dbs"].items():
        b = entry["build"]
        built = "reused (stamp " + b["stamp"] + ")" if b["reused"] else f"built in {b['seconds']:.0f} s"
        where = (f"bench/out/platform/{scale.name}.sqlite3" if kind == "sqlite"
                 else f"{pg_name(scale.name)} on 127.0.0.1:5432")
        L.append(f"| {NAME[kind]} | `{where}` | {entry['inproc']['rows']['applications_application']:,} cases | {built} |")

    L += ["", "### Targets", "", "| target | measured | result | factor |", "|---|---|---|---:|"]
    for t in targets:
        L.append(f"| {t['target']} | {t['measured']} | {verdict(t)} | {factor_text(t)} |")

    L += ["", "### Dashboard and case page, in process", ""]
    L.append("CPU is this process's CPU time per request: on SQLite it includes the database's work, on "
             "PostgreSQL only the client's (the server is another process). A wall time far above the CPU "
             "time on SQLite means the process waited for a core.")
    L += ["", "| database | page | median ms | best ms | worst ms | CPU ms | SQL queries | bytes |",
          "|---|---|---:|---:|---:|---:|---:|---:|"]
    for kind, entry in res["dbs"].items():
        for key, label in (("dashboard", "dashboard, 100,000-case agency"), ("detail", "case page")):
            p = entry["inproc"].get(key)
            if p:
                L.append(f"| {NAME[kind]} | {label} (`{p['url']}`) | {p['median']:.1f} | {p['best']:.1f} | "
                         f"{p['worst']:.1f} | {p.get('cpu', float('nan')):.1f} | {p['queries']} | {p['bytes']:,} |")
    if not first.get("detail_url"):
        L += ["", "The case page (`applications:detail`) did not exist at this run: the HTTP figures are the "
                  "dashboard's."]

    L += ["", f"### Table 三 and 四 for {first['year']}", ""]
    L.append(f"`table3(year, [agency])` and `table4(…)` for the largest agency, and `table3(year, per_agency=True)` "
             f"and `table4(…)` for every agency ({first['year_new_cases']:,} cases received that year). A bare "
             f"`{first['bare_group_by']['sql']}` over the whole table is the reference.")
    L += ["", "| database | scope | table 三 | table 四 | both | bare GROUP BY |", "|---|---|---:|---:|---:|---:|"]
    for kind, entry in res["dbs"].items():
        ip = entry["inproc"]
        for scope, key in (("one agency", "count_one"), ("all agencies", "count_all")):
            c = ip[key]
            L.append(f"| {NAME[kind]} | {scope} | {_ms(c['t3'])} | {_ms(c['t4'])} | {_ms(c['both'])} | "
                     f"{_ms(ip['bare_group_by'])} |")

    if any(e.get("http") for e in res["dbs"].values()):
        tool = "wrk" if res["wrk"] else "a multiprocess Python client (wrk is not installed)"
        L += ["", "### Requests per second under gunicorn", ""]
        L.append(f"gunicorn (`gongkai/project/gunicorn.conf.py`, the platform's settings and full middleware, "
                 f"plus one reference URL: `bench/platform_settings.py`) on the generated database; {tool} with "
                 f"{res['connections']} keep-alive connections for {res['seconds']} s per run and the officer's "
                 f"session cookie, cycling over the largest agency's 100 most recent cases. The load generator "
                 f"shares the 2 cores with the server. SQLite runs as one machine runs it (sessions in the "
                 f"database, file cache); PostgreSQL as production does (docs/deploy.md): "
                 f"{'with Redis (`REDIS_URL`) for the cache and the sessions (cached_db), on the same 2 cores' if res.get('pg_redis') else 'but without Redis, which was unreachable'}.")
        L += ["", "| database | page | gunicorn | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | bytes/response | load before |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|---|"]
        for kind, entry in res["dbs"].items():
            http = entry.get("http")
            for r in (http or {}).get("runs", []):
                L.append(_http_row(NAME[kind], http["page"], r))
        for r in res.get("reference", []):
            L.append(_http_row("—", r["what"], r))
    L += _misses(res, targets)
    return "\n".join(L) + "\n"


def _http_row(db: str, page: str, r: dict[str, Any]) -> str:
    return (f"| {db} | {page} | {r['config']} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p90_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['non_2xx']} | {r['bytes_per_response']:,.0f} | {r['load_before']} |")


def _misses(res: dict[str, Any], targets: list[dict[str, Any]]) -> list[str]:
    """For each missed target, what was slow: the profile, the queries and their plans."""
    L: list[str] = []
    for kind, entry in res["dbs"].items():
        ip = entry["inproc"]
        missed = [t["target"] for t in targets if not t["ok"] and f"({NAME[kind]})" in t["target"]]
        if any(m.startswith("dashboard") for m in missed):
            L += _page_profile(f"Dashboard on {NAME[kind]}", ip["dashboard"])
        if any("requests/s" in m for m in missed) and ip.get("detail"):
            L += _page_profile(f"Case page on {NAME[kind]}", ip["detail"])
        if any(m.startswith("table") for m in missed):
            L += ["", f"#### Table 三 and 四 on {NAME[kind]}: queries and plans", ""]
            for e in ip["explain"]:
                L += ["```sql", e["sql"], "```", "", f"Plan{_why(e['plan'])}:", "", "```", e["plan"], "```", ""]
            L += ["cProfile of `table3` + `table4`, all agencies (3 calls):", "", "```", ip["profile_count_all"].rstrip(), "```"]
    if L:
        L = ["", "### Where the time goes (missed targets)", *L]
    return L


def _page_profile(title: str, page: dict[str, Any]) -> list[str]:
    L = ["", f"#### {title}", "", f"{page['queries']} SQL queries in one request (ms each, execution without fetching):", ""]
    L += ["| ms | query |", "|---:|---|"]
    for ms, sql in zip(page["sql_ms"], page["sql"], strict=False):
        L.append(f"| {ms:.2f} | `{sql[:200].replace('|', '¦')}` |")
    for q in page.get("slowest", []):
        L += ["", f"Plan of a slow one ({q['ms']:.1f} ms){_why(q['plan'])}:", "", "```sql", q["sql"], "```", "",
              "```", q["plan"], "```"]
    L += ["", "cProfile of 5 requests, by cumulative time:", "", "```", page["profile"].rstrip(), "```"]
    return L


def _why(plan: str) -> str:
    """A plain reading of a plan: rows read only to be thrown away, or no covering index."""
    removed = sum(int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", plan))
    if removed:
        return f" — reads {removed:,} rows only to discard them: no index matches this filter"
    searches = [line for line in plan.splitlines() if "USING INDEX" in line and "COVERING" not in line]
    if any("<?" in line and ">?" not in line for line in searches):
        return " — an open-ended range (every earlier year), each row fetched from the table: no covering index"
    if searches:
        return " — each row in the range fetched from the table: no covering index"
    return ""
