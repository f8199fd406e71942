"""The calendar the platform counts with: the packaged years plus every year in the database.

Built once per process and rebuilt when a schedule is saved (a version number in the cache
tells the other processes of a deployment to rebuild too)."""

from __future__ import annotations

import threading

from django.core.cache import cache

from gongkai.workdays import Calendar

_VERSION_KEY = "gongkai:holidays:version"
_lock = threading.Lock()
_built: tuple[int, Calendar] | None = None


def current_calendar() -> Calendar:
    global _built
    version = cache.get(_VERSION_KEY, 0)
    built = _built
    if built is not None and built[0] == version:
        return built[1]
    with _lock:
        from .models import HolidayYear

        calendar = Calendar()
        for row in HolidayYear.objects.all():
            calendar = calendar.with_schedule(row.as_schedule())
        _built = (version, calendar)
        return calendar


def invalidate() -> None:
    global _built
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, None)
    _built = None
