"""The online application form (条例第二十九条): refusals store nothing, success stores all."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.applications.models import Application, Attachment, CaseEvent
from gongkai.applications.workflow import WorkflowError

from .conftest import application_data, pdf_bytes, png_bytes, stored_files

pytestmark = pytest.mark.django_db
URL = reverse("portal:apply")


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def assert_nothing_stored(media) -> None:  # type: ignore[no-untyped-def]
    assert Application.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert stored_files(media) == []


def test_form_lists_agencies_grouped_by_parent(client: Client, county) -> None:  # type: ignore[no-untyped-def]
    html = client.get(URL).content.decode()
    assert '<optgroup label="示范县人民政府">' in html
    assert html.index("示范县人民政府") < html.index("示范县教育局")
    preselected = client.get(URL, {"agency": county.env.pk}).content.decode()
    assert f'<option value="{county.env.pk}" selected>' in preselected


def test_missing_required_fields_are_named_and_nothing_is_stored(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    response = client.post(URL, {"form": "electronic", "delivery": "pickup"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the following" in html
    for field in ("agency", "applicant_type", "applicant_name", "id_type", "id_number", "phone", "description"):
        assert f'href="#id_{field}"' in html, field
        assert f'id="id_{field}_error"' in html, field
        assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html or \
            f'aria-describedby="id_{field}_error"' in html, field
    assert html.count("This field is required.") == 2 * 7  # summary + field
    assert_nothing_stored(media)


def test_input_is_kept_when_the_form_is_shown_again(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    data = application_data(county, id_number="110105194912310021")
    html = client.post(URL, {**data, "attachments": [upload("a.pdf", pdf_bytes())]}).content.decode()
    assert 'value="张三"' in html and "示教〔2025〕3号" in html
    assert f'<option value="{county.edu.pk}" selected>' in html
    assert "please attach them again" in html
    assert_nothing_stored(media)


def test_wrong_resident_id_check_digit_is_refused(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    response = client.post(URL, application_data(county, id_number="110105194912310021"))
    assert response.status_code == 200
    assert "its last character does not match" in response.content.decode()
    assert_nothing_stored(media)


def test_markup_in_a_text_field_is_refused(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    response = client.post(URL, application_data(
        county, description="招生方案<script>alert('x')</script>", applicant_name="<b>张三</b>"))
    html = response.content.decode()
    assert response.status_code == 200
    # Each message twice: in the summary at the top and next to its field.
    assert html.count("Please remove the markup") == 4
    assert 'id="id_description_error"' in html and 'id="id_applicant_name_error"' in html
    assert "<script>alert" not in html  # shown back escaped, never as markup
    assert_nothing_stored(media)


@pytest.mark.parametrize("content", [
    b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
])
def test_disguised_attachment_is_refused_by_name(client: Client, county, media, content: bytes) -> None:  # type: ignore[no-untyped-def]
    response = client.post(URL, {**application_data(county),
                                 "attachments": [upload("身份证复印件.pdf", content)]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "“身份证复印件.pdf” is not a real PDF file" in html
    assert_nothing_stored(media)


def test_oversized_attachment_is_refused(client: Client, county, media, settings) -> None:  # type: ignore[no-untyped-def]
    settings.ATTACHMENT_MAX_BYTES = 1024
    big = pdf_bytes() + b"%" + b" " * 2048
    response = client.post(URL, {**application_data(county), "attachments": [upload("scan.pdf", big)]})
    html = response.content.decode()
    assert "“scan.pdf” is" in html and "each file may be at most 1.0" in html
    assert_nothing_stored(media)


def test_too_many_attachments_are_refused(client: Client, county, media, settings) -> None:  # type: ignore[no-untyped-def]
    settings.ATTACHMENT_MAX_FILES = 2
    files = [upload(f"p{i}.pdf", pdf_bytes()) for i in range(3)]
    response = client.post(URL, {**application_data(county), "attachments": files})
    assert "You attached 3 files; at most 2 are accepted." in response.content.decode()
    assert_nothing_stored(media)


def test_file_type_outside_the_list_is_refused(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    response = client.post(URL, {**application_data(county), "attachments": [upload("x.html", b"<p>hi</p>")]})
    assert "“x.html”: files of this type are not accepted" in response.content.decode()
    assert_nothing_stored(media)


def test_valid_application_is_stored_with_its_files_and_shows_the_query_code(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    pdf, png = pdf_bytes(), png_bytes()
    response = client.post(URL, {**application_data(county), "attachments": [
        upload("..\\..\\身份证<复印件>.pdf", pdf), upload("photo.PNG", png, "image/png")]})
    assert response.status_code == 302 and response["Location"] == reverse("portal:submitted")

    app = Application.objects.get()
    assert app.status == Application.Status.SUBMITTED and app.channel == Application.Channel.ONLINE
    assert app.submitted_on == timezone.localdate() and app.received_on is None
    assert app.phone == "13800138000" and app.agency == county.edu
    assert app.events.get().kind == CaseEvent.Kind.SUBMITTED
    files = {a.name: a for a in app.attachments.all()}
    assert set(files) == {"身份证复印件.pdf", "photo.png"}
    assert files["身份证复印件.pdf"].sha256 == hashlib.sha256(pdf).hexdigest()
    assert files["身份证复印件.pdf"].content_type == "application/pdf"
    assert files["photo.png"].size == len(png) and files["photo.png"].content_type == "image/png"
    assert len(stored_files(media)) == 2
    assert files["photo.png"].file.read() == png

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert app.query_code in page.content.decode()
    assert "20 working days" in page.content.decode()
    # Shown once: a reload sends the applicant to the tracking page instead.
    again = client.get(response["Location"])
    assert again.status_code == 302 and again["Location"] == reverse("portal:track")


def test_organisation_needs_a_valid_credit_code_and_a_contact_person(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    data = application_data(county, applicant_type="legal", applicant_name="示范律师事务所",
                            id_type="resident_id")
    assert "unified social credit code" in client.post(URL, data).content.decode()
    data.update(id_type="credit_code", id_number="914403001922038217")
    html = client.post(URL, data).content.decode()
    assert "This unified social credit code is not valid" in html
    assert "Name the person the office can contact" in html
    assert_nothing_stored(media)
    data.update(id_number="914403001922038216", contact_person="李四")
    assert client.post(URL, data).status_code == 302
    assert Application.objects.get().applicant_type == "legal"


def test_delivery_by_post_needs_an_address(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    html = client.post(URL, application_data(county, delivery="post", address="", postcode="")).content.decode()
    assert html.count("Required when the information is sent by post.") == 4  # summary + field
    assert 'id="id_address_error"' in html and 'id="id_postcode_error"' in html
    assert_nothing_stored(media)


def test_phone_must_be_a_mainland_number(client: Client, county, media) -> None:  # type: ignore[no-untyped-def]
    html = client.post(URL, application_data(county, phone="12345")).content.decode()
    assert "Enter a mainland mobile number" in html
    assert_nothing_stored(media)


def test_a_failure_while_storing_leaves_no_row_and_no_file(client: Client, county, media, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(app: Application) -> Application:
        raise WorkflowError("The office does not accept applications today.")

    monkeypatch.setattr("gongkai.portal.submission.workflow.submit_online", refuse)
    data = {**application_data(county), "attachments": [upload("a.pdf", pdf_bytes())]}
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "The office does not accept applications today." in response.content.decode()
    assert_nothing_stored(media)

    def crash(app: Application) -> Application:
        raise RuntimeError("disk gone")

    monkeypatch.setattr("gongkai.portal.submission.workflow.submit_online", crash)
    with pytest.raises(RuntimeError):
        client.post(URL, {**application_data(county), "attachments": [upload("a.pdf", pdf_bytes())]})
    assert_nothing_stored(media)


def test_submissions_are_rate_limited(client: Client, county, media, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PUBLIC_FORM_RATE = "2/h"  # hourly windows: no boundary inside the test
    for _ in range(2):
        assert client.post(URL, {}).status_code == 200
    response = client.post(URL, application_data(county))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert client.get(URL).status_code == 200  # reading the form is not limited
    assert_nothing_stored(media)


def test_csrf_is_enforced(county, media) -> None:  # type: ignore[no-untyped-def]
    strict = Client(enforce_csrf_checks=True, headers={"accept-language": "en"})
    assert strict.post(URL, application_data(county)).status_code == 403
    assert_nothing_stored(media)
