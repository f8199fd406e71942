"""The demo county as a user meets it: a full year of every kind of case, and today's work."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from typer.testing import CliRunner

from gongkai.agencies.models import Agency, User
from gongkai.applications import deadlines
from gongkai.applications.counting import table3
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.outcomes import APPLICANT_TYPES
from gongkai.applications.scoping import is_overdue
from gongkai.cli import app
from gongkai.demo import DEMO_PASSWORD, load
from gongkai.demo.county import COUNTY_CODE
from gongkai.holidays.calendar import current_calendar
from gongkai.litigation.counting import table4
from gongkai.litigation.models import Remedy

pytestmark = pytest.mark.django_db
ROWS = [f"R{n:02d}" for n in range(3, 24)]
TYPES = [key for key, _ in APPLICANT_TYPES]


def demo_cases():  # type: ignore[no-untyped-def]
    return Application.objects.filter(agency__code__startswith="QSX-")


def test_the_county_has_its_offices_and_staff(demo) -> None:  # type: ignore[no-untyped-def]
    county = Agency.objects.get(code=COUNTY_CODE)
    agencies = list(county.subtree())
    assert len(agencies) == 12
    assert county.office_name == "青山县人民政府办公室"
    for agency in agencies:
        assert agency.address and agency.phone and agency.office_hours and agency.court
        assert agency.reconsideration_body in {"青山市人民政府", "青山县人民政府"}
        roles = set(User.objects.filter(agency=agency).values_list("role", flat=True))
        assert {"officer", "approver"} <= roles
    assert User.objects.get(username="supervisor").role == User.Role.SUPERVISOR
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="edu_officer").check_password(DEMO_PASSWORD)


def test_every_outcome_row_type_and_channel_appears_last_year(demo) -> None:  # type: ignore[no-untyped-def]
    last_year = deadlines.today().year - 1
    concluded = demo_cases().filter(concluded_on__year=last_year)
    assert set(concluded.values_list("outcome", flat=True)) == set(ROWS)
    received = demo_cases().filter(received_on__year=last_year)
    assert set(received.values_list("applicant_type", flat=True)) == set(TYPES)
    assert set(received.values_list("channel", flat=True)) == set(Application.Channel.values)
    assert 200 <= demo.applications <= 500


def test_table3_balances_for_each_agency_last_year(demo) -> None:  # type: ignore[no-untyped-def]
    last_year = deadlines.today().year - 1
    per_agency = table3(last_year, per_agency=True)
    for agency in Agency.objects.get(code=COUNTY_CODE).subtree():
        counts = per_agency[agency.pk]
        assert sum(counts["R01"].values()) > 0, agency.name
        for column in TYPES:
            assert counts["R01"][column] + counts["R02"][column] == \
                counts["R24"][column] + counts["R25"][column], (agency.name, column)


def test_cases_are_carried_into_and_out_of_last_year(demo) -> None:  # type: ignore[no-untyped-def]
    totals = table3(deadlines.today().year - 1)[None]
    assert sum(totals["R02"].values()) > 0  # 上年结转
    assert sum(totals["R25"].values()) > 0  # 结转下年度继续办理
    december = demo_cases().filter(received_on__month=12, received_on__year=deadlines.today().year - 1)
    assert december.filter(concluded_on__gt=date(deadlines.today().year - 1, 12, 31)).exists() or \
        december.filter(concluded_on__isnull=True).exists()


def test_todays_work_is_on_the_dashboard(demo) -> None:  # type: ignore[no-untyped-def]
    today = deadlines.today()
    horizon = current_calendar().nth_workday(today, 5)
    open_cases = list(demo_cases().filter(received_on__isnull=False, concluded_on__isnull=True))
    assert sum(is_overdue(app, today) for app in open_cases) >= 3
    assert sum(today <= app.due_on <= horizon for app in open_cases) >= 3
    statuses = Counter(demo_cases().values_list("status", flat=True))
    assert statuses["submitted"] >= 3  # online, awaiting registration
    for waiting in ("correction", "consultation", "fee", "answered"):
        assert statuses[waiting] >= 1, waiting


def test_every_step_of_the_workflow_was_taken(demo) -> None:  # type: ignore[no-untyped-def]
    kinds = Counter(CaseEvent.objects.filter(application__in=demo_cases()).values_list("kind", flat=True))
    for kind in ("registered", "correction_requested", "corrected", "correction_lapsed",
                 "consultation_started", "consultation_ended", "extended", "fee_notice", "fee_paid",
                 "fee_lapsed", "answered", "delivered", "submitted"):
        assert kinds[kind] >= 1, kind
    approvers = CaseEvent.objects.filter(kind="extended", application__in=demo_cases())
    assert {e.actor.role for e in approvers} == {User.Role.APPROVER}


def test_reconsiderations_and_lawsuits_with_each_result(demo) -> None:  # type: ignore[no-untyped-def]
    counts = table4(deadlines.today().year - 1)[None]
    for kind in Remedy.Kind.values:
        assert counts[kind]["total"] >= 1, kind
    for result in Remedy.Result.values:
        assert sum(counts[kind][result] for kind in Remedy.Kind.values) >= 1, result


def test_loading_again_adds_nothing(demo) -> None:  # type: ignore[no-untyped-def]
    before = (demo_cases().count(), User.objects.count(), Agency.objects.count(), Remedy.objects.count())
    again = load()
    assert not again.created
    assert (demo_cases().count(), User.objects.count(), Agency.objects.count(),
            Remedy.objects.count()) == before
    assert again.applications == demo.applications


def test_demo_prints_the_sign_ins(demo) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "已存在" in result.output
    edu = next(line for line in result.output.splitlines() if "edu_approver" in line)
    assert "Qingshan2025" in edu and "青山县教育局" in edu and "延期" in edu
    assert "http://127.0.0.1:8000/" in result.output
