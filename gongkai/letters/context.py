"""What a letter template sees: plain strings and flags from the case, its agency and the step
that issues the letter (never model objects, so a template cannot reach further). Dates are
printed as in the letter: 2025年10月30日."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.outcomes import OUTCOMES, REG

from .render import chinese_date

FEE_MEASURE = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
RECONSIDERATION_LAW = "《中华人民共和国行政复议法》"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"

DELIVERY = {"post": "邮寄", "email": "电子邮件", "pickup": "当面领取", "online": "网上获取"}

# 国办函〔2020〕109号: the two charging methods and their standards.
FEE_METHODS = {
    "per_application": (
        "按件计收",
        "同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，"
        "按100元/件收费；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件",
    ),
    "per_page": (
        "按量计收",
        "同一政府信息公开申请中，30页以下（含30页）的，不收费；31—100页（含100页）的部分，"
        "按10元/页收费；101—200页（含200页）的部分，按20元/页收费；201页以上的部分，按40元/页收费",
    ),
}
_METHOD_ALIASES = {"按件": "per_application", "按件计收": "per_application", "per_item": "per_application",
                   "按量": "per_page", "按量计收": "per_page"}

# What the office found, as the answer letter says it (table 三 rows, 条例第三十六条至第三十九条).
OUTCOME_FINDINGS = {
    "R03": "经审查，您申请获取的政府信息属于公开范围",
    "R04": "经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理",
    "R05": "经审查，您申请获取的政府信息属于国家秘密",
    "R06": "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息",
    "R07": "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "R08": "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会损害第三方合法权益",
    "R09": "经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息",
    "R10": "经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、"
           "过程稿、磋商信函、请示报告等过程性信息",
    "R11": "经审查，您申请获取的政府信息属于行政执法案卷信息",
    "R12": "经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息",
    "R13": "经检索查找，本机关没有找到您申请获取的政府信息",
    "R14": "经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析才能形成",
    "R15": "经审查，您的申请经补正后，申请内容仍不明确",
    "R16": "经审查，您是以政府信息公开申请的形式进行信访、投诉、举报等活动",
    "R17": "经审查，您申请获取的政府信息本机关已经向您答复，您重复申请公开相同的政府信息",
    "R18": "经审查，您申请获取的是政府公报、报刊、书籍等公开出版物",
    "R19": "经审查，您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理",
    "R20": "经审查，您是要求本机关确认或者重新出具已经获取的信息",
    "R21": "您无正当理由逾期未补正",
    "R22": "您逾期未按收费通知要求缴纳信息处理费",
    "R23": "",
}
OUTCOME_DECISIONS = {
    "R03": "本机关予以公开",
    "R04": "本机关向您提供可以公开的部分，对不予公开的部分说明理由",
    "R12": "请您依照有关法律、行政法规的规定办理查询",
    "R13": "告知您该政府信息不存在",
    "R14": "本机关不予提供",
    "R15": "本机关无法向您提供所申请的政府信息",
    "R16": "本机关不作为政府信息公开申请处理，您可以通过相应渠道提出",
    "R17": "本机关不再重复处理",
    "R18": "您可以通过公开出版发行渠道获取",
    "R19": "本机关不予处理",
    "R20": "本机关不予处理",
    "R21": "视为您放弃申请，本机关不再处理该政府信息公开申请",
    "R22": "视为您放弃申请，本机关不再处理该政府信息公开申请",
    "R23": "本机关作出上述处理",
}
_DEFAULT_DECISION = "本机关决定不予公开"


def _iso(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _day(value: Any) -> str:
    day = _iso(value)
    return chinese_date(day) if day else ""


def _line(text: str) -> str:
    """User text inside a sentence: one line, runs of white space as one space."""
    return re.sub(r"\s+", " ", text or "").strip()


def _sentence(text: str) -> str:
    """User text as a sentence of the letter: ends with a full stop."""
    text = (text or "").strip()
    return text if not text or text[-1] in "。！？；…）”" else f"{text}。"


def _clause(text: str) -> str:
    """User text inside a sentence (因……，): one line, no closing full stop."""
    return _line(text).rstrip("。；，,.;")


def fee_method(method: str) -> tuple[str, str]:
    """(name, standard) of a charging method recorded by the fee step."""
    key = _METHOD_ALIASES.get(method, method)
    return FEE_METHODS.get(key, (method or "", ""))


def _outcome(row: str) -> dict[str, str]:
    outcome = OUTCOMES.get(row)
    return {
        "row": row,
        "label": outcome.label if outcome else "",
        "basis": outcome.basis if outcome else REG,
        "finding": OUTCOME_FINDINGS.get(row, ""),
        "decision": OUTCOME_DECISIONS.get(row, _DEFAULT_DECISION),
    }


def _previous(app: Application, kind: str, before: CaseEvent) -> CaseEvent | None:
    if app.pk is None:
        return None
    events = app.events.filter(kind=kind)
    if before.pk:
        events = events.exclude(pk=before.pk)
    return events.order_by("-on", "-id").first()


def build(app: Application, event: CaseEvent | None = None, *, on: date | None = None) -> dict[str, Any]:
    """The template context of a letter about ``app``, issued by ``event`` (or on ``on``)."""
    agency = app.agency
    data = dict(event.data) if event is not None else {}
    letter_day = event.on if event is not None else (on or date.today())
    ctx: dict[str, Any] = {
        "reg": REG,
        "fee_measure": FEE_MEASURE,
        "reconsideration_law": RECONSIDERATION_LAW,
        "litigation_law": LITIGATION_LAW,
        "date": chinese_date(letter_day),
        "applicant": _line(app.applicant_name),
        "agency": {
            "name": agency.name,
            "office": agency.office_name or agency.name,
            "phone": agency.phone,
            "address": agency.address,
            "email": agency.email,
            "reconsideration_body": agency.reconsideration_body or "有管辖权的行政复议机关",
            "court": agency.court or "有管辖权的人民法院",
        },
        "case": {
            "number": app.number,
            "description": _line(app.description),
            "submitted_on": _day(app.submitted_on),
            "received_on": _day(app.received_on),
            "due_on": _day(app.due_on),
            "due_provisional": app.due_provisional,
            "query_code": app.query_code,
            "delivery": DELIVERY.get(app.delivery, ""),
            "items": app.items,
        },
        "note": _sentence(event.note if event is not None else ""),
        "basis": event.basis if event is not None else "",
    }
    kind = event.kind if event is not None else ""
    K = CaseEvent.Kind
    if kind == K.REGISTERED:
        ctx["receipt_rule"] = _line(data.get("receipt_rule", "")).rstrip("。")
    elif kind == K.CORRECTION_REQUESTED:
        ctx["correct_by"] = _day(data.get("correct_by"))
    elif kind == K.EXTENDED:
        ctx["old_due"] = _day(data.get("old_due"))
        ctx["new_due"] = _day(data.get("new_due")) or _day(app.due_on)
        ctx["extension_days"] = data.get("days", 20)
        ctx["reason"] = _clause(event.note if event is not None else "")
    elif kind == K.CONSULTATION_STARTED:
        ctx["party"] = _line(data.get("party", ""))
        ctx["reply_due"] = _day(data.get("reply_due"))
    elif kind == K.FEE_NOTICE:
        name, standard = fee_method(str(data.get("method", "")))
        ctx["fee"] = {"amount": data.get("amount", ""), "method": name, "standard": standard,
                      "pay_by": _day(data.get("pay_by"))}
    if event is not None and kind in (K.ANSWERED, K.CORRECTION_LAPSED, K.FEE_LAPSED):
        ctx["outcome"] = _outcome(str(data.get("outcome") or app.outcome))
        ctx["reasons"] = ctx["note"]
        correction = _previous(app, K.CORRECTION_REQUESTED, event)
        if correction is not None:
            ctx["correction"] = {"on": _day(correction.on), "correct_by": _day(correction.data.get("correct_by")),
                                 "what": _line(correction.note)}
        fee = _previous(app, K.FEE_NOTICE, event)
        if fee is not None:
            ctx["fee"] = {"on": _day(fee.on), "amount": fee.data.get("amount", ""),
                          "method": fee_method(str(fee.data.get("method", "")))[0],
                          "pay_by": _day(fee.data.get("pay_by"))}
    return ctx
