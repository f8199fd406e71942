"""Reconsiderations and lawsuits against answers (条例第五十一条; table 四), each kind and result.

Filed within the statutory periods after delivery (行政复议法: 60 days; 行政诉讼法: six months),
decided when the decision day has passed, else still pending."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.applications.models import Application
from gongkai.litigation.models import Remedy

from .county import CITY_GOVERNMENT, County

K, R = Remedy.Kind, Remedy.Result
# Answers people contest: refusals and "not held".
CONTESTED = ("R04", "R08", "R10", "R11", "R13", "R14", "R12", "R09")


@dataclass(frozen=True)
class RemedySpec:
    kind: str
    result: str
    filed_after: int  # days after the answer was delivered
    decided_after: int | None  # days after filing; None: not decided yet
    note: str


# Last year's: every kind with every result (one still pending on 31 December). Contested
# answers delivered by the end of May, so the decided ones are decided within the year.
LAST_YEAR = (
    RemedySpec(K.RECONSIDERATION, R.UPHELD, 25, 50, "复议机关认为答复认定事实清楚、程序合法，决定维持。"),
    RemedySpec(K.RECONSIDERATION, R.CORRECTED, 30, 55, "复议机关认为检索不充分，责令被申请人重新答复。"),
    RemedySpec(K.RECONSIDERATION, R.OTHER, 20, 30, "申请人撤回复议申请，复议机关决定终止审理。"),
    RemedySpec(K.RECONSIDERATION, R.UPHELD, 40, 400, "复议审理中。"),
    RemedySpec(K.LAWSUIT_DIRECT, R.UPHELD, 60, 120, "法院判决驳回原告诉讼请求。"),
    RemedySpec(K.LAWSUIT_DIRECT, R.CORRECTED, 45, 150, "法院判决撤销被诉答复，责令重新答复。"),
    RemedySpec(K.LAWSUIT_DIRECT, R.OTHER, 50, 90, "原告撤诉，法院裁定准许。"),
    RemedySpec(K.LAWSUIT_AFTER, R.UPHELD, 90, 100, "复议维持后起诉，法院判决驳回诉讼请求。"),
    RemedySpec(K.LAWSUIT_AFTER, R.CORRECTED, 80, 110, "法院判决确认被诉答复违法。"),
    RemedySpec(K.LAWSUIT_AFTER, R.OTHER, 70, 100, "法院裁定驳回起诉。"),
    RemedySpec(K.LAWSUIT_AFTER, R.UPHELD, 100, 500, "案件审理中。"),
)
# This year's: a couple, decided if their day has come.
THIS_YEAR = (
    RemedySpec(K.RECONSIDERATION, R.UPHELD, 15, 40, "复议机关决定维持。"),
    RemedySpec(K.LAWSUIT_DIRECT, R.UPHELD, 30, None, "案件审理中。"),
)


def build_remedies(county: County, rng: random.Random, today: date) -> list[Remedy]:
    last_year = today.year - 1
    made = []
    picks = _contested(county, date(last_year, 1, 1), date(last_year, 5, 31))
    for spec, app in zip(LAST_YEAR, rng.sample(picks, min(len(picks), len(LAST_YEAR))), strict=False):
        made.append(_file(spec, app, today))
    picks = _contested(county, date(today.year, 1, 1), today - timedelta(days=20))
    for spec, app in zip(THIS_YEAR, rng.sample(picks, min(len(picks), len(THIS_YEAR))), strict=False):
        made.append(_file(spec, app, today))
    return made


def _contested(county: County, first: date, last: date) -> list[Application]:
    return list(Application.objects.filter(
        agency__in=county.agencies.values(), outcome__in=CONTESTED,
        delivered_on__gte=first, delivered_on__lte=last).order_by("delivered_on", "id"))


def _file(spec: RemedySpec, app: Application, today: date) -> Remedy:
    assert app.delivered_on is not None
    filed = min(app.delivered_on + timedelta(days=spec.filed_after), today)
    decided = filed + timedelta(days=spec.decided_after) if spec.decided_after is not None else None
    if decided is not None and decided > today:
        decided = None
    agency = app.agency
    review = spec.kind == K.RECONSIDERATION
    body = agency.reconsideration_body if review else agency.court
    return Remedy.objects.create(
        agency=agency, application=app, kind=spec.kind, filed_on=filed, body=body,
        case_number=_case_number(spec.kind, body, filed.year, app.pk), claimant=app.applicant_name,
        result=spec.result if decided else R.PENDING, decided_on=decided, note=spec.note,
    )


def _case_number(kind: str, body: str, year: int, serial: int) -> str:
    if kind == K.RECONSIDERATION:
        prefix = "青市府复" if body == CITY_GOVERNMENT else "青府复"
        return f"{prefix}〔{year}〕{serial % 90 + 1}号"
    return f"（{year}）青山行初{serial % 90 + 1}号"
