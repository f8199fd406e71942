"""The case page read cheaply (issue 4): every fact still shown, few statements, and the
helpers that make it cheap (compiled statements, the kept office menu and labels, dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.files.base import ContentFile
from django.db.models import Exists, OuterRef
from django.template import engines
from django.urls import reverse
from django.utils import translation

from gongkai.applications import workflow
from gongkai.applications.models import Application, Attachment, CaseEvent, ClockPause
from gongkai.applications.templatetags.casefmt import ymd, ymd_hm
from gongkai.auditlog.models import AuditEntry
from gongkai.litigation.models import Remedy
from gongkai.project.prepared import Prepared

pytestmark = pytest.mark.django_db
BACKEND = "gongkai.agencies.backends.ModelBackend"


def registered(county, **kw) -> Application:  # type: ignore[no-untyped-def]
    app = Application(agency=county.edu, channel="post_signed", submitted_on=date(2025, 9, 26),
                      applicant_type="natural", applicant_name="张<三>", id_number="410423199001011234",
                      phone="13812345678", description="2025年招生方案<script>", **kw)
    return workflow.register(app, county.edu_officer, on=date(2025, 9, 26))


@pytest.fixture
def full_case(county):  # type: ignore[no-untyped-def]
    """A case with a row in every table the page shows."""
    app = registered(county, email="z@example.cn", address="示范县人民路1号", postcode="456000",
                     contact_person="李四", purpose="研究")
    workflow.start_consultation(app, county.edu_officer, on=date(2025, 9, 29), party="某公司")
    workflow.end_consultation(app, county.edu_officer, on=date(2025, 10, 9))
    workflow.answer(app, county.edu_officer, on=date(2025, 10, 20), outcome="R13", reasons="未制作")
    attachment = Attachment(application=app, name="身份证.pdf", size=2048, content_type="application/pdf",
                            sha256="0" * 64)
    attachment.file.save("id.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attachment.save()
    Remedy.objects.create(agency=county.edu, application=app, kind="reconsideration", filed_on=date(2025, 11, 3),
                          body="示范县人民政府", case_number="示复〔2025〕1号", claimant="张三")
    CaseEvent.objects.create(application=app, kind=CaseEvent.Kind.NOTE, on=date(2025, 11, 4), note="电话<b>联系</b>")
    return app


def page(client, user, app, language: str = "zh-hans") -> str:  # type: ignore[no-untyped-def]
    client.force_login(user, backend=BACKEND)
    response = client.get(reverse("applications:detail", args=[app.pk]), headers={"accept-language": language})
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("who", ["edu_officer", "supervisor"])  # the compiled statement, and the ORM's
def test_every_fact_of_a_full_case_is_shown(client, county, full_case, who) -> None:  # type: ignore[no-untyped-def]
    app, user = full_case, getattr(county, who)
    text = page(client, user, app)
    assert "示范县教育局" in text and app.number in text and app.query_code in text
    assert "410423199001011234" in text and "13812345678" in text and "示范县人民路1号（456000）" in text
    assert "张&lt;三&gt;" in text and "&lt;script&gt;" in text and "<script>" not in text  # user text escaped
    assert "第三十二条" in text and "某公司" in text and "2025-09-29" in text  # the pause and its basis
    assert str(county.edu_officer) in text and "电话&lt;b&gt;联系&lt;/b&gt;" in text  # history
    attachment = full_case.attachments.get()
    assert reverse("applications:attachment", args=[attachment.pk]) in text and "2.0\xa0KB" in text
    remedy = Remedy.objects.get()
    assert reverse("litigation:edit", args=[remedy.pk]) in text and "示复〔2025〕1号" in text
    for letter in app.letters.all():
        for fmt in ("docx", "pdf"):
            assert reverse("letters:download", kwargs={"pk": letter.pk, "fmt": fmt}) in text
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_PERSONAL, actor=user).count() == 1


def test_history_names_the_officer_or_says_applicant_or_system(client, county) -> None:  # type: ignore[no-untyped-def]
    officer = county.edu_officer
    officer.display_name, officer.first_name, officer.last_name = "", "五", "王"
    officer.save()
    app = registered(county)
    CaseEvent.objects.create(application=app, kind=CaseEvent.Kind.NOTE, on=date(2025, 9, 27), actor=None)
    text = page(client, county.edu_approver, app, language="en")
    assert str(officer) == "五 王" and "<td>五 王</td>" in text  # the handler and the registration
    assert "<td>applicant or system</td>" in text


def test_tables_without_rows_are_not_read(client, county, full_case, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    bare = registered(county)
    client.force_login(county.edu_officer, backend=BACKEND)
    # session, user, the case (with names and which tables have rows), events, letters (the
    # registration receipt), the audit entry
    with django_assert_num_queries(6):
        client.get(reverse("applications:detail", args=[bare.pk]))
    with django_assert_num_queries(9):  # … and pauses, attachments, remedies
        client.get(reverse("applications:detail", args=[full_case.pk]))


def test_another_agency_and_a_missing_case_are_404(client, county, full_case) -> None:  # type: ignore[no-untyped-def]
    client.force_login(county.env_officer, backend=BACKEND)
    assert client.get(reverse("applications:detail", args=[full_case.pk])).status_code == 404
    assert client.get(reverse("applications:detail", args=[full_case.pk + 1000])).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_PERSONAL).exists()


# -- Prepared ------------------------------------------------------------------------------------


def test_prepared_runs_the_compiled_statement_with_each_value(county) -> None:  # type: ignore[no-untyped-def]
    a, b = registered(county), registered(county)
    events = Prepared(lambda pk: CaseEvent.objects.filter(application_id=pk).values("application_id", "on", "at"), 1)
    rows = events.rows(a.pk)
    assert [r["application_id"] for r in rows] == [a.pk] and events.rows(b.pk)[0]["application_id"] == b.pk
    assert rows[0]["on"] == date(2025, 9, 26) and rows[0]["at"].tzinfo is not None  # converted as the ORM does
    assert rows == list(CaseEvent.objects.filter(application_id=a.pk).values("application_id", "on", "at"))
    flagged = Prepared(lambda pk: Application.objects.filter(pk=pk).values("id").annotate(
        paused=Exists(ClockPause.objects.filter(application_id=OuterRef("pk")))), 1)
    assert flagged.rows(a.pk) == [{"id": a.pk, "paused": False}]
    assert events.rows(-1) == []


def test_prepared_refuses_what_it_cannot_run_again() -> None:
    with pytest.raises(TypeError):  # model instances, not values
        Prepared(lambda pk: Application.objects.filter(pk=pk), 1).rows(1)
    with pytest.raises(ValueError):  # the value is rewritten ('…%'), so it cannot be replaced
        Prepared(lambda n: Application.objects.filter(number__startswith=n).values("id"), 1).rows("2025")
    with pytest.raises(TypeError):
        Prepared(lambda pk: Application.objects.filter(pk=pk).values("id"), 1).rows(1, 2)


# -- the kept menu and labels, dates -------------------------------------------------------------


def test_office_menu_follows_the_user_and_the_language(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    new = reverse("applications:new")
    for _ in range(2):  # the second round comes from the kept copies
        assert f'href="{new}"' in page(client, county.edu_officer, app)
        assert f'href="{new}"' not in page(client, county.supervisor, app)  # supervisors do not record cases
    assert "Year statistics" in page(client, county.edu_officer, app, language="en")
    assert "Year statistics" not in page(client, county.edu_officer, app)


def test_kept_translate_renders_as_django_does() -> None:
    source = '{% translate "Answer due" %}|{% translate "Answer due" as due %}{{ due }}|{% translate "x" noop %}'
    django_tag = engines["django"].from_string("{% load i18n %}" + source)
    kept = engines["django"].from_string("{% load i18n i18n_cached %}" + source)
    for language in ("zh-hans", "en", "zh-hans"):
        with translation.override(language):
            assert kept.render({}) == django_tag.render({})
    with translation.override("zh-hans"):
        assert kept.render({}).startswith("答复期限|")
    with translation.override("en"):  # Django's translate tag returns the text of literals unescaped
        assert engines["django"].from_string('{% load i18n i18n_cached %}{% translate "a < b" %}').render({}) == "a < b"


def test_dates_as_the_pages_print_them() -> None:
    assert ymd(date(2025, 10, 30)) == "2025-10-30" and ymd(None) == "" and ymd("") == ""
    # Filters take the current time zone (Asia/Shanghai) through the template, like |date.
    rendered = engines["django"].from_string("{% load casefmt %}{{ at|ymd }} {{ at|ymd_hm }}").render(
        {"at": datetime(2025, 10, 30, 17, 5, tzinfo=UTC)})
    assert rendered == "2025-10-31 2025-10-31 01:05"
    assert ymd_hm(None) == ""
