"""A sample case for previewing a letter template in the admin: a made-up applicant at a
made-up county bureau, one step of each kind, never saved."""

from __future__ import annotations

from datetime import date
from typing import Any

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.outcomes import OUTCOMES

from . import context
from .kinds import Kind
from .render import chinese_date

SAMPLE_OUTCOME = {
    Kind.ANSWER_DISCLOSED: "R03",
    Kind.ANSWER_PARTIAL: "R04",
    Kind.ANSWER_WITHHELD: "R10",
    Kind.ANSWER_UNAVAILABLE: "R13",
    Kind.ANSWER_NOT_PROCESSED: "R17",
    Kind.ANSWER_OTHER: "R21",
}

_EVENT = {
    Kind.RECEIPT: (CaseEvent.Kind.REGISTERED, "", {
        "receipt_rule": "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）"}),
    Kind.CORRECTION: (CaseEvent.Kind.CORRECTION_REQUESTED, "请写明所需文件的名称、文号或者其他特征描述。",
                      {"correct_by": "2025-10-17"}),
    Kind.EXTENSION: (CaseEvent.Kind.EXTENDED, "所申请的信息涉及多个年度的档案，需要逐一查找",
                     {"old_due": "2025-10-30", "new_due": "2025-11-27", "days": 20}),
    Kind.CONSULTATION: (CaseEvent.Kind.CONSULTATION_STARTED, "", {"party": "示范县某某建设有限公司",
                                                                  "reply_due": "2025-10-31"}),
    Kind.FEE: (CaseEvent.Kind.FEE_NOTICE, "", {"amount": 700, "method": "per_page", "pay_by": "2025-11-05"}),
}


def sample_context(kind: str) -> dict[str, Any]:
    agency = Agency(name="示范县教育局", office_name="示范县教育局办公室", phone="0371-12345678",
                    reconsideration_body="示范县人民政府", court="示范县人民法院")
    app = Application(agency=agency, number="2025-0001", channel="online", submitted_on=date(2025, 9, 25),
                      received_on=date(2025, 9, 26), due_on=date(2025, 10, 30), applicant_name="张三",
                      applicant_type="natural", description="2025年义务教育学校招生划片方案",
                      delivery="email", query_code="ABCD234567")
    if kind in SAMPLE_OUTCOME:
        row = SAMPLE_OUTCOME[kind]
        step = CaseEvent.Kind.CORRECTION_LAPSED if row == "R21" else CaseEvent.Kind.ANSWERED
        reasons = "" if OUTCOMES[row].discloses else "该方案尚在征求意见阶段，属于过程稿。"
        event = CaseEvent(application=app, kind=step, on=date(2025, 10, 20), note=reasons,
                          data={"outcome": row}, basis=OUTCOMES[row].basis)
    else:
        step, note, data = _EVENT[Kind(kind)]
        event = CaseEvent(application=app, kind=step, on=date(2025, 9, 29), note=note, data=data)
    ctx = context.build(app, event)
    if kind == Kind.ANSWER_OTHER:
        ctx["correction"] = {"on": chinese_date(date(2025, 9, 29)), "correct_by": chinese_date(date(2025, 10, 17))}
    return ctx
