"""Entering or correcting a year: validate, store, rebuild the calendar, recompute open cases."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.workdays import YearSchedule

from .calendar import invalidate
from .models import HolidayYear


def enter_year(schedule: YearSchedule, user: Any = None) -> tuple[HolidayYear, int]:
    """Store ``schedule``; returns the row and how many open cases got a new due date."""
    from gongkai.applications.deadlines import recompute_open_cases

    with transaction.atomic():
        row, _ = HolidayYear.objects.update_or_create(
            year=schedule.year,
            defaults={"schedule": schedule.to_dict(), "notice": schedule.notice,
                      "entered_by": user if getattr(user, "is_authenticated", False) else None},
        )
        invalidate()
        changed = recompute_open_cases(
            reason=f"录入{schedule.year}年节假日安排{('（' + schedule.notice + '）') if schedule.notice else ''}",
            years={schedule.year}, user=user)
    return row, changed


def remove_year(year: int, user: Any = None) -> int:
    from gongkai.applications.deadlines import recompute_open_cases

    with transaction.atomic():
        HolidayYear.objects.filter(year=year).delete()
        invalidate()
        return recompute_open_cases(reason=f"删除{year}年节假日安排", years={year}, user=user)
