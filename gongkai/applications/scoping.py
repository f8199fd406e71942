"""The querysets every staff view starts from: what the signed-in user may see."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from gongkai.agencies.scope import agency_filter

from .models import Application, Attachment

S = Application.Status


def cases_for(user: Any) -> QuerySet[Application]:
    """Cases of the user's agency (a supervisor: of his subtree); others are a 404."""
    return Application.objects.filter(agency_filter(user))


def attachments_for(user: Any) -> QuerySet[Attachment]:
    return Attachment.objects.filter(agency_filter(user, "application__agency"))


def paused_statuses() -> list[str]:
    """Statuses whose answer clock is stopped, so the stored due date is not yet final:
    补正 (条例第三十条), third-party consultation (第三十三条第三款), and the fee only
    when the office counts it as a pause (settings.FEE_STOPS_CLOCK)."""
    paused = [S.CORRECTION, S.CONSULTATION]
    if settings.FEE_STOPS_CLOCK:
        paused.append(S.FEE)
    return paused


def open_cases(qs: QuerySet[Application]) -> QuerySet[Application]:
    """Received (Art. 31 date fixed) and not concluded: the index app_agency_open_due."""
    return qs.filter(concluded_on__isnull=True, received_on__isnull=False)


def overdue_q(today: date) -> Q:
    return Q(due_on__lt=today) & ~Q(status__in=paused_statuses())


def due_soon_q(today: date, horizon: date) -> Q:
    return Q(due_on__gte=today, due_on__lte=horizon) & ~Q(status__in=paused_statuses())


def is_overdue(app: Application, today: date) -> bool:
    """The same test as ``overdue_q``, for one case in memory."""
    return app.is_open and app.due_on is not None and app.due_on < today and app.status not in paused_statuses()
