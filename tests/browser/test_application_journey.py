"""The whole journey in a real browser: a citizen files the online application; the officer
registers it, the approver extends it, the officer answers it; the citizen tracks it.

Screenshots of the form, the dashboard and the answer letter (its PDF rendered to PNG)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from gongkai.applications.models import Application

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Gongkai2025!"
ID_NUMBER = "11010519491231002X"  # the national standard's sample number, valid checksum


def sign_in(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/office/"))


def test_citizen_officer_approver_citizen(browser, live_server, county, shots: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = live_server.url

    # 1. The citizen fills in the public form.
    citizen = browser.new_context(locale="zh-CN", viewport={"width": 1200, "height": 900})
    page = citizen.new_page()
    page.goto(f"{base}/apply/")
    page.select_option("#id_agency", str(county.edu.pk))
    page.select_option("#id_applicant_type", "natural")
    page.fill("#id_applicant_name", "王小明")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_phone", "13812345678")
    page.fill("#id_email", "wang@example.com")
    page.fill("#id_address", "青山县人民路1号")
    page.fill("#id_description", "2025年城区义务教育学校招生划片范围及其文号")
    page.check("input[name=form][value=electronic]")
    page.check("input[name=delivery][value=email]")
    page.screenshot(path=str(shots / "portal-apply.png"), full_page=True)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/apply/submitted/"))
    code = Application.objects.get().query_code
    assert code in page.content()

    # 2. The officer registers it (the confirmation day is the receipt date, Art. 31).
    office = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    officer = office.new_page()
    sign_in(officer, base, county.edu_officer.username)
    app = Application.objects.get()
    assert app.status == Application.Status.SUBMITTED
    officer.goto(f"{base}/office/cases/{app.pk}/register/")
    officer.click("main form button[type=submit]")
    officer.wait_for_url(re.compile(rf"/office/cases/{app.pk}/$"))
    app.refresh_from_db()
    assert app.status == Application.Status.IN_PROGRESS and app.received_on == timezone.localdate()
    first_due = app.due_on

    # 3. The approver extends it (条例第三十三条第二款).
    approving = browser.new_context(locale="zh-CN")
    approver = approving.new_page()
    sign_in(approver, base, county.edu_approver.username)
    approver.goto(f"{base}/office/cases/{app.pk}/extend/")
    approver.fill("#id_reason", "需调取多个学校的划片材料，无法在20个工作日内答复")
    approver.click("main form button[type=submit]")
    approver.wait_for_url(re.compile(rf"/office/cases/{app.pk}/$"))
    app.refresh_from_db()
    assert app.extended and app.due_on > first_due

    # 4. The officer answers it: disclosed (row （一）予以公开).
    officer.goto(f"{base}/office/cases/{app.pk}/answer/")
    officer.select_option("#id_outcome", "R03")
    officer.fill("#id_reasons", "所申请信息予以公开，见附件。")
    officer.click("main form button[type=submit]")
    officer.wait_for_url(re.compile(rf"/office/cases/{app.pk}/$"))
    app.refresh_from_db()
    assert app.outcome == "R03" and app.status == Application.Status.ANSWERED
    officer.goto(f"{base}/office/")
    officer.screenshot(path=str(shots / "office-dashboard.png"), full_page=True)

    # The answer letter, as the office prints it.
    letter = app.letters.get(kind="answer_disclosed")
    response = office.request.get(f"{base}/office/letters/{letter.pk}/pdf/")
    assert response.ok and response.body()[:5] == b"%PDF-"
    pdf = tmp_path / "answer-letter.pdf"
    pdf.write_bytes(response.body())
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf), str(shots / "answer-letter")],
                       check=True)
        assert (shots / "answer-letter.png").stat().st_size > 10_000

    # 5. The citizen tracks it with the query code and the phone number.
    page.goto(f"{base}/track/")
    page.fill("#id_query_code", code)
    page.fill("#id_phone", "13812345678")
    page.click("main form button[type=submit]")
    body = page.inner_text("main")
    assert "予以公开" in body
    assert county.edu.name in body
    assert ID_NUMBER not in body  # tracking never shows identity numbers
    citizen.close(), office.close(), approving.close()
