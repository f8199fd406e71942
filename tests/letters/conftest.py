from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import workflow
from gongkai.applications.models import Application


def new_case(county, *, sent: date = date(2025, 9, 26), agency=None, **fields) -> Application:  # type: ignore[no-untyped-def]
    values = {"channel": "in_person", "applicant_type": "natural", "applicant_name": "张三",
              "id_number": "410423199001011234", "phone": "13800000000",
              "description": "2025年义务教育学校招生划片方案", "delivery": "email"} | fields
    return Application(agency=agency or county.edu, submitted_on=sent, **values)


@pytest.fixture
def registered(county):  # type: ignore[no-untyped-def]
    """A case handed in on 2025-09-26 at the county's education bureau, registered that day."""
    county.edu.phone = "0371-12345678"
    county.edu.office_name = "示范县教育局办公室"
    county.edu.reconsideration_body = "示范县人民政府"
    county.edu.court = "示范县人民法院"
    county.edu.save()
    return workflow.register(new_case(county), county.edu_officer, on=date(2025, 9, 26))
