"""Year tallies behind table 三: per agency, year and applicant type, how many applications
were received (``new``) and how many were concluded with each outcome row.

Kept in step with the case records by signals on Application (every save and delete, whoever
makes it), inside the same transaction. Everything else of table 三 follows from them (spec
§4.4, C1/C5): carried in to year Y = received before Y − concluded before Y; carried out =
carried in + new − concluded. ``rebuild`` recounts from the cases (after a bulk import, or to
repair); ``counting.table3_from_cases`` counts without them, and the tests hold both equal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.db.models.signals import post_delete, post_save, pre_save

NEW = "new"
# received − concluded, per year of each: summed over the years before Y it is the number
# carried in to Y, in one row per agency and type instead of one per outcome.
NET = "net"
Key = tuple[int, int, str, str]  # agency id, year, applicant type, "new" or an outcome row

_OLD = "_tally_before"


def contributions(agency_id: int | None, applicant_type: str, received_on: Any, concluded_on: Any,
                  outcome: str) -> Counter[Key]:
    """What one application adds to the tallies."""
    out: Counter[Key] = Counter()
    if agency_id is None or received_on is None:
        return out  # not yet received (an online submission awaiting confirmation)
    out[(agency_id, received_on.year, applicant_type, NEW)] += 1
    out[(agency_id, received_on.year, applicant_type, NET)] += 1
    if concluded_on is not None and outcome:
        out[(agency_id, concluded_on.year, applicant_type, outcome)] += 1
        out[(agency_id, concluded_on.year, applicant_type, NET)] -= 1
    return out


def _of(app: Any) -> Counter[Key]:
    return contributions(app.agency_id, app.applicant_type, app.received_on, app.concluded_on, app.outcome)


def bump(changes: Counter[Key]) -> None:
    from .models import YearTally

    for (agency_id, year, kind, row), delta in changes.items():
        if not delta:
            continue
        match = YearTally.objects.filter(agency_id=agency_id, year=year, applicant_type=kind, row=row)
        if match.update(n=F("n") + delta):
            continue
        try:
            with transaction.atomic():
                YearTally.objects.create(agency_id=agency_id, year=year, applicant_type=kind, row=row, n=delta)
        except IntegrityError:  # created meanwhile by a concurrent save
            match.update(n=F("n") + delta)


def _before(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    if raw or instance.pk is None:
        setattr(instance, _OLD, Counter())
        return
    old = (sender._default_manager.filter(pk=instance.pk)  # type: ignore[attr-defined]
           .values_list("agency_id", "applicant_type", "received_on", "concluded_on", "outcome").first())
    setattr(instance, _OLD, contributions(*old) if old else Counter())


def _after(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    if raw:
        return
    changes = _of(instance)
    changes.subtract(getattr(instance, _OLD, Counter()))
    setattr(instance, _OLD, _of(instance))
    bump(changes)


def _deleted(sender: type, instance: Any, **_: Any) -> None:
    bump(Counter({key: -n for key, n in _of(instance).items()}))


def connect(model: type[models.Model]) -> None:
    pre_save.connect(_before, sender=model, dispatch_uid="tally-before")
    post_save.connect(_after, sender=model, dispatch_uid="tally-after")
    post_delete.connect(_deleted, sender=model, dispatch_uid="tally-deleted")


def recount(applications: models.QuerySet[Any]) -> Counter[Key]:
    """The tallies of ``applications`` counted from scratch: two GROUP BY queries."""
    out: Counter[Key] = Counter()
    received = (applications.filter(received_on__isnull=False)
                .values("agency_id", "applicant_type", y=ExtractYear("received_on"))
                .annotate(n=Count("id")).order_by())
    for rec in received:
        out[(rec["agency_id"], rec["y"], rec["applicant_type"], NEW)] += rec["n"]
        out[(rec["agency_id"], rec["y"], rec["applicant_type"], NET)] += rec["n"]
    concluded = (applications.filter(received_on__isnull=False, concluded_on__isnull=False).exclude(outcome="")
                 .values("agency_id", "applicant_type", "outcome", y=ExtractYear("concluded_on"))
                 .annotate(n=Count("id")).order_by())
    for rec in concluded:
        out[(rec["agency_id"], rec["y"], rec["applicant_type"], rec["outcome"])] += rec["n"]
        out[(rec["agency_id"], rec["y"], rec["applicant_type"], NET)] -= rec["n"]
    return out


def rebuild(agencies: Iterable[int] | None = None) -> int:
    """Replace the tallies (of ``agencies``, or all) by a recount; returns the rows written."""
    from .models import Application, YearTally

    cases = Application.objects.all()
    tallies = YearTally.objects.all()
    if agencies is not None:
        ids = list(agencies)
        cases, tallies = cases.filter(agency_id__in=ids), tallies.filter(agency_id__in=ids)
    with transaction.atomic():
        tallies.delete()
        rows = [YearTally(agency_id=a, year=y, applicant_type=t, row=r, n=n)
                for (a, y, t, r), n in recount(cases).items() if n]
        YearTally.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
