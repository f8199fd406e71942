"""Downloading letters: scoped to the user's agencies, logged, named in Chinese; the applicant
gets the answer letter of the case the portal's tracking page found."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from urllib.parse import quote

import docx
import pytest
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.auditlog.models import AuditEntry
from gongkai.letters.kinds import Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(registered, county):  # type: ignore[no-untyped-def]
    workflow.answer(registered, county.edu_officer, on=date(2025, 10, 20), outcome="R13", reasons="未制作")
    return registered


def url(letter, fmt: str) -> str:  # type: ignore[no-untyped-def]
    return reverse("letters:download", kwargs={"pk": letter.pk, "fmt": fmt})


def test_officer_downloads_docx_and_pdf_with_a_chinese_file_name(client, answered, county) -> None:  # type: ignore[no-untyped-def]
    letter = answered.letters.get(kind=Kind.ANSWER_UNAVAILABLE)
    client.force_login(county.edu_officer)
    response = client.get(url(letter, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote('示范县教育局政府信息公开申请答复书（2025-0001）.docx')}" in disposition
    assert docx.Document(BytesIO(response.content)).paragraphs[0].text == letter.title
    response = client.get(url(letter, "pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.DOWNLOAD, object_id=str(letter.pk))
    assert entries.count() == 2
    assert entries.first().actor == county.edu_officer and entries.first().agency == county.edu


def test_supervisor_above_the_agency_may_download(client, answered, county) -> None:  # type: ignore[no-untyped-def]
    client.force_login(county.supervisor)
    assert client.get(url(answered.letters.first(), "pdf")).status_code == 200


def test_other_agency_gets_404_and_nothing_is_logged(client, answered, county) -> None:  # type: ignore[no-untyped-def]
    client.force_login(county.env_officer)
    letter = answered.letters.first()
    assert client.get(url(letter, "pdf")).status_code == 404
    assert client.get(url(letter, "docx")).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.DOWNLOAD).exists()


def test_unknown_format_is_404_and_anonymous_users_sign_in_first(client, answered, county) -> None:  # type: ignore[no-untyped-def]
    letter = answered.letters.first()
    response = client.get(url(letter, "pdf"))
    assert response.status_code == 302 and reverse("agencies:login") in response["Location"]
    client.force_login(county.edu_officer)
    assert client.get(url(letter, "odt")).status_code == 404


def test_applicant_gets_the_answer_of_the_tracked_case_only(client, answered, county) -> None:  # type: ignore[no-untyped-def]
    public = reverse("letters:public_answer")
    assert client.get(public).status_code == 404  # nothing tracked in this session
    session = client.session
    session["portal_tracked_application"] = answered.pk
    session.save()
    response = client.get(public)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "attachment;" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_applicant_gets_404_before_the_answer(client, registered) -> None:  # type: ignore[no-untyped-def]
    session = client.session
    session["portal_tracked_application"] = registered.pk  # registered, only the receipt issued
    session.save()
    assert client.get(reverse("letters:public_answer")).status_code == 404
    session["portal_tracked_application"] = "not a number"
    session.save()
    assert client.get(reverse("letters:public_answer")).status_code == 404


def test_case_page_partial_lists_the_letters_with_links(answered) -> None:  # type: ignore[no-untyped-def]
    from django.template.loader import render_to_string

    html = render_to_string("letters/_case_letters.html", {"application": answered})
    for letter in answered.letters.all():
        assert letter.number in html
        assert url(letter, "docx") in html and url(letter, "pdf") in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
