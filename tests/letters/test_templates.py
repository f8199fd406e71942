"""Templates an administrator edits: new letters follow the edit, issued letters keep their text;
the admin shows a preview and refuses a template that does not compile."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.agencies.models import User
from gongkai.applications import workflow
from gongkai.letters.defaults import DEFAULTS
from gongkai.letters.kinds import Kind
from gongkai.letters.models import LetterTemplate

from .conftest import new_case

pytestmark = pytest.mark.django_db


def test_every_kind_has_its_shipped_template() -> None:
    rows = dict(LetterTemplate.objects.values_list("kind", "body"))
    assert set(rows) == {k.value for k in Kind}
    assert rows[Kind.RECEIPT] == DEFAULTS[Kind.RECEIPT][1]


def test_editing_a_template_changes_new_letters_not_issued_ones(county, registered) -> None:  # type: ignore[no-untyped-def]
    issued = registered.letters.get(kind=Kind.RECEIPT)
    before = issued.body
    template = LetterTemplate.objects.get(kind=Kind.RECEIPT)
    template.title = "{{ agency.name }}受理回执"
    template.body = "您的申请已登记，登记号{{ case.number }}，请于{{ case.due_on }}后查询。"
    template.save()
    issued.refresh_from_db()
    assert issued.body == before and issued.title == "示范县教育局政府信息公开申请登记回执"
    later = workflow.register(new_case(county), county.edu_officer, on=date(2025, 9, 26))
    letter = later.letters.get(kind=Kind.RECEIPT)
    assert letter.title == "示范县教育局受理回执"
    assert letter.body == "您的申请已登记，登记号2025-0002，请于2025年10月30日后查询。"


def test_a_deleted_or_broken_template_falls_back_to_the_shipped_text(county) -> None:  # type: ignore[no-untyped-def]
    LetterTemplate.objects.filter(kind=Kind.RECEIPT).delete()
    app = workflow.register(new_case(county), county.edu_officer, on=date(2025, 9, 26))
    assert "第三十三条第二款" in app.letters.get(kind=Kind.RECEIPT).body
    LetterTemplate.objects.filter(kind=Kind.EXTENSION).update(body="{% if %}")
    workflow.extend(app, county.edu_approver, on=date(2025, 10, 20), reason="材料较多")
    assert "因材料较多" in app.letters.get(kind=Kind.EXTENSION).body


def test_letter_text_is_not_html_escaped(county, registered) -> None:  # type: ignore[no-untyped-def]
    workflow.answer(registered, county.edu_officer, on=date(2025, 10, 20), outcome="R10",
                    reasons="《方案》尚属过程稿 & 内部讨论<稿>")
    body = registered.letters.get(kind=Kind.ANSWER_WITHHELD).body
    assert "《方案》尚属过程稿 & 内部讨论<稿>。" in body


@pytest.fixture
def admin_client(client, county):  # type: ignore[no-untyped-def]
    admin = User.objects.create_superuser("root", password="Gongkai2025!x")
    client.force_login(admin)
    return client


def test_admin_shows_a_preview_for_a_sample_case(admin_client) -> None:  # type: ignore[no-untyped-def]
    template = LetterTemplate.objects.get(kind=Kind.ANSWER_UNAVAILABLE)
    response = admin_client.get(reverse("admin:letters_lettertemplate_change", args=[template.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "示范县教育局政府信息公开申请答复书" in html
    assert "第三十六条第（四）项" in html and "示范县人民法院" in html


def test_admin_refuses_a_template_that_does_not_compile(admin_client) -> None:  # type: ignore[no-untyped-def]
    template = LetterTemplate.objects.get(kind=Kind.RECEIPT)
    response = admin_client.post(reverse("admin:letters_lettertemplate_change", args=[template.pk]),
                                 {"title": template.title, "body": "{% if case.number %}未闭合"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    template.refresh_from_db()
    assert template.body == DEFAULTS[Kind.RECEIPT][1]


def test_admin_restores_the_shipped_text(admin_client) -> None:  # type: ignore[no-untyped-def]
    LetterTemplate.objects.filter(kind=Kind.FEE).update(body="改过的")
    template = LetterTemplate.objects.get(kind=Kind.FEE)
    admin_client.post(reverse("admin:letters_lettertemplate_changelist"),
                      {"action": "restore_shipped_text", "_selected_action": [template.pk]})
    template.refresh_from_db()
    assert template.body == DEFAULTS[Kind.FEE][1]
