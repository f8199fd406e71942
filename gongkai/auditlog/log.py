"""Writing entries. ``record`` is the one way in; views call ``personal_data_viewed``."""

from __future__ import annotations

from typing import Any

from django.db import models

from .context import current
from .models import AuditEntry


def record(action: str, obj: models.Model | None = None, *, changes: dict[str, Any] | None = None,
           agency_id: int | None = None, user: Any = None, ip: str | None = None,
           description: str = "") -> AuditEntry:
    actor = current.get()
    user = user if user is not None else actor.user
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if agency_id is None and obj is not None:
        agency_id = getattr(obj, "agency_id", None)
    return AuditEntry.objects.create(
        action=action,
        actor=user,
        actor_name=user.get_username() if user is not None else "",
        ip=ip or actor.ip,
        model=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=(description or (str(obj) if obj is not None else ""))[:200],
        agency_id=agency_id,
        changes=changes or {},
    )


def personal_data_viewed(obj: models.Model, fields: list[str]) -> AuditEntry:
    """Every display of an applicant's ID number, phone or address (DEVELOPERS.md: logged)."""
    return record(AuditEntry.Action.VIEW_PERSONAL, obj, changes={"fields": fields})
