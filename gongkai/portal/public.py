"""What the public sees of a case: status, steps and outcome in plain words, nothing internal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.outcomes import OUTCOMES

S = Application.Status
K = CaseEvent.Kind

STATUS = {
    S.SUBMITTED: _("Received online; waiting for the office to confirm receipt"),
    S.IN_PROGRESS: _("Being processed"),
    S.CORRECTION: _("Waiting for you to correct or complete the application"),
    S.CONSULTATION: _("Being processed: third parties or other agencies are being consulted"),
    S.FEE: _("Waiting for payment of the information processing fee"),
    S.ANSWERED: _("Answered; the answer is being delivered to you"),
    S.CLOSED: _("Closed: the answer has been delivered"),
}

# Steps shown on the tracking page. Notes (K.NOTE) are internal and never shown.
STEPS = {
    K.SUBMITTED: _("Application submitted online"),
    K.REGISTERED: _("Receipt confirmed and application registered"),
    K.CORRECTION_REQUESTED: _("You were asked to correct or complete the application"),
    K.CORRECTED: _("Corrected application received; the answer period starts again"),
    K.CORRECTION_LAPSED: _("Not corrected within the period: treated as withdrawn"),
    K.CONSULTATION_STARTED: _("Third parties or other agencies consulted (this time is not counted)"),
    K.CONSULTATION_ENDED: _("Consultation finished"),
    K.EXTENDED: _("Answer period extended"),
    K.FEE_NOTICE: _("Notice of the information processing fee sent"),
    K.FEE_PAID: pgettext_lazy("portal", "Fee paid"),
    K.FEE_LAPSED: _("Fee not paid within the period: treated as withdrawn"),
    K.ANSWERED: pgettext_lazy("portal", "Answered"),
    K.DELIVERED: pgettext_lazy("portal", "Answer delivered"),
    K.DEADLINE_RECOMPUTED: _("Due date recalculated"),
}

# The six groups of table 三 rows, by the prefix of the official row label.
_OUTCOME_GROUP = {
    "（一）": pgettext_lazy("portal", "Disclosed"),
    "（二）": pgettext_lazy("portal", "Partly disclosed"),
    "（三）": pgettext_lazy("portal", "Not disclosed"),
    "（四）": _("Cannot be provided"),
    "（五）": pgettext_lazy("portal", "Not processed"),
    "（六）": _("Other handling"),
}


@dataclass(frozen=True)
class Step:
    on: date
    label: Promise | str


def public_steps(app: Application) -> list[Step]:
    events = app.events.filter(kind__in=list(STEPS)).only("kind", "on").order_by("on", "at", "id")
    return [Step(event.on, STEPS[K(event.kind)]) for event in events]


def outcome_text(code: str) -> str:
    """"Not disclosed (属于国家秘密)" from row R05's label "（三）1.属于国家秘密"."""
    outcome = OUTCOMES.get(code)
    if outcome is None:
        return ""
    group, rest = outcome.label[:3], outcome.label[3:]
    detail = rest.split(".", 1)[1] if "." in rest else ""
    name = _OUTCOME_GROUP.get(group, "")
    if not name:
        return outcome.label
    return f"{name}（{detail}）" if detail else str(name)
