"""The letters an office sends for a disclosure application, which step issues each, and the
answer letter of each outcome group (the groups of table 三, rows R03–R23)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RECEIPT = "receipt", _("Registration receipt (登记回执)")
    CORRECTION = "correction", _("Notice to correct (补正告知书, Art. 30)")
    EXTENSION = "extension", _("Notice of extension (延期答复告知书, Art. 33)")
    CONSULTATION = "consultation", _("Letter consulting a third party (征求第三方意见书, Art. 32)")
    FEE = "fee", _("Fee notice (收费通知书, Art. 42)")
    ANSWER_DISCLOSED = "answer_disclosed", _("Answer: disclosed (予以公开)")
    ANSWER_PARTIAL = "answer_partial", _("Answer: partly disclosed (部分公开)")
    ANSWER_WITHHELD = "answer_withheld", _("Answer: not disclosed (不予公开)")
    ANSWER_UNAVAILABLE = "answer_unavailable", _("Answer: cannot be provided (无法提供)")
    ANSWER_NOT_PROCESSED = "answer_not_processed", _("Answer: not processed (不予处理)")
    ANSWER_OTHER = "answer_other", _("Answer: other outcomes (其他处理)")


ANSWER_KINDS = frozenset(k for k in Kind if k.value.startswith("answer_"))

# The case event that issues each letter (the answer letters: by the outcome's group).
EVENT_KIND = {
    "registered": Kind.RECEIPT,
    "correction_requested": Kind.CORRECTION,
    "extended": Kind.EXTENSION,
    "consultation_started": Kind.CONSULTATION,
    "fee_notice": Kind.FEE,
}
ANSWER_EVENTS = frozenset({"answered", "correction_lapsed", "fee_lapsed"})


def answer_kind(outcome: str) -> Kind:
    """The answer letter of a table-三 row: （一）R03, （二）R04, （三）R05–R12, （四）R13–R15,
    （五）R16–R20, （六）R21–R23."""
    digits = outcome.lstrip("R")
    row = int(digits) if digits.isdigit() else 0
    if row == 3:
        return Kind.ANSWER_DISCLOSED
    if row == 4:
        return Kind.ANSWER_PARTIAL
    if 5 <= row <= 12:
        return Kind.ANSWER_WITHHELD
    if 13 <= row <= 15:
        return Kind.ANSWER_UNAVAILABLE
    if 16 <= row <= 20:
        return Kind.ANSWER_NOT_PROCESSED
    return Kind.ANSWER_OTHER


def kind_for_event(event_kind: str, outcome: str = "") -> Kind | None:
    if event_kind in ANSWER_EVENTS:
        return answer_kind(outcome)
    return EVENT_KIND.get(event_kind)


# 发文字号: the office's 代字 for each series; all answer letters share one series.
SERIES_CODE = {
    Kind.RECEIPT: "收",
    Kind.CORRECTION: "补",
    Kind.EXTENSION: "延",
    Kind.CONSULTATION: "征",
    Kind.FEE: "费",
}


def series_of(kind: str) -> str:
    return "answer" if kind in ANSWER_KINDS else str(kind)


def series_code(kind: str) -> str:
    return SERIES_CODE.get(Kind(kind), "复")
