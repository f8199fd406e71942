"""The demo works whatever today is. On New Year's Day the current year is empty, yet last year
is complete and the dashboard still has work on it. Also: ``reset`` rebuilds the demo and
nothing else."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.applications import deadlines
from gongkai.applications.models import Application
from gongkai.applications.scoping import is_overdue
from gongkai.demo import load
from gongkai.demo.county import COUNTY_CODE

pytestmark = pytest.mark.django_db
NEW_YEAR = date(2026, 1, 1)


@pytest.fixture(scope="module")
def new_year(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(), transaction.atomic():
        patch.setattr(deadlines, "today", lambda: NEW_YEAR)  # the platform's "today" too
        summary = load(today=NEW_YEAR)
        yield summary
        transaction.set_rollback(True)


def demo_cases():  # type: ignore[no-untyped-def]
    return Application.objects.filter(agency__code__startswith="QSX-")


def test_new_years_day(new_year) -> None:  # type: ignore[no-untyped-def]
    cases = demo_cases()
    assert new_year.created and cases.count() == new_year.applications
    assert not cases.filter(submitted_on__gt=NEW_YEAR).exists()
    assert not cases.filter(concluded_on__gt=NEW_YEAR).exists()
    assert set(cases.filter(concluded_on__year=2025).values_list("outcome", flat=True)) == {
        f"R{n:02d}" for n in range(3, 24)}
    assert cases.filter(status="submitted").count() >= 3
    assert sum(is_overdue(app, NEW_YEAR) for app in cases.filter(concluded_on__isnull=True)) >= 3


def test_reset_rebuilds_the_demo_and_leaves_other_records(new_year) -> None:  # type: ignore[no-untyped-def]
    other = Agency.objects.create(name="别处县人民政府", code="ELSEWHERE")
    Application.objects.create(agency=other, channel="in_person", submitted_on=date(2025, 3, 3),
                               applicant_type="natural", applicant_name="甲", id_number="x",
                               phone="13800000000", description="某文件")
    first = sorted(demo_cases().values_list("agency__code", "number", "outcome", "received_on"))
    rebuilt = load(reset=True, today=NEW_YEAR)
    assert rebuilt.created and rebuilt.applications == new_year.applications
    # Seeded: the same cases again, numbered alike.
    assert sorted(demo_cases().values_list("agency__code", "number", "outcome", "received_on")) == first
    assert Application.objects.filter(agency=other).count() == 1
    assert Agency.objects.filter(code=COUNTY_CODE).count() == 1
