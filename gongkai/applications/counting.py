"""Table 三 of the annual report counted from the case records (spec §4.4, C1-C7).

- 一、本年新收: received (Art. 31 date) in the year;
- 二、上年结转: received before the year and not concluded before it;
- 三、本年度办理结果: concluded in the year, one outcome row each;
- 四、结转下年度继续办理: received by 31 December and not concluded by then.
Four GROUP BY queries, whatever the number of agencies; the indexes on
(agency, received_on) and (concluded_on, agency) serve them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet

from .models import Application
from .outcomes import APPLICANT_TYPES

NEW, CARRIED_IN, CARRIED_OUT = "R01", "R02", "R25"
TOTAL = "R24"  # （七）总计
TYPES = [key for key, _ in APPLICANT_TYPES]

Counts = dict[str, dict[str, int]]  # row key → applicant type → count


def empty() -> Counts:
    return defaultdict(lambda: dict.fromkeys(TYPES, 0))


def _scope(agencies: Iterable[int] | None) -> QuerySet[Application]:
    qs = Application.objects.all()
    if agencies is not None:
        ids = list(agencies)
        qs = qs.filter(agency_id=ids[0]) if len(ids) == 1 else qs.filter(agency_id__in=ids)
    return qs


def table3(year: int, agencies: Iterable[int] | None = None, *, per_agency: bool = False
           ) -> dict[int | None, Counts]:
    """Counts for ``year``: summed over ``agencies`` (all when None), or per agency."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    qs = _scope(agencies)
    keys = ["agency_id", "applicant_type"] if per_agency else ["applicant_type"]
    out: dict[int | None, Counts] = defaultdict(empty)

    def add(row: str, query: QuerySet[Application], by_outcome: bool = False) -> None:
        fields = [*keys, "outcome"] if by_outcome else keys
        for rec in query.values(*fields).annotate(n=Count("id")).order_by():
            counts = out[rec["agency_id"] if per_agency else None]
            target = rec["outcome"] if by_outcome else row
            counts[target][rec["applicant_type"]] += rec["n"]
            if by_outcome:
                counts[TOTAL][rec["applicant_type"]] += rec["n"]

    add(NEW, qs.filter(received_on__gte=first, received_on__lte=last))
    add(CARRIED_IN, qs.filter(received_on__lt=first).filter(Q(concluded_on__isnull=True) | Q(concluded_on__gte=first)))
    add("", qs.filter(concluded_on__gte=first, concluded_on__lte=last), by_outcome=True)
    add(CARRIED_OUT, qs.filter(received_on__lte=last).filter(Q(concluded_on__isnull=True) | Q(concluded_on__gt=last)))
    return out
