"""Background work on the task queue (Huey: SQLite by default, Redis in production).

Run the consumer with ``manage.py run_huey``; periodic tasks are scheduled by it."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import deadlines
from .models import Application
from .reminders import send_reminders


@db_periodic_task(crontab(hour="8", minute="0"))
def daily_reminders() -> int:
    """08:00 every day: e-mail each office its overdue cases and those due within 5 working days."""
    return send_reminders(timezone.localdate())


@db_periodic_task(crontab(hour="0", minute="30"))
def refresh_paused_deadlines() -> int:
    """While a consultation or correction is open the due date moves each day: keep it current."""
    return refresh_paused()


def refresh_paused() -> int:
    open_paused = Application.objects.filter(
        concluded_on__isnull=True, received_on__isnull=False
    ).filter(Q(pauses__end__isnull=True)).distinct().prefetch_related("pauses")
    return sum(deadlines.refresh(app) for app in open_paused)


@db_task()
def send_reminders_now() -> int:
    """On demand (the dashboard's "send reminders" button, or a test of the queue)."""
    return send_reminders(timezone.localdate())
