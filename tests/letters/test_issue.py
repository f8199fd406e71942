"""Each workflow step that sends a letter issues it, with the facts of the case."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import workflow
from gongkai.letters.kinds import Kind
from gongkai.letters.models import Letter

from .conftest import new_case

pytestmark = pytest.mark.django_db


def only(app, kind: str) -> Letter:  # type: ignore[no-untyped-def]
    return app.letters.get(kind=kind)


def test_registration_issues_the_receipt_with_the_receipt_rule_due_date_and_query_code(registered) -> None:  # type: ignore[no-untyped-def]
    letter = only(registered, Kind.RECEIPT)
    assert letter.title == "示范县教育局政府信息公开申请登记回执"
    assert letter.recipient == "张三"
    assert letter.issued_on == date(2025, 9, 26)
    assert "2025年9月26日" in letter.body
    assert "当面提交的，以提交之日为收到申请之日" in letter.body
    assert "2025年10月30日前作出答复" in letter.body and "（暂定）" not in letter.body
    assert registered.query_code in letter.body and "查询办理进度" in letter.body
    assert letter.number == "示范县教育局公开收〔2025〕1号"
    assert letter.signature == "示范县教育局"
    assert letter.note == "（联系电话：0371-12345678）"
    assert letter.event.kind == "registered"


def test_receipt_marks_a_provisional_due_date(county) -> None:  # type: ignore[no-untyped-def]
    # Received in mid-December 2026: the count runs into 2027, whose schedule is not entered.
    app = workflow.register(new_case(county, sent=date(2026, 12, 15)), county.edu_officer, on=date(2026, 12, 15))
    assert app.due_provisional
    body = only(app, Kind.RECEIPT).body
    assert "（暂定）前作出答复" in body and "安排公布后本机关将重新计算" in body


def test_numbers_run_per_agency_series_and_year(county, registered) -> None:  # type: ignore[no-untyped-def]
    second = workflow.register(new_case(county), county.edu_officer, on=date(2025, 9, 26))
    other = workflow.register(new_case(county, agency=county.env), county.env_officer, on=date(2025, 9, 26))
    county.env.short_name = "示环"
    county.env.save()
    assert only(second, Kind.RECEIPT).number == "示范县教育局公开收〔2025〕2号"
    assert only(other, Kind.RECEIPT).number == "示范县生态环境局公开收〔2025〕1号"
    workflow.extend(second, county.edu_approver, on=date(2025, 10, 20), reason="材料较多")
    assert only(second, Kind.EXTENSION).number == "示范县教育局公开延〔2025〕1号"
    later = workflow.register(new_case(county, agency=county.env, sent=date(2026, 1, 5)), county.env_officer,
                              on=date(2026, 1, 5))
    assert only(later, Kind.RECEIPT).number == "示环公开收〔2026〕1号"


def test_correction_notice_says_what_by_when_and_the_consequences(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.request_correction(registered, county.edu_officer, on=date(2025, 9, 29),
                                what="请写明所需方案的学年和学段", correct_by=date(2025, 10, 17))
    letter = only(registered, Kind.CORRECTION)
    assert letter.title == "示范县教育局政府信息公开申请补正告知书"
    assert "请写明所需方案的学年和学段。" in letter.body
    assert "请您于2025年10月17日前" in letter.body
    assert "第三十条" in letter.body
    assert "答复期限自本机关收到补正后的申请之日起计算" in letter.body
    assert "视为放弃申请" in letter.body


def test_extension_notice_gives_the_reason_and_the_new_due_date(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.extend(registered, county.edu_approver, on=date(2025, 10, 20), reason="所需信息涉及多个年度的档案。")
    letter = only(registered, Kind.EXTENSION)
    assert "因所需信息涉及多个年度的档案，本机关不能在规定期限内作出答复" in letter.body
    assert "第三十三条第二款" in letter.body
    assert "答复期限延长20个工作日" in letter.body and "2025年11月27日前作出答复" in letter.body
    assert letter.created_by == county.edu_approver


def test_consultation_letter_goes_to_the_third_party(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.start_consultation(registered, county.edu_officer, on=date(2025, 9, 29), party="示范县某某建设有限公司")
    letter = only(registered, Kind.CONSULTATION)
    reply_due = registered.pauses.get().reply_due
    assert letter.recipient == "示范县某某建设有限公司"
    assert letter.title == "示范县教育局政府信息公开征求第三方意见书"
    assert "第三十二条" in letter.body and "15个工作日内" in letter.body
    assert f"{reply_due.year}年{reply_due.month}月{reply_due.day}日前" in letter.body
    assert "逾期未提出意见的，由本机关依照" in letter.body and "决定是否公开" in letter.body
    assert "张三" not in letter.body  # the applicant is not named to the third party


def test_fee_notice_states_basis_standard_amount_and_payment(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.fee_notice(registered, county.edu_officer, on=date(2025, 10, 9), amount=700, method="per_page")
    letter = only(registered, Kind.FEE)
    pay_by = registered.fee_due_on
    assert letter.title == "示范县教育局政府信息公开信息处理费收费通知书"
    assert "第四十二条" in letter.body and "国办函〔2020〕109号" in letter.body
    assert "计收方式：按量计收" in letter.body and "31—100页（含100页）的部分，按10元/页收费" in letter.body
    assert "人民币700元" in letter.body
    assert "自收到本通知书次日起20个工作日内" in letter.body
    assert f"{pay_by.year}年{pay_by.month}月{pay_by.day}日前缴纳" in letter.body
    assert "视为放弃申请" in letter.body


def test_answer_not_held_cites_the_article_and_the_remedies(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.answer(registered, county.edu_officer, on=date(2025, 10, 20), outcome="R13",
                    reasons="本机关未制作、获取该方案，该方案由县人民政府制定")
    letter = only(registered, Kind.ANSWER_UNAVAILABLE)
    assert letter.title == "示范县教育局政府信息公开申请答复书"
    assert "《中华人民共和国政府信息公开条例》第三十六条第（四）项" in letter.body
    assert "本机关未制作、获取该方案，该方案由县人民政府制定。" in letter.body
    assert "告知您该政府信息不存在" in letter.body
    assert "第五十一条" in letter.body
    assert "六十日内依照《中华人民共和国行政复议法》向示范县人民政府申请行政复议" in letter.body
    assert "六个月内依照《中华人民共和国行政诉讼法》向示范县人民法院提起行政诉讼" in letter.body
    assert letter.number == "示范县教育局公开复〔2025〕1号"


@pytest.mark.parametrize(("outcome", "kind", "cited"), [
    ("R03", Kind.ANSWER_DISCLOSED, "第三十六条第（一）项、第（二）项"),
    ("R04", Kind.ANSWER_PARTIAL, "第三十七条"),
    ("R08", Kind.ANSWER_WITHHELD, "第十五条、第三十二条"),
    ("R10", Kind.ANSWER_WITHHELD, "第十六条第二款"),
    ("R14", Kind.ANSWER_UNAVAILABLE, "第三十八条"),
    ("R16", Kind.ANSWER_NOT_PROCESSED, "第三十九条第一款"),
    ("R17", Kind.ANSWER_NOT_PROCESSED, "第三十六条第（六）项"),
    ("R23", Kind.ANSWER_OTHER, "《中华人民共和国政府信息公开条例》的规定"),
])
def test_each_outcome_group_has_its_answer_letter(registered, county, outcome, kind, cited) -> None:  # type: ignore[no-untyped-def]
    workflow.answer(registered, county.edu_officer, on=date(2025, 10, 20), outcome=outcome, reasons="理由甲")
    letter = only(registered, kind)
    assert cited in letter.body
    assert "理由甲。" in letter.body
    assert "示范县人民政府申请行政复议" in letter.body and "示范县人民法院提起行政诉讼" in letter.body


def test_withheld_answer_says_why_and_decides_not_to_disclose(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.answer(registered, county.edu_officer, on=date(2025, 10, 20), outcome="R10", reasons="该方案尚在征求意见")
    body = only(registered, Kind.ANSWER_WITHHELD).body
    assert "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿" in body
    assert "本机关决定不予公开" in body


def test_correction_lapse_answer_recalls_the_notice(county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.register(new_case(county, sent=date(2026, 2, 10)), county.edu_officer, on=date(2026, 2, 10))
    workflow.request_correction(app, county.edu_officer, on=date(2026, 2, 12), what="请明确", correct_by=date(2026, 3, 2))
    workflow.correction_lapsed(app, county.edu_officer, on=date(2026, 3, 3))
    body = only(app, Kind.ANSWER_OTHER).body
    assert "本机关于2026年2月12日向您发出补正告知书，告知您于2026年3月2日前补正" in body
    assert "您无正当理由逾期未补正" in body and "第三十条" in body
    assert "视为您放弃申请，本机关不再处理该政府信息公开申请" in body


def test_fee_lapse_answer_recalls_the_fee_notice(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.fee_notice(registered, county.edu_officer, on=date(2025, 10, 9), amount=300, method="per_application")
    pay_by = registered.fee_due_on
    workflow.fee_lapsed(registered, county.edu_officer, on=date(2025, 12, 1))
    body = only(registered, Kind.ANSWER_OTHER).body
    assert f"于{pay_by.year}年{pay_by.month}月{pay_by.day}日前缴纳信息处理费300元" in body
    assert "第四十二条" in body and "视为您放弃申请" in body
    assert only(registered, Kind.FEE).body.count("按件计收") == 1


def test_steps_without_a_letter_issue_none(registered, county) -> None:  # type: ignore[no-untyped-def]
    workflow.start_consultation(registered, county.edu_officer, on=date(2025, 9, 29), party="某公司")
    workflow.end_consultation(registered, county.edu_officer, on=date(2025, 10, 10))
    workflow.answer(registered, county.edu_officer, on=date(2025, 10, 20), outcome="R03")
    workflow.deliver(registered, county.edu_officer, on=date(2025, 10, 21))
    assert sorted(registered.letters.values_list("kind", flat=True)) == sorted(
        [Kind.RECEIPT, Kind.CONSULTATION, Kind.ANSWER_DISCLOSED])


def test_a_failing_letter_does_not_undo_the_step(registered, county, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("printer on fire")

    monkeypatch.setattr("gongkai.letters.services.issue", broken)
    workflow.extend(registered, county.edu_approver, on=date(2025, 10, 20), reason="材料较多")
    registered.refresh_from_db()
    assert registered.extended and registered.due_on == date(2025, 11, 27)
    assert not registered.letters.filter(kind=Kind.EXTENSION).exists()
    assert "no letter issued" in caplog.text
