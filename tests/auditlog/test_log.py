"""The audit log: changes field by field (personal values never copied), views of personal
data, and no way to edit or delete an entry in the admin."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.applications import workflow
from gongkai.applications.models import Application
from gongkai.auditlog.models import AuditEntry

pytestmark = pytest.mark.django_db


def _case(county) -> Application:  # type: ignore[no-untyped-def]
    app = Application(agency=county.edu, channel="in_person", submitted_on=date(2025, 3, 3), applicant_type="natural",
                      applicant_name="钱七", id_number="11010519491231002X", phone="13800000001",
                      description="某项目环评批复")
    return workflow.register(app, county.edu_officer, on=date(2025, 3, 3))


def test_changes_are_logged_without_personal_values(county) -> None:  # type: ignore[no-untyped-def]
    app = _case(county)
    created = AuditEntry.objects.get(action="create", model="applications.Application", object_id=str(app.pk))
    assert created.changes["new"]["id_number"] == "***"
    assert "11010519491231002X" not in str(created.changes)
    app.phone = "13900000002"
    app.save()
    update = AuditEntry.objects.filter(action="update", object_id=str(app.pk)).latest("id")
    assert update.changes["phone"] == ["***", "***"]
    assert update.agency_id == county.edu.pk


def test_case_page_view_is_logged_with_the_viewer(county) -> None:  # type: ignore[no-untyped-def]
    app = _case(county)
    client = Client()
    client.force_login(county.edu_officer)
    assert client.get(f"/office/cases/{app.pk}/").status_code == 200
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_PERSONAL).latest("id")
    assert entry.actor == county.edu_officer and entry.object_id == str(app.pk)


def test_the_log_cannot_be_edited_in_the_admin(county) -> None:  # type: ignore[no-untyped-def]
    from gongkai.agencies.models import User

    User.objects.create_superuser("root", password="Gongkai2025!x")
    client = Client()
    client.force_login(User.objects.get(username="root"))
    _case(county)
    entry = AuditEntry.objects.first()
    assert client.get("/admin/auditlog/auditentry/").status_code == 200
    assert client.post(f"/admin/auditlog/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
