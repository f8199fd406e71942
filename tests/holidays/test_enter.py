"""Entering a newly announced year: the command, the admin form, the overview page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from gongkai.applications import workflow
from gongkai.applications.models import Application, CaseEvent
from gongkai.holidays.models import HolidayYear

pytestmark = pytest.mark.django_db

SCHEDULE_2027 = {
    "format": "gongkai-year-schedule/1", "year": 2027, "notice": "国办发明电〔2026〕9号",
    "holidays": [{"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"},
                 {"name": "春节", "start": "2027-02-05", "end": "2027-02-13"}],
    "workdays": [{"name": "元旦", "date": "2027-01-09"}],
}


def _open_case(county) -> Application:  # type: ignore[no-untyped-def]
    app = Application(agency=county.edu, channel="in_person", submitted_on=date(2026, 12, 21), applicant_type="natural",
                      applicant_name="孙八", id_number="11010519491231002X", phone="13800000003",
                      description="2027年预算公开")
    return workflow.register(app, county.edu_officer, on=date(2026, 12, 21))


def test_command_enters_the_year_and_recomputes(county, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    app = _open_case(county)
    assert app.due_provisional
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(SCHEDULE_2027, ensure_ascii=False), encoding="utf-8")
    call_command("enter_holidays", str(path))
    app.refresh_from_db()
    assert not app.due_provisional
    assert app.events.filter(kind=CaseEvent.Kind.DEADLINE_RECOMPUTED).exists()
    assert "1件" in capsys.readouterr().out


def test_command_refuses_a_broken_file_with_one_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"year": 2027, "holidays": [{"name": "元旦", "start": "2027-02-30"}]}', encoding="utf-8")
    with pytest.raises(CommandError, match="2027-02-30"):
        call_command("enter_holidays", str(path))
    assert not HolidayYear.objects.exists()


def test_admin_form_enters_the_year(county) -> None:  # type: ignore[no-untyped-def]
    from gongkai.agencies.models import User

    app = _open_case(county)
    User.objects.create_superuser("root", password="Gongkai2025!x")
    client = Client()
    client.force_login(User.objects.get(username="root"))
    response = client.post("/admin/holidays/holidayyear/add/",
                           {"schedule_text": json.dumps(SCHEDULE_2027, ensure_ascii=False)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert HolidayYear.objects.get().year == 2027
    app.refresh_from_db()
    assert not app.due_provisional
    bad = client.post("/admin/holidays/holidayyear/add/", {"schedule_text": "{not json"})
    assert bad.status_code == 200 and "JSON" in bad.content.decode()


def test_overview_page_says_which_years_are_exact(county) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(county.edu_officer)
    page = client.get("/office/holidays/").content.decode()
    assert "2026" in page and "2027" in page
