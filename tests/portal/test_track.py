"""Tracking an application by query code and phone: the applicant's own case and nothing else."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import Application, CaseEvent

pytestmark = pytest.mark.django_db
URL = reverse("portal:track")
GENERIC = "No application matches this query code and phone number."


def submit(county, *, agency=None, phone="13800138000", description="2025年招生划片方案") -> Application:  # type: ignore[no-untyped-def]
    app = Application(agency=agency or county.edu, submitted_on=date(2025, 9, 25), applicant_type="natural",
                      applicant_name="张三", id_number="11010519491231002X", phone=phone,
                      description=description)
    return workflow.submit_online(app)


def test_right_code_and_phone_show_status_and_due_date(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    app = submit(county)
    workflow.register(app, county.edu_officer, on=date(2025, 9, 26), note="内部备注：已电话确认")
    response = client.post(URL, {"query_code": app.query_code.lower(), "phone": "+86 138-0013-8000"})
    assert response.status_code == 302 and response["Location"] == URL
    html = client.get(URL).content.decode()
    assert "Being processed" in html
    assert "示范县教育局" in html and app.number in html
    assert "2025年10月30日" in html or "Oct. 30, 2025" in html
    assert "Receipt confirmed and application registered" in html
    # Internal notes and staff names never reach the public page.
    assert "内部备注" not in html and "edu_officer" not in html
    # The page can be reloaded from the session.
    assert "Being processed" in client.get(URL).content.decode()


def test_submitted_case_says_receipt_not_yet_confirmed(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    app = submit(county)
    client.post(URL, {"query_code": app.query_code, "phone": "13800138000"})
    html = client.get(URL).content.decode()
    assert "waiting for the office to confirm receipt" in html
    assert "Not yet confirmed by the office" in html


def test_provisional_due_date_is_marked(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    app = submit(county)
    workflow.register(app, county.edu_officer, on=date(2025, 9, 26))
    Application.objects.filter(pk=app.pk).update(due_provisional=True)
    client.post(URL, {"query_code": app.query_code, "phone": "13800138000"})
    assert "(provisional)" in client.get(URL).content.decode()


def test_answered_case_shows_the_outcome(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    app = submit(county)
    workflow.register(app, county.edu_officer, on=date(2025, 9, 26))
    workflow.answer(app, county.edu_officer, on=date(2025, 10, 10), outcome="R05", reasons="涉密")
    client.post(URL, {"query_code": app.query_code, "phone": "13800138000"})
    html = client.get(URL).content.decode()
    assert "Not disclosed（属于国家秘密）" in html
    assert "涉密" not in html  # reasons are in the answer letter, not on the page


@pytest.mark.parametrize("which", ["wrong phone", "unknown code"])
def test_wrong_code_or_phone_gets_one_generic_message(client: Client, county, which: str) -> None:  # type: ignore[no-untyped-def]
    app = submit(county)
    data = {"query_code": app.query_code, "phone": "13900000000"} if which == "wrong phone" else \
        {"query_code": "ZZZZZZZZZZ", "phone": "13800138000"}
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert GENERIC in html
    assert "示范县教育局" not in html and "招生划片" not in html
    assert client.session.get("portal.track") is None


def test_another_applicants_case_never_appears(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    mine = submit(county)
    theirs = submit(county, agency=county.env, phone="13911112222", description="排污许可证核发名单")
    workflow.register(theirs, county.env_officer, on=date(2025, 9, 26))
    client.post(URL, {"query_code": mine.query_code, "phone": "13800138000"})
    # My phone with their code: refused, and my own session case stays mine.
    refused = client.post(URL, {"query_code": theirs.query_code, "phone": "13800138000"}).content.decode()
    assert GENERIC in refused
    html = client.get(URL).content.decode()
    for leak in ("示范县生态环境局", "排污许可证", theirs.number):
        assert leak not in html and leak not in refused
    assert theirs.query_code not in html


def test_look_up_another_forgets_the_case(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    app = submit(county)
    client.post(URL, {"query_code": app.query_code, "phone": "13800138000"})
    assert client.post(reverse("portal:track_forget")).status_code == 302
    html = client.get(URL).content.decode()
    assert "示范县教育局" not in html and 'name="query_code"' in html


def test_both_fields_are_required(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    html = client.post(URL, {"query_code": "", "phone": ""}).content.decode()
    assert 'href="#id_query_code"' in html and 'href="#id_phone"' in html


def test_tracking_is_rate_limited(client: Client, county, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PUBLIC_FORM_RATE = "3/h"
    app = submit(county)
    for _ in range(3):
        client.post(URL, {"query_code": "ZZZZZZZZZZ", "phone": "13800138000"})
    # Even the right answer is refused once the limit is reached: guessing stops here.
    assert client.post(URL, {"query_code": app.query_code, "phone": "13800138000"}).status_code == 429


def test_public_steps_leave_out_internal_notes(county) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    from gongkai.portal.public import public_steps

    app = submit(county)
    CaseEvent.objects.create(application=app, kind=CaseEvent.Kind.NOTE, on=date(2025, 9, 25), note="x")
    with translation.override("en"):
        assert [str(s.label) for s in public_steps(app)] == ["Application submitted online"]
