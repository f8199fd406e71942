"""Small SELECTs compiled by the ORM once, then run again with other values.

Django turns a queryset into SQL on every evaluation. For the handful of small, indexed
SELECTs of the case page, that compiling costs about ten times the statement itself (about
1 ms against 0.1 ms each on the benchmark machines, docs/performance.md). ``Prepared``
builds its queryset once per database connection with placeholder values, keeps the SQL and
where each placeholder went among the parameters, and afterwards executes the same SQL with
the real values, converting each column as the ORM does (dates, time zones, booleans).

Only for ``.values()`` querysets (annotations allowed) whose values appear verbatim as
parameters (equality filters on keys); anything else is refused when first compiled, so a
mistake shows in the tests, never as a wrong row.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# Placeholders: large negative integers that no key and no other parameter ever equals.
_MARK = -7_340_001_000


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[int, ...]  # for each value, its position among params
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]


class Prepared:
    """``build(*values)`` returns a ``.values(...)`` queryset; ``rows(*values)`` its rows as dicts."""

    def __init__(self, build: Callable[..., QuerySet[Any]], arity: int) -> None:
        self.build = build
        self.arity = arity
        # One statement per connection object (a thread's), dropped with the connection.
        self._compiled: weakref.WeakKeyDictionary[Any, _Statement] = weakref.WeakKeyDictionary()

    def _compile(self, alias: str) -> _Statement:
        marks = [_MARK - i for i in range(self.arity)]
        qs = self.build(*marks).using(alias)
        query = qs.query
        if not query.values_select or query.extra_select:
            raise TypeError("Prepared takes a .values(field, …) queryset without extra()")
        compiler = query.get_compiler(alias)
        sql, params = compiler.as_sql()
        slots = []
        for mark in marks:
            found = [i for i, p in enumerate(params) if p == mark]
            if len(found) != 1:
                raise ValueError(f"placeholder {mark} appears {len(found)} times among {params!r}")
            slots.append(found[0])
        selected = compiler.select[:compiler.col_count]
        converters = tuple((pos, tuple(convs), expression) for pos, (convs, expression)
                           in compiler.get_converters([expression for expression, _, _ in selected]).items())
        names = tuple(name for _, _, name in selected)  # the values() keys: fields, then annotations
        return _Statement(sql, tuple(params), tuple(slots), names, converters)

    def rows(self, *values: Any, using: str = DEFAULT_DB_ALIAS) -> list[dict[str, Any]]:
        if len(values) != self.arity:
            raise TypeError(f"{self.arity} values expected, {len(values)} given")
        connection = connections[using]
        statement = self._compiled.get(connection)
        if statement is None:
            statement = self._compiled[connection] = self._compile(using)
        params = list(statement.params)
        for slot, value in zip(statement.slots, values, strict=True):
            params[slot] = value
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, params)
            fetched = cursor.fetchall()
        names, out = statement.names, []
        for row in fetched:
            row = list(row)
            for pos, convs, expression in statement.converters:
                value = row[pos]
                for convert in convs:
                    value = convert(value, expression, connection)
                row[pos] = value
            out.append(dict(zip(names, row, strict=True)))
        return out
