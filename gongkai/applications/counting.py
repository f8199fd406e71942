"""Table 三 of the annual report from the case records (spec §4.4, C1-C7).

- 一、本年新收: received (Art. 31 date) in the year;
- 二、上年结转: received before the year and not concluded before it;
- 三、本年度办理结果: concluded in the year, one outcome row each;
- 四、结转下年度继续办理: received by 31 December and not concluded by then.

``table3`` reads the year tallies (``tally``: two small queries, whatever the number of cases);
``table3_from_cases`` counts the same from the cases themselves (four GROUP BY queries over
the case table) and is what the tests and ``manage.py recount`` hold the tallies to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from .models import Application, YearTally
from .outcomes import APPLICANT_TYPES
from .tally import NET as TALLY_NET
from .tally import NEW as TALLY_NEW

NEW_ROW, CARRIED_IN, CARRIED_OUT = "R01", "R02", "R25"
NEW = NEW_ROW  # the row key, as callers use it
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
    tallies = YearTally.objects.filter(year__lte=year)
    if agencies is not None:
        tallies = tallies.filter(agency_id__in=list(agencies))
    group = ["agency_id"] if per_agency else []
    out: dict[int | None, Counts] = defaultdict(empty)
    # This year's rows as they are; earlier years only net: received − concluded = carried in.
    this_year = tallies.filter(year=year).exclude(row=TALLY_NET)
    if per_agency:  # one tally row per agency, type and row already: no GROUP BY needed
        this_year = this_year.order_by().values_list("agency_id", "applicant_type", "row", "n")
    else:
        this_year = (this_year.values("applicant_type", "row").annotate(n=Sum("n")).order_by()
                     .values_list("applicant_type", "row", "n"))
    for rec in this_year:
        key, kind, row, n = (rec[0], *rec[1:]) if per_agency else (None, *rec)
        counts = out[key]
        if row == TALLY_NEW:
            counts[NEW_ROW][kind] += n
        else:
            counts[row][kind] += n
            counts[TOTAL][kind] += n
    earlier = (tallies.filter(row=TALLY_NET, year__lt=year).values(*group, "applicant_type")
               .annotate(n=Sum("n")).order_by().values_list(*group, "applicant_type", "n"))
    for rec in earlier:
        key, kind, n = (rec[0], *rec[1:]) if per_agency else (None, *rec)
        out[key][CARRIED_IN][kind] += n
    for counts in out.values():
        for kind in TYPES:
            counts[CARRIED_OUT][kind] = counts[NEW_ROW][kind] + counts[CARRIED_IN][kind] - counts[TOTAL][kind]
    return out


def table3_from_cases(year: int, agencies: Iterable[int] | None = None, *, per_agency: bool = False
                      ) -> dict[int | None, Counts]:
    """The same counts taken from the case table itself (slow on large tables; the reference)."""
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
