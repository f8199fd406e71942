"""Reconsideration and lawsuit records: scoped like cases, linked to a case of the same agency."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import Application
from gongkai.litigation.models import Remedy

pytestmark = pytest.mark.django_db
BACKEND = "gongkai.agencies.backends.ModelBackend"


def case(county, agency):  # type: ignore[no-untyped-def]
    app = Application(agency=agency, channel="in_person", submitted_on=date(2025, 9, 26), applicant_type="natural",
                      applicant_name="张三", id_number="410423199001011234", phone="13800000000",
                      description="某文件")
    return workflow.register(app, county.edu_officer, on=date(2025, 9, 26))


FORM = {"kind": "reconsideration", "filed_on": "2025-11-03", "body": "示范县人民政府", "case_number": "示复〔2025〕1号",
        "claimant": "张三", "result": "pending"}


def test_record_a_reconsideration_linked_to_a_case(client, county) -> None:  # type: ignore[no-untyped-def]
    app = case(county, county.edu)
    client.force_login(county.edu_officer, backend=BACKEND)
    page = client.get(reverse("litigation:new"), {"application": app.pk})
    assert app.number in page.text
    response = client.post(reverse("litigation:new"), {**FORM, "application_number": app.number})
    assert response.status_code == 302
    remedy = Remedy.objects.get()
    assert (remedy.agency, remedy.application) == (county.edu, app)
    assert "示复〔2025〕1号" in client.get(reverse("applications:detail", args=[app.pk])).text


def test_a_case_of_another_agency_cannot_be_linked(client, county) -> None:  # type: ignore[no-untyped-def]
    other = case(county, county.env)
    client.force_login(county.edu_officer, backend=BACKEND)
    response = client.post(reverse("litigation:new"), {**FORM, "application_number": other.number})
    assert response.status_code == 400 and not Remedy.objects.exists()
    assert client.get(reverse("litigation:new"), {"application": other.pk}).status_code == 404


def test_result_needs_its_date_and_order_of_dates(client, county) -> None:  # type: ignore[no-untyped-def]
    client.force_login(county.edu_officer, backend=BACKEND)
    assert client.post(reverse("litigation:new"), {**FORM, "result": "upheld"}).status_code == 400
    assert client.post(reverse("litigation:new"), {**FORM, "result": "upheld",
                                                   "decided_on": "2025-10-01"}).status_code == 400
    assert client.post(reverse("litigation:new"), {**FORM, "filed_on": "2025-13-40"}).status_code == 400
    assert not Remedy.objects.exists()


def test_edit_decides_the_remedy(client, county) -> None:  # type: ignore[no-untyped-def]
    remedy = Remedy.objects.create(agency=county.edu, kind=Remedy.Kind.LAWSUIT_DIRECT, filed_on=date(2025, 6, 1),
                                   body="示范县人民法院")
    client.force_login(county.edu_officer, backend=BACKEND)
    response = client.post(reverse("litigation:edit", args=[remedy.pk]), {
        **FORM, "kind": "lawsuit_direct", "body": "示范县人民法院", "result": "corrected", "decided_on": "2025-12-01"})
    assert response.status_code == 302
    remedy.refresh_from_db()
    assert (remedy.result, remedy.decided_on) == (Remedy.Result.CORRECTED, date(2025, 12, 1))


def test_list_is_scoped_and_supervisor_reads_only(client, county) -> None:  # type: ignore[no-untyped-def]
    mine = Remedy.objects.create(agency=county.edu, kind=Remedy.Kind.RECONSIDERATION, filed_on=date(2025, 6, 1),
                                 body="示范县人民政府", case_number="EDU-1")
    Remedy.objects.create(agency=county.env, kind=Remedy.Kind.RECONSIDERATION, filed_on=date(2025, 6, 1),
                          body="示范县人民政府", case_number="ENV-1")
    client.force_login(county.edu_officer, backend=BACKEND)
    text = client.get(reverse("litigation:list")).text
    assert "EDU-1" in text and "ENV-1" not in text
    client.force_login(county.supervisor, backend=BACKEND)
    text = client.get(reverse("litigation:list")).text
    assert "EDU-1" in text and "ENV-1" in text
    assert client.get(reverse("litigation:edit", args=[mine.pk])).status_code == 200
    assert client.post(reverse("litigation:edit", args=[mine.pk]), {**FORM, "result": "upheld",
                                                                    "decided_on": "2025-12-01"}).status_code == 403
    assert client.get(reverse("litigation:new")).status_code == 403
    client.force_login(county.env_officer, backend=BACKEND)
    assert client.get(reverse("litigation:edit", args=[mine.pk])).status_code == 404
