"""信息处理费: the worked examples of spec fees-2020 §3, and the fee notice form using them."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import workflow
from gongkai.applications.fees import fee_for_applications, fee_for_nth_application, fee_for_pages
from gongkai.applications.forms import FeeNoticeForm
from gongkai.applications.models import Application


@pytest.mark.parametrize("count,total", [(10, 0), (11, 100), (30, 2000), (31, 2200), (35, 3000), (40, 4000),
                                         (41, 4300), (50, 7000), (60, 11000)])
def test_per_application_totals(count: int, total: int) -> None:
    assert fee_for_applications(count) == total


@pytest.mark.parametrize("pages,fee", [(30, 0), (31, 10), (100, 700), (150, 1700), (200, 2700), (250, 4700)])
def test_per_page(pages: int, fee: int) -> None:
    assert fee_for_pages(pages) == fee


def test_nth_application_bands() -> None:
    assert [fee_for_nth_application(n) for n in (1, 10, 11, 30, 31, 40, 41, 51)] == [0, 0, 100, 100, 200, 200, 300, 400]


@pytest.mark.django_db
def test_fee_form_counts_the_applicants_month(county) -> None:  # type: ignore[no-untyped-def]
    apps = []
    for day in range(1, 13):  # twelve applications by one person in March 2025
        app = Application(agency=county.edu, channel="in_person", submitted_on=date(2025, 3, day),
                          applicant_type="natural", applicant_name="赵六", id_number="11010519491231002X",
                          phone="13800000000", description=f"第{day}项")
        apps.append(workflow.register(app, county.edu_officer, on=date(2025, 3, day)))
    tenth = FeeNoticeForm({"on": "2025-03-12", "method": "per_application"}, application=apps[9])
    assert not tenth.is_valid() and "method" in tenth.errors  # the first ten are free
    twelfth = FeeNoticeForm({"on": "2025-03-14", "method": "per_application"}, application=apps[11])
    assert twelfth.is_valid(), twelfth.errors
    assert twelfth.cleaned_data["amount"] == 100
