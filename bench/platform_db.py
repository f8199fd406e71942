"""The benchmark databases: made fresh, migrated, loaded fast, analysed, and kept between runs.

A database is rebuilt only when its stamp (a hash of the generator, this loader, every
migration and the scale, plus the build date) no longer matches: a new migration or a changed
generator rebuilds, a second ``make bench`` reuses. The stamp is a one-row table
``bench_stamp`` written after the load commits, so a half-built database is never reused.
Data older than 7 days is rebuilt too (the dashboard's "overdue" is relative to today).

``load(data)`` runs inside Django (the models say which columns exist); the rest is plain
sqlite3/psycopg so the parent process needs no settings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "platform"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
MAX_AGE_DAYS = 7


def sqlite_path(scale_name: str) -> Path:
    return OUT / f"{scale_name}.sqlite3"


def pg_name(scale_name: str) -> str:
    return "gongkai_bench" if scale_name == "full" else f"gongkai_bench_{scale_name}"


def database_url(kind: str, scale_name: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{sqlite_path(scale_name)}"
    return f"postgres://postgres@127.0.0.1:5432/{pg_name(scale_name)}"


# PostgreSQL runs as production runs it (docs/deploy.md): with Redis for the cache and the
# sessions (cached_db). A database of its own on the machine's Redis, so no test data mixes in.
BENCH_REDIS = "redis://127.0.0.1:6379/13"


def redis_reachable(url: str = BENCH_REDIS) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except Exception:  # noqa: BLE001 - any failure: run without it, and say so
        return False


def child_env(kind: str, scale_name: str) -> dict[str, str]:
    """The environment of every process that works on one benchmark database: SQLite as one
    machine runs it (no Redis), PostgreSQL as production does (with Redis, when reachable)."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "GONGKAI_DEBUG")}
    env.update(DATABASE_URL=database_url(kind, scale_name), DJANGO_SETTINGS_MODULE="gongkai.project.settings",
               GONGKAI_DATA_DIR=str(OUT / f"data-{kind}-{scale_name}"), PYTHONPATH=f"{ROOT}:{HERE}")
    if kind == "postgresql" and redis_reachable():
        env["REDIS_URL"] = BENCH_REDIS
    return env


def fingerprint(scale_repr: str) -> str:
    digest = hashlib.sha256(scale_repr.encode())
    files = [HERE / "platform_data.py", HERE / "platform_db.py",
             *sorted((ROOT / "gongkai").glob("*/migrations/0*.py"))]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stamp_of(kind: str, scale_name: str) -> tuple[str, dt.date] | None:
    """The stamp of the database on hand, or None (missing, half-built, unreachable)."""
    try:
        if kind == "sqlite":
            if not sqlite_path(scale_name).exists():
                return None
            with sqlite3.connect(sqlite_path(scale_name)) as con:
                row = con.execute("SELECT value, built_on FROM bench_stamp").fetchone()
        else:
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/{pg_name(scale_name)}", connect_timeout=5) as con:
                row = con.execute("SELECT value, built_on FROM bench_stamp").fetchone()
    except Exception:  # noqa: BLE001 - any failure means: build it
        return None
    return (row[0], dt.date.fromisoformat(str(row[1]))) if row else None


def is_current(kind: str, scale_name: str, stamp: str) -> bool:
    found = stamp_of(kind, scale_name)
    return found is not None and found[0] == stamp and (dt.date.today() - found[1]).days <= MAX_AGE_DAYS


def fresh(kind: str, scale_name: str) -> None:
    """An empty database with every migration applied (``manage.py migrate``)."""
    if kind == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path(scale_name)}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{pg_name(scale_name)}" WITH (FORCE)')
            con.execute(f'CREATE DATABASE "{pg_name(scale_name)}"')
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"],
                   env=child_env(kind, scale_name), cwd=ROOT, check=True)


# -- the load (inside Django) ---------------------------------------------------------------


def _columns(model: Any, sample: dict[str, Any], vendor: str) -> tuple[list[str], Callable[[dict[str, Any]], tuple]]:
    """The table's columns and a function turning a row dict into the tuple to insert.

    Fields the row does not name get the field's default (the primary key its sequence)."""
    from django.db import connection, models

    fields = [f for f in model._meta.concrete_fields if f.attname in sample or not f.primary_key]
    given = [f for f in fields if f.attname in sample]
    missing = [f for f in fields if f.attname not in sample]
    defaults = tuple(f.get_default() if f.has_default() or not f.null else None for f in missing)
    defaults = tuple(json.dumps(v) if isinstance(v, dict | list) else v for v in defaults)
    if vendor == "sqlite":  # what Django itself would store: ISO text, naive UTC date-times
        defaults = tuple(_sqlite_value(v, connection) for v in defaults)
    getter = operator.itemgetter(*[f.attname for f in given])
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    cache: dict[Any, Any] = {}
    for i, f in enumerate(given):
        if isinstance(f, models.JSONField):
            convert.append((i, lambda v: v if isinstance(v, str) else json.dumps(v)))
        elif vendor == "sqlite" and isinstance(f, models.DateField | models.DateTimeField):
            def conv(v: Any, cache: dict[Any, Any] = cache) -> Any:
                if v is None:
                    return None
                out = cache.get(v)
                if out is None:
                    out = cache[v] = _sqlite_value(v, connection)
                return out

            convert.append((i, conv))

    def row(d: dict[str, Any]) -> tuple:
        values = getter(d)
        values = list(values) if len(given) > 1 else [values]
        for i, fn in convert:
            values[i] = fn(values[i])
        return (*values, *defaults)

    return [f.column for f in given] + [f.column for f in missing], row


def _sqlite_value(value: Any, connection: Any) -> Any:
    if isinstance(value, dt.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def insert(model: Any, rows: list[dict[str, Any]]) -> int:
    """Insert ``rows`` into ``model``'s table: COPY on PostgreSQL, executemany elsewhere."""
    from django.db import connection

    if not rows:
        return 0
    columns, to_tuple = _columns(model, rows[0], connection.vendor)
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(to_tuple(r))
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [to_tuple(r) for r in rows])
    return len(rows)


def _secondary_indexes(table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes that no constraint owns: dropped during the load."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname "
                           "NOT IN (SELECT conname FROM pg_constraint)", [table])
        else:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                           "AND sql IS NOT NULL", [table])
        return list(cursor.fetchall())


def load(data: Any, stamp: str, say: Callable[[str], None] = print) -> dict[str, int]:
    """Write ``data`` (platform_data.Data) into the configured, migrated, empty database."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from gongkai.agencies.models import Agency, User
    from gongkai.applications.models import Application, CaseEvent
    from gongkai.litigation.models import Remedy

    big = [Application, CaseEvent, Remedy]
    counts = {"agencies": 0, "users": 0, "applications": 0, "events": 0, "remedies": 0}
    start = time.perf_counter()
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MB for the index builds
        dropped = {m: _secondary_indexes(m._meta.db_table) for m in big}
        with connection.cursor() as cursor:
            for indexes in dropped.values():
                for name, _ in indexes:
                    cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        counts["agencies"] = insert(Agency, data.agencies)
        counts["users"] = insert(User, data.users)
        for batch in data.batches:
            counts["applications"] += insert(Application, batch.applications)
            counts["events"] += insert(CaseEvent, batch.events)
            counts["remedies"] += insert(Remedy, batch.remedies)
        say(f"  rows written in {time.perf_counter() - start:.0f} s: {counts}")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # the deferred foreign-key checks, now
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for indexes in dropped.values():
                for _, sql in indexes:
                    cursor.execute(sql)
            for sql in connection.ops.sequence_reset_sql(no_style(), [Agency, User, Application, CaseEvent, Remedy]):
                cursor.execute(sql)
            cursor.execute("CREATE TABLE bench_stamp (value varchar(64), built_on date)")
            cursor.execute("INSERT INTO bench_stamp VALUES (%s, %s)", [stamp, data.today.isoformat()])
    say(f"  indexes rebuilt, committed at {time.perf_counter() - start:.0f} s")
    # The bulk insert bypassed the signals that keep table 三's year tallies: count them once.
    from gongkai.applications.tally import rebuild

    say(f"  {rebuild()} year tallies counted at {time.perf_counter() - start:.0f} s")
    with connection.cursor() as cursor:
        # VACUUM (PostgreSQL's visibility map, for index-only scans) cannot run in a transaction:
        # inside one (the smoke test's) ANALYZE alone.
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    say(f"  analysed at {time.perf_counter() - start:.0f} s")
    return counts


def table_sizes(tables: Iterable[str]) -> dict[str, int]:
    from django.db import connection

    out = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            out[table] = cursor.fetchone()[0]
    return out
