"""The office's case pages: scope, masking, audit, workflow steps, dashboard and statistics."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from gongkai.applications import workflow
from gongkai.applications.counting import TYPES, table3
from gongkai.applications.models import Application, Attachment
from gongkai.applications.views import soon_horizon
from gongkai.auditlog.models import AuditEntry
from gongkai.litigation.counting import table4
from gongkai.litigation.models import Remedy

pytestmark = pytest.mark.django_db
BACKEND = "gongkai.agencies.backends.ModelBackend"
ID_NUMBER, PHONE = "410423199001011234", "13812345678"


def make(agency, *, channel="in_person", sent=date(2025, 9, 26), kind="natural",  # type: ignore[no-untyped-def]
         name="张三") -> Application:
    return Application(agency=agency, channel=channel, submitted_on=sent, applicant_type=kind,
                       applicant_name=name, id_number=ID_NUMBER, phone=PHONE, email="zhang@example.cn",
                       address="示范县人民路1号", description="2025年义务教育学校招生划片方案")


def registered(county, agency=None, on=date(2025, 9, 26), **kw) -> Application:  # type: ignore[no-untyped-def]
    return workflow.register(make(agency or county.edu, sent=on, **kw), county.edu_officer, on=on)


def login(client, user):  # type: ignore[no-untyped-def]
    client.force_login(user, backend=BACKEND)
    return client


# -- scope: every URL with a case, attachment or remedy key ------------------------------------


def keyed_patterns() -> list[tuple[str, str, frozenset[str]]]:
    """Every named URL of the two namespaces that takes a key, found in the resolver, so a new
    URL is covered without editing this test."""
    out = []
    for namespace in ("applications", "litigation"):
        _, resolver = get_resolver().namespace_dict[namespace]
        for pattern in resolver.url_patterns:
            keys = frozenset(pattern.pattern.converters)
            if keys:
                out.append((namespace, pattern.name, keys))
    return out


@pytest.fixture
def edu_records(county):  # type: ignore[no-untyped-def]
    app = registered(county)
    attachment = Attachment(application=app, name="身份证明.pdf", size=8, content_type="application/pdf",
                            sha256="0" * 64)
    attachment.file.save("x", ContentFile(b"%PDF-1.4"), save=True)
    remedy = Remedy.objects.create(agency=county.edu, application=app, kind=Remedy.Kind.RECONSIDERATION,
                                   filed_on=date(2025, 11, 3), body="示范县人民政府")
    return {"pk": app, "attachment_pk": attachment, "remedy": remedy}


def url_for(namespace: str, name: str, keys: frozenset[str], records) -> str:  # type: ignore[no-untyped-def]
    if namespace == "litigation":
        assert keys == {"pk"}, f"litigation:{name} takes {keys}: teach this test what they are"
        return reverse(f"litigation:{name}", kwargs={"pk": records["remedy"].pk})
    assert keys <= {"pk", "attachment_pk"}, f"applications:{name} takes {keys}: teach this test"
    return reverse(f"applications:{name}", kwargs={k: records[k].pk for k in keys})


def test_the_resolver_lists_the_keyed_urls() -> None:
    names = {name for _, name, _ in keyed_patterns()}
    assert {"detail", "answer", "extend", "attachment", "edit"} <= names


@pytest.mark.parametrize(("namespace", "name", "keys"), keyed_patterns())
def test_another_agency_gets_404_on_every_keyed_url(client, county, edu_records, namespace, name,  # type: ignore[no-untyped-def]
                                                    keys) -> None:
    url = url_for(namespace, name, keys, edu_records)
    login(client, county.env_officer)
    before = Application.objects.values().get(pk=edu_records["pk"].pk)
    assert client.get(url).status_code in (403, 404)
    response = client.post(url, {"on": "2025-10-10", "outcome": "R03", "reason": "x", "kind": "lawsuit_direct",
                                 "filed_on": "2025-11-01", "body": "法院", "result": "pending"})
    assert response.status_code in (403, 404)
    assert Application.objects.values().get(pk=edu_records["pk"].pk) == before
    assert Remedy.objects.get(pk=edu_records["remedy"].pk).kind == Remedy.Kind.RECONSIDERATION
    # … while the agency's own approver reaches the same URL.
    client.logout()
    login(client, county.edu_approver)
    assert client.get(url).status_code in (200, 302)


def test_supervisor_of_the_parent_sees_the_case_but_cannot_act(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    login(client, county.supervisor)
    response = client.get(reverse("applications:detail", args=[app.pk]))
    assert response.status_code == 200 and "张三" in response.text
    assert client.get(reverse("applications:list")).text.count(app.number) == 1
    response = client.post(reverse("applications:answer", args=[app.pk]), {"on": "2025-10-10", "outcome": "R03"})
    assert response.status_code == 403
    app.refresh_from_db()
    assert app.status == Application.Status.IN_PROGRESS


# -- list and case page ------------------------------------------------------------------------


def test_list_masks_id_number_and_phone(client, county) -> None:  # type: ignore[no-untyped-def]
    registered(county)
    text = login(client, county.edu_officer).get(reverse("applications:list")).text
    assert "4104**********1234" in text and "138****5678" in text
    assert ID_NUMBER not in text and PHONE not in text
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_PERSONAL).exists()


def test_list_filters(client, county) -> None:  # type: ignore[no-untyped-def]
    a = registered(county, name="李四")
    b = registered(county, on=date(2024, 12, 2), name="王五")
    login(client, county.edu_officer)
    text = client.get(reverse("applications:list"), {"q": "李"}).text
    assert a.number in text and b.number not in text
    text = client.get(reverse("applications:list"), {"year": "2024"}).text
    assert b.number in text and a.number not in text
    assert client.get(reverse("applications:list"), {"year": "abc"}).status_code == 200


def test_case_page_shows_and_logs_personal_data(client, county, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    app = registered(county, on=date(2026, 12, 15))
    login(client, county.edu_officer)
    # session, user, the case, events, letters (the receipt), the audit entry: tables without rows
    # for this case are not read (test_views_casepage.py).
    with django_assert_max_num_queries(6):
        response = client.get(reverse("applications:detail", args=[app.pk]))
    assert ID_NUMBER in response.text and PHONE in response.text
    assert "（暂定）" in response.text  # 2027 has no published schedule in the test database
    assert app.due_explanation.splitlines()[0] in response.text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW_PERSONAL, object_id=str(app.pk))
    assert entry.actor == county.edu_officer and "id_number" in entry.changes["fields"]
    client.get(reverse("applications:detail", args=[app.pk]))
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_PERSONAL).count() == 2


def test_case_page_offers_only_the_possible_steps(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    text = login(client, county.edu_officer).get(reverse("applications:detail", args=[app.pk])).text
    assert reverse("applications:answer", args=[app.pk]) in text
    assert reverse("applications:deliver", args=[app.pk]) not in text
    assert reverse("applications:extend", args=[app.pk]) not in text  # an officer cannot approve
    client.logout()
    text = login(client, county.edu_approver).get(reverse("applications:detail", args=[app.pk])).text
    assert reverse("applications:extend", args=[app.pk]) in text


# -- workflow steps ------------------------------------------------------------------------------


def test_extension_refused_to_an_officer_and_granted_by_an_approver(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    url = reverse("applications:extend", args=[app.pk])
    login(client, county.edu_officer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"on": "2025-10-20", "reason": "材料较多"}).status_code == 403
    app.refresh_from_db()
    assert not app.extended and app.due_on == date(2025, 10, 30)
    client.logout()
    login(client, county.edu_approver)
    assert 'type="date"' in client.get(url).text
    response = client.post(url, {"on": "2025-10-20", "reason": "材料较多"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.extended and app.due_on == date(2025, 11, 27)
    # A second extension: the page is not offered any more.
    assert client.post(url, {"on": "2025-10-21", "reason": "再次"}).status_code == 302
    app.refresh_from_db()
    assert app.events.filter(kind="extended").count() == 1


def test_answer_through_the_view(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    url = reverse("applications:answer", args=[app.pk])
    login(client, county.edu_officer)
    # Not disclosing without reasons: the workflow's message in the form, no traceback.
    response = client.post(url, {"on": "2025-10-10", "outcome": "R13"})
    assert response.status_code == 400
    assert "Art. 36" in response.text or "第三十六条" in response.text
    # The lapse rows are not offered in the answer form.
    assert client.post(url, {"on": "2025-10-10", "outcome": "R21"}).status_code == 400
    # A date before the receipt date.
    response = client.post(url, {"on": "2025-09-01", "outcome": "R03"})
    assert response.status_code == 400 and "2025-09-26" in response.text
    assert client.post(url, {"on": "2025-10-10", "outcome": "R03"}).status_code == 302
    app.refresh_from_db()
    assert (app.status, app.outcome, app.concluded_on) == (Application.Status.ANSWERED, "R03", date(2025, 10, 10))
    response = client.post(reverse("applications:deliver", args=[app.pk]), {"on": "2025-10-11", "method": "email"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Application.Status.CLOSED


def test_step_not_possible_in_the_current_status_redirects_with_a_message(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    login(client, county.edu_officer)
    response = client.post(reverse("applications:fee_paid", args=[app.pk]), {"on": "2025-10-10"}, follow=True)
    assert response.status_code == 200 and "messages" in response.text
    app.refresh_from_db()
    assert app.status == Application.Status.IN_PROGRESS


def test_correction_and_consultation_steps(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county, on=date(2026, 2, 10))
    login(client, county.edu_officer)
    client.post(reverse("applications:request_correction", args=[app.pk]),
                {"on": "2026-02-12", "what": "请明确文件名称", "correct_by": "2026-03-02"})
    app.refresh_from_db()
    assert app.status == Application.Status.CORRECTION
    client.post(reverse("applications:receive_correction", args=[app.pk]), {"on": "2026-03-16"})
    app.refresh_from_db()
    assert app.status == Application.Status.IN_PROGRESS and app.due_on == date(2026, 4, 14)
    client.post(reverse("applications:start_consultation", args=[app.pk]), {"on": "2026-03-17", "party": "某公司"})
    app.refresh_from_db()
    assert app.status == Application.Status.CONSULTATION
    text = client.get(reverse("applications:detail", args=[app.pk])).text
    assert "第三十二条" in text and "某公司" in text  # the pause with its legal basis


def test_fee_notice_computes_the_per_page_amount(client, county) -> None:  # type: ignore[no-untyped-def]
    app = registered(county)
    login(client, county.edu_officer)
    response = client.post(reverse("applications:fee_notice", args=[app.pk]),
                           {"on": "2025-10-09", "method": "per_page", "pages": "150"})
    assert response.status_code == 302
    assert app.events.get(kind="fee_notice").data["amount"] == 1700


# -- intake ----------------------------------------------------------------------------------------


INTAKE = {"channel": "in_person", "submitted_on": "2025-09-26", "applicant_type": "natural",
          "applicant_name": "赵六", "id_type": "resident_id", "id_number": ID_NUMBER, "phone": PHONE,
          "description": "某文件", "form": "electronic", "delivery": "email", "items": "1"}


def test_intake_registers_an_in_person_application(client, county) -> None:  # type: ignore[no-untyped-def]
    login(client, county.edu_officer)
    upload = ContentFile(b"%PDF-1.4 test", name="申请表.pdf")
    response = client.post(reverse("applications:new"), {**INTAKE, "attachments": [upload]})
    assert response.status_code == 302, response.text
    app = Application.objects.get(applicant_name="赵六")
    assert (app.agency, app.received_on, app.number, app.due_on) == (
        county.edu, date(2025, 9, 26), "2025-0001", date(2025, 10, 30))
    assert app.attachments.get().name == "申请表.pdf"


def test_intake_needs_the_confirmation_date_for_e_mail(client, county) -> None:  # type: ignore[no-untyped-def]
    login(client, county.edu_officer)
    data = {**INTAKE, "channel": "email", "submitted_on": "2025-09-25"}
    response = client.post(reverse("applications:new"), data)
    assert response.status_code == 400 and 'aria-invalid="true"' in response.text
    assert not Application.objects.exists()
    client.post(reverse("applications:new"), {**data, "confirmed_on": "2025-09-26"})
    assert Application.objects.get().received_on == date(2025, 9, 26)


def test_intake_refuses_a_bad_id_number_and_supervisors(client, county) -> None:  # type: ignore[no-untyped-def]
    login(client, county.edu_officer)
    assert client.post(reverse("applications:new"), {**INTAKE, "id_number": "12345"}).status_code == 400
    client.logout()
    login(client, county.supervisor)
    assert client.get(reverse("applications:new")).status_code == 403


def test_register_an_online_submission(client, county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.submit_online(make(county.edu, channel="online", sent=date(2025, 9, 25)))
    login(client, county.edu_officer)
    assert client.post(reverse("applications:register", args=[app.pk]), {"on": "2025-09-24"}).status_code == 400
    assert client.post(reverse("applications:register", args=[app.pk]), {"on": "2025-09-26"}).status_code == 302
    app.refresh_from_db()
    assert app.received_on == date(2025, 9, 26) and app.status == Application.Status.IN_PROGRESS


# -- attachments -------------------------------------------------------------------------------


def test_attachment_download_is_logged_and_named(client, county, edu_records) -> None:  # type: ignore[no-untyped-def]
    attachment = edu_records["attachment_pk"]
    response = login(client, county.edu_officer).get(reverse("applications:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and f"filename*=utf-8''{quote('身份证明.pdf')}" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DOWNLOAD)
    assert entry.object_id == str(attachment.pk) and entry.agency_id == county.edu.pk


# -- dashboard ---------------------------------------------------------------------------------


def test_dashboard_counts_overdue_and_due_soon(client, county, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    horizon = soon_horizon(today)
    cases = [registered(county, on=today - timedelta(days=40)) for _ in range(5)]
    due = {0: today - timedelta(days=1), 1: today, 2: horizon, 3: horizon + timedelta(days=1), 4: today - timedelta(days=3)}
    for i, day in due.items():
        Application.objects.filter(pk=cases[i].pk).update(due_on=day)
    Application.objects.filter(pk=cases[4].pk).update(status=Application.Status.CORRECTION)  # clock stopped
    registered(county, agency=county.env, on=today - timedelta(days=40))  # another agency
    workflow.submit_online(make(county.edu, channel="online", sent=today))
    login(client, county.edu_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("applications:dashboard"))
    ctx = response.context
    assert ctx["totals"] == {"open": 5, "overdue": 1, "soon": 2, "submitted": 1, "answered": 0}
    assert [r["number"] for r in ctx["overdue"]] == [cases[0].number]
    assert [r["number"] for r in ctx["soon"]] == [cases[1].number, cases[2].number]
    assert 'id="count-overdue">1<' in response.text
    client.logout()
    ctx = login(client, county.supervisor).get(reverse("applications:dashboard")).context
    assert ctx["totals"]["open"] == 6
    assert {a.pk: row["open"] for a, row in ctx["per_agency"]}[county.env.pk] == 1


def test_dashboard_queries_do_not_grow_with_cases(client, county, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for _ in range(30):
        registered(county, on=timezone.localdate())
    login(client, county.edu_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("applications:dashboard"))
    assert len(response.context["open"]) == 20 and response.context["totals"]["open"] == 30


# -- statistics --------------------------------------------------------------------------------


def test_statistics_page_matches_the_counting(client, county) -> None:  # type: ignore[no-untyped-def]
    answered = registered(county, on=date(2025, 3, 3), kind="commercial")
    workflow.answer(answered, county.edu_officer, on=date(2025, 3, 20), outcome="R03")
    registered(county, on=date(2025, 12, 29))  # carried over into 2026
    registered(county, agency=county.env, on=date(2025, 5, 6))
    Remedy.objects.create(agency=county.edu, kind=Remedy.Kind.RECONSIDERATION, filed_on=date(2025, 6, 1),
                          body="示范县人民政府", result=Remedy.Result.UPHELD, decided_on=date(2025, 8, 1))
    login(client, county.supervisor)
    url = reverse("applications:statistics")
    for params, ids in (({"year": "2025", "agency": "all"}, None),
                        ({"year": "2025", "agency": str(county.edu.pk)}, [county.edu.pk])):
        data = client.get(url, {**params, "format": "json"}).json()
        expected3 = table3(2025, ids if ids else [a.pk for a in (county.gov, county.edu, county.env, county.town)])[None]
        for key, values in data["table3"].items():
            assert values[:6] == [expected3[key][t] for t in TYPES] and values[6] == sum(values[:6])
        expected4 = table4(2025, ids)[None]
        assert data["table4"][:5] == [expected4["reconsideration"][r] for r in
                                      ("upheld", "corrected", "other", "pending", "total")]
    assert data["table3"]["R01"][6] == 2 and data["table3"]["R03"][1] == 1 and data["table3"]["R25"][6] == 1
    assert data["table4"][0] == 1 and data["table4"][4] == 1
    everything = client.get(url, {"year": "2025", "format": "json"}).json()
    assert everything["table3"]["R01"][6] == 3
    html = client.get(url, {"year": "2025"}).text
    assert 'scope="colgroup"' in html and "本年新收" in html and 'scope="rowgroup"' in html
    # An officer cannot look into another agency.
    client.logout()
    login(client, county.env_officer)
    data = client.get(url, {"year": "2025", "agency": str(county.edu.pk), "format": "json"}).json()
    assert data["agencies"] == [county.env.pk] and data["table3"]["R01"][6] == 1
    assert client.get(url, {"year": "nonsense"}).status_code == 200


def test_holiday_page_lists_exact_and_provisional_years(client, county) -> None:  # type: ignore[no-untyped-def]
    response = login(client, county.edu_officer).get(reverse("holidays:list"))
    assert response.status_code == 200
    years = response.context["years"]
    assert any(not y["covered"] for y in years)  # a year ahead is never published yet
    assert "暂定" in response.text and str(years[0]["year"]) in response.text
