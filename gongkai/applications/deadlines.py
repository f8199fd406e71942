"""The due date of a case from its records, and recomputation when the calendar changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.holidays.calendar import current_calendar
from gongkai.workdays import Deadline, Pause, PauseKind, due_date

from .models import Application, CaseEvent, ClockPause

_KIND = {
    ClockPause.Kind.CORRECTION: PauseKind.CORRECTION,
    ClockPause.Kind.CONSULTATION: PauseKind.CONSULTATION,
    ClockPause.Kind.FEE: PauseKind.FEE,
}


def today() -> date:
    return timezone.localdate()


def compute(app: Application, pauses: Iterable[ClockPause] | None = None, *,
            on: date | None = None) -> Deadline | None:
    """The answer deadline of ``app``, or None before the receipt date is fixed.

    An open pause counts as running until ``on`` (today): an open consultation keeps moving
    the due date day by day, an open 补正 restarts the count from today at the earliest."""
    if app.received_on is None:
        return None
    on = on or today()
    rows = list(pauses) if pauses is not None else (list(app.pauses.all()) if app.pk else [])
    converted = [
        Pause(_KIND[ClockPause.Kind(p.kind)], p.basis, p.start, p.end or max(on, p.start))
        for p in rows
    ]
    return due_date(app.received_on, extended=app.extended, pauses=converted,
                    calendar=current_calendar(), fee_stops_clock=settings.FEE_STOPS_CLOCK)


def refresh(app: Application, *, user: Any = None, reason: str = "", on: date | None = None,
            save: bool = True) -> bool:
    """Recompute ``app``'s due date; when it changes and ``reason`` is given, record the change
    in the case history. Returns whether the due date or its provisional mark changed."""
    deadline = compute(app, on=on)
    if deadline is None:
        return False
    old_due, old_prov = app.due_on, app.due_provisional
    app.due_on, app.due_provisional, app.due_explanation = (
        deadline.due, deadline.provisional, deadline.explanation)
    changed = (old_due, old_prov) != (deadline.due, deadline.provisional)
    if save:
        Application.objects.filter(pk=app.pk).update(
            due_on=app.due_on, due_provisional=app.due_provisional, due_explanation=app.due_explanation)
    if changed and reason and old_due is not None:
        CaseEvent.objects.create(
            application=app, kind=CaseEvent.Kind.DEADLINE_RECOMPUTED, on=on or today(),
            actor=user if getattr(user, "is_authenticated", False) else None, note=reason,
            data={"old_due": old_due.isoformat(), "old_provisional": old_prov,
                  "new_due": deadline.due.isoformat(), "new_provisional": deadline.provisional,
                  "explanation": deadline.explanation})
    return changed


def recompute_open_cases(*, reason: str, years: set[int] | None = None, user: Any = None) -> int:
    """After a holiday schedule is entered or corrected: every open case whose counted span
    touches one of ``years`` gets its due date recomputed, each change in its history."""
    cases = Application.objects.filter(received_on__isnull=False, concluded_on__isnull=True)
    if years:
        low, high = date(min(years) - 1, 12, 1), date(max(years) + 1, 1, 31)
        cases = cases.filter(received_on__lte=high, due_on__gte=low)
    changed = 0
    with transaction.atomic():
        for app in cases.prefetch_related("pauses").iterator(chunk_size=500):
            if refresh(app, user=user, reason=reason):
                changed += 1
    return changed
