"""Who may see which agency's records: the agency's own staff, and supervisors above it."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import Agency, User


def visible_agencies(user: User) -> QuerySet[Agency]:
    if not user.is_authenticated or user.agency_id is None:
        return Agency.objects.none() if not getattr(user, "is_superuser", False) else Agency.objects.all()
    if user.role == User.Role.SUPERVISOR:
        return Agency.objects.filter(path__startswith=user.agency.path)
    return Agency.objects.filter(pk=user.agency_id)


def agency_filter(user: User, field: str = "agency") -> Q:
    """A filter for any model with an agency foreign key: what ``user`` may read."""
    if getattr(user, "is_superuser", False) and user.agency_id is None:
        return Q()
    if not user.is_authenticated or user.agency_id is None:
        return Q(pk__in=[])
    if user.role == User.Role.SUPERVISOR:
        return Q(**{f"{field}__path__startswith": user.agency.path})
    return Q(**{f"{field}_id": user.agency_id})
