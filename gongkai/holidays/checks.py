"""System check: warn when the calendar does not cover the coming weeks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.checks import Warning, register
from django.db import DatabaseError


@register()
def calendar_covers_next_year(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    from .calendar import current_calendar

    try:
        calendar = current_calendar()
    except DatabaseError:  # not migrated yet
        return []
    soon = date.today() + timedelta(days=60)
    if calendar.covers(soon.year):
        return []
    return [Warning(
        f"The official holiday schedule of {soon.year} is not entered; deadlines reaching into it are provisional.",
        hint="Enter it in the admin (Holiday schedules) or with `manage.py enter_holidays FILE.json`.",
        id="holidays.W001",
    )]
