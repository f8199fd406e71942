"""The platform benchmark's data generator and loader at a tiny scale (bench/platform_data.py)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import platform_data  # noqa: E402
import platform_db  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def test_zipf_sizes_sum_and_largest() -> None:
    sizes = platform_data.zipf_sizes(200, 1_000_000, 100_000)
    assert sum(sizes) == 1_000_000
    assert sizes[0] == 100_000 == max(sizes)
    assert sizes[1] < 100_000 and min(sizes) >= 1
    # Skewed: the top tenth of the agencies hold far more than a tenth of the cases.
    assert sum(sizes[:20]) > 0.35 * 1_000_000


@pytest.mark.django_db
def test_tiny_county_loads_and_counts_consistently() -> None:
    from gongkai.agencies.models import Agency, User
    from gongkai.applications.counting import CARRIED_IN, CARRIED_OUT, NEW, TOTAL, table3
    from gongkai.applications.models import Application, CaseEvent
    from gongkai.litigation.counting import table4
    from gongkai.litigation.models import Remedy

    scale = platform_data.TINY
    data = platform_data.generate(scale, today=TODAY)
    counts = platform_db.load(data, "test", say=lambda _: None)
    assert counts["applications"] == scale.total == Application.objects.count()
    assert Agency.objects.count() == scale.agencies
    assert Application.objects.filter(agency_id=2).count() == scale.largest
    assert CaseEvent.objects.filter(application__agency_id=2).count() >= scale.largest
    assert Remedy.objects.count() == counts["remedies"]
    # The tree: every path is the parent's path plus the agency's own id.
    for agency in Agency.objects.select_related("parent"):
        expected = f"{agency.parent.path if agency.parent else '/'}{agency.pk}/"
        assert agency.path == expected
    # Dates are consistent, due dates set, a small share still open, some of it overdue.
    apps = Application.objects.all()
    assert not apps.filter(received_on__isnull=True).exists()
    assert not apps.filter(due_on__isnull=True).exists()
    assert all(a.concluded_on >= a.received_on for a in apps.exclude(concluded_on=None))
    open_cases = apps.filter(concluded_on=None)
    assert 0 < open_cases.count() < 0.1 * scale.total
    assert not open_cases.exclude(outcome="").exists()
    assert apps.filter(applicant_type="natural").count() > 0.6 * scale.total
    # Year-end arithmetic of table 三 holds per agency: new + carried in = concluded + carried out.
    result = table3(2025, per_agency=True)
    assert set(result) <= {a.pk for a in Agency.objects.all()}
    for by_row in result.values():
        for column in ("natural", "commercial", "legal"):
            assert (by_row[NEW][column] + by_row[CARRIED_IN][column]
                    == by_row[TOTAL][column] + by_row[CARRIED_OUT][column])
    assert sum(result[2][NEW].values()) > 0
    table4(2025, per_agency=True)  # runs on the generated remedies
    # The bench user can sign in with the documented password.
    assert User.objects.get(username="officer2").check_password(platform_data.PASSWORD)
    # The loader reused the models' defaults for the columns it did not fill.
    assert Application.objects.filter(agency_id=2).values_list("query_code", flat=True).distinct().count() \
        == scale.largest
