"""Table 四 counted from the records: cases filed in the year, by their result on 31 December."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Case, CharField, Count, F, Q, Value, When

from .models import Remedy

KINDS = [k for k, _ in Remedy.Kind.choices]
RESULTS = [r for r, _ in Remedy.Result.choices]

Counts = dict[str, dict[str, int]]  # kind → result (and "total") → count


def empty() -> Counts:
    return {k: dict.fromkeys([*RESULTS, "total"], 0) for k in KINDS}


def table4(year: int, agencies: Iterable[int] | None = None, *, per_agency: bool = False
           ) -> dict[int | None, Counts]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    qs = Remedy.objects.filter(filed_on__gte=first, filed_on__lte=last)
    if agencies is not None:
        qs = qs.filter(agency_id__in=list(agencies))
    at_year_end = Case(
        When(Q(decided_on__isnull=True) | Q(decided_on__gt=last), then=Value(Remedy.Result.PENDING)),
        default=F("result"), output_field=CharField())
    keys = ["agency_id", "kind"] if per_agency else ["kind"]
    out: dict[int | None, Counts] = defaultdict(empty)
    for rec in qs.annotate(r=at_year_end).values(*keys, "r").annotate(n=Count("id")).order_by():
        counts = out[rec["agency_id"] if per_agency else None]
        counts[rec["kind"]][rec["r"]] += rec["n"]
        counts[rec["kind"]]["total"] += rec["n"]
    return out
