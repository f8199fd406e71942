"""The statutory workflow (条例第二十九条至第四十五条) as services.

Each step checks that it is allowed in the case's current state, changes the case, recomputes
the due date and records a CaseEvent with who, when and on which basis. Views and the demo
loader call these; nothing else changes a case's status."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.holidays.calendar import current_calendar
from gongkai.workdays import consultation_reply_due, correction_notice_due, fee_payment_due

from . import deadlines
from .intake import CONFIRMED_ON_REGISTRATION, RECEIPT_RULE, receipt_date
from .models import Application, CaseEvent, ClockPause
from .outcomes import LAPSE_OUTCOMES, OUTCOMES, REG

S = Application.Status
K = CaseEvent.Kind
MAX_EXTENSION_DAYS = 20  # 条例第三十三条第二款


class WorkflowError(Exception):
    """A step that the case's state or the law does not allow; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _require(app: Application, *states: str) -> None:
    if app.status not in states:
        raise WorkflowError(_("This step is not possible while the case is “%(status)s”.")
                            % {"status": app.get_status_display()})


def _not_before(day: date, earlier: date | None, what: str) -> None:
    if earlier is not None and day < earlier:
        raise WorkflowError(_("The date %(day)s is before %(what)s (%(earlier)s).")
                            % {"day": day, "what": what, "earlier": earlier})


def _close_pause(app: Application, kind: str, on: date) -> ClockPause:
    """End the open pause of ``kind`` on ``on`` (not before it started)."""
    pause = app.pauses.get(kind=kind, end__isnull=True)
    _not_before(on, pause.start, _PAUSE_START[kind])
    pause.end = on
    pause.save()
    return pause


_PAUSE_START = {
    ClockPause.Kind.CORRECTION: gettext_lazy("the correction notice"),
    ClockPause.Kind.CONSULTATION: gettext_lazy("the consultation letter"),
    ClockPause.Kind.FEE: gettext_lazy("the fee notice"),
}


def _event(app: Application, kind: str, on: date, user: Any, basis: str = "", note: str = "",
           **data: Any) -> CaseEvent:
    return CaseEvent.objects.create(application=app, kind=kind, on=on, basis=basis, note=note,
                                    actor=user if getattr(user, "is_authenticated", False) else None,
                                    data=data)


def _save(app: Application, user: Any = None) -> None:
    deadlines.refresh(app, save=False)
    app.save()


def next_number(app: Application, year: int) -> str:
    """Per agency and year: 2025-0001, 2025-0002, … (the register's running number)."""
    prefix = f"{year}-"
    last = (Application.objects.filter(agency_id=app.agency_id, number__startswith=prefix)
            .order_by("-number").values_list("number", flat=True).first())
    n = int(last[len(prefix):]) + 1 if last else 1
    return f"{prefix}{n:04d}"


# -- intake -------------------------------------------------------------------------------


@transaction.atomic
def submit_online(app: Application) -> Application:
    """The portal's form: stored as submitted; the receipt date is fixed on confirmation."""
    app.channel = Application.Channel.ONLINE
    app.status = S.SUBMITTED
    app.save()
    _event(app, K.SUBMITTED, app.submitted_on, None, note=_("Submitted on the portal"))
    return app


@transaction.atomic
def register(app: Application, user: Any, *, on: date, note: str = "") -> Application:
    """Registration (登记): fixes the Art. 31 receipt date and starts the clock.

    ``on`` is the confirmation date for online, e-mail, fax and ordinary-letter applications;
    for the other channels the receipt date is the day handed in or signed for."""
    if app.pk is not None:
        _require(app, S.SUBMITTED)
    confirmed = on if app.channel in CONFIRMED_ON_REGISTRATION else None
    try:
        app.received_on = receipt_date(app.channel, handed_in=app.submitted_on, confirmed=confirmed)
    except ValueError:
        raise WorkflowError(_("The confirmation date cannot be before the day the application was sent.")) from None
    app.status = S.IN_PROGRESS
    app.handler = app.handler or (user if getattr(user, "is_authenticated", False) else None)
    if not app.number:
        app.number = next_number(app, app.received_on.year)
    _save(app)
    notice_due = correction_notice_due(app.received_on, current_calendar())
    _event(app, K.REGISTERED, app.received_on, user, basis=f"{REG}第三十一条", note=note,
           receipt_rule=RECEIPT_RULE[app.channel], correction_notice_due=notice_due.due.isoformat())
    return app


# -- 补正 (Art. 30) ------------------------------------------------------------------------


@transaction.atomic
def request_correction(app: Application, user: Any, *, on: date, what: str, correct_by: date) -> Application:
    _require(app, S.IN_PROGRESS)
    _not_before(on, app.received_on, _("the receipt date"))
    if app.pauses.filter(kind=ClockPause.Kind.CORRECTION).exists():
        raise WorkflowError(_("Art. 30 allows one correction notice only; it was already sent."))
    if correct_by <= on:
        raise WorkflowError(_("The correction period must end after the notice date."))
    if not what.strip():
        raise WorkflowError(_("Say what the applicant must correct."))
    basis = f"{REG}第三十条"
    ClockPause.objects.create(application=app, kind=ClockPause.Kind.CORRECTION, basis=basis, start=on)
    app.status, app.correction_due_on = S.CORRECTION, correct_by
    _save(app)
    notice_due = correction_notice_due(app.received_on, current_calendar()).due
    late = on > notice_due
    _event(app, K.CORRECTION_REQUESTED, on, user, basis=basis, note=what,
           correct_by=correct_by.isoformat(), notice_due=notice_due.isoformat(), late=late)
    return app


@transaction.atomic
def receive_correction(app: Application, user: Any, *, on: date, note: str = "") -> Application:
    _require(app, S.CORRECTION)
    _close_pause(app, ClockPause.Kind.CORRECTION, on)
    app.status, app.correction_due_on = S.IN_PROGRESS, None
    _save(app)
    _event(app, K.CORRECTED, on, user, basis=f"{REG}第三十条", note=note,
           restart=_("The answer period counts again from the day the corrected application was received."))
    return app


@transaction.atomic
def correction_lapsed(app: Application, user: Any, *, on: date) -> Application:
    """Not corrected in time without good reason: deemed withdrawn (row （六）1)."""
    _require(app, S.CORRECTION)
    if app.correction_due_on and on <= app.correction_due_on:
        raise WorkflowError(_("The correction period runs until %(day)s.") % {"day": app.correction_due_on})
    _close_pause(app, ClockPause.Kind.CORRECTION, on)
    _conclude(app, user, on=on, outcome="R21", kind=K.CORRECTION_LAPSED)
    return app


# -- consultation (Arts. 32-34) ---------------------------------------------------------------


@transaction.atomic
def start_consultation(app: Application, user: Any, *, on: date, party: str, note: str = "") -> Application:
    _require(app, S.IN_PROGRESS)
    _not_before(on, app.received_on, _("the receipt date"))
    if not party.strip():
        raise WorkflowError(_("Name the third party or organ consulted."))
    basis = f"{REG}第三十二条、第三十三条第三款"
    reply_due = consultation_reply_due(on, current_calendar()).due
    ClockPause.objects.create(application=app, kind=ClockPause.Kind.CONSULTATION, basis=basis,
                              start=on, party=party, reply_due=reply_due)
    app.status = S.CONSULTATION
    _save(app)
    _event(app, K.CONSULTATION_STARTED, on, user, basis=basis, note=note, party=party,
           reply_due=reply_due.isoformat())
    return app


@transaction.atomic
def end_consultation(app: Application, user: Any, *, on: date, opinion: str = "") -> Application:
    """The answer arrived, or the 15 working days lapsed (the office then decides itself)."""
    _require(app, S.CONSULTATION)
    pause = _close_pause(app, ClockPause.Kind.CONSULTATION, on)
    app.status = S.IN_PROGRESS
    _save(app)
    _event(app, K.CONSULTATION_ENDED, on, user, basis=pause.basis, note=opinion, party=pause.party)
    return app


# -- extension (Art. 33 ¶2) --------------------------------------------------------------------


@transaction.atomic
def extend(app: Application, approver: Any, *, on: date, reason: str) -> Application:
    _require(app, S.IN_PROGRESS, S.CONSULTATION, S.FEE)
    if app.extended:
        raise WorkflowError(_("The answer period was already extended; Art. 33 allows 20 working days in all."))
    if not getattr(approver, "can_approve", False):
        raise WorkflowError(_("An extension needs the approval of the head of the disclosure office."))
    if not reason.strip():
        raise WorkflowError(_("Give the reason for the extension; the applicant is told."))
    if app.due_on and on > app.due_on:
        raise WorkflowError(_("The extension must be approved before the due date %(day)s.") % {"day": app.due_on})
    old_due = app.due_on
    app.extended = True
    _save(app)
    _event(app, K.EXTENDED, on, approver, basis=f"{REG}第三十三条第二款", note=reason,
           days=MAX_EXTENSION_DAYS, old_due=old_due.isoformat() if old_due else None,
           new_due=app.due_on.isoformat() if app.due_on else None, approved_by=str(approver))
    return app


# -- fee (Art. 42, 国办函〔2020〕109号) -----------------------------------------------------------


@transaction.atomic
def fee_notice(app: Application, user: Any, *, on: date, amount: int, method: str, note: str = "") -> Application:
    _require(app, S.IN_PROGRESS)
    _not_before(on, app.received_on, _("the receipt date"))
    if amount <= 0:
        raise WorkflowError(_("The fee must be a positive amount in yuan."))
    basis = f"{REG}第四十二条；《政府信息公开信息处理费管理办法》"
    pay_by = fee_payment_due(on, current_calendar()).due
    ClockPause.objects.create(application=app, kind=ClockPause.Kind.FEE, basis=basis, start=on)
    app.status, app.fee_due_on = S.FEE, pay_by
    _save(app)
    _event(app, K.FEE_NOTICE, on, user, basis=basis, note=note, amount=amount, method=method,
           pay_by=pay_by.isoformat())
    return app


@transaction.atomic
def fee_paid(app: Application, user: Any, *, on: date) -> Application:
    _require(app, S.FEE)
    pause = _close_pause(app, ClockPause.Kind.FEE, on)
    app.status, app.fee_due_on = S.IN_PROGRESS, None
    _save(app)
    _event(app, K.FEE_PAID, on, user, basis=pause.basis)
    return app


@transaction.atomic
def fee_lapsed(app: Application, user: Any, *, on: date) -> Application:
    """Not paid within 20 working days: deemed withdrawn (row （六）2)."""
    _require(app, S.FEE)
    if app.fee_due_on and on <= app.fee_due_on:
        raise WorkflowError(_("The payment period runs until %(day)s.") % {"day": app.fee_due_on})
    _close_pause(app, ClockPause.Kind.FEE, on)
    _conclude(app, user, on=on, outcome="R22", kind=K.FEE_LAPSED)
    return app


# -- answer, delivery ----------------------------------------------------------------------------


@transaction.atomic
def answer(app: Application, user: Any, *, on: date, outcome: str, reasons: str = "") -> Application:
    """The answer (答复). Exactly one outcome, i.e. one row of table 三 (部分公开 only as such)."""
    _require(app, S.IN_PROGRESS)
    if outcome not in OUTCOMES or outcome in LAPSE_OUTCOMES:
        raise WorkflowError(_("Choose the outcome of the answer."))
    if not OUTCOMES[outcome].discloses and outcome != "R23" and not reasons.strip():
        raise WorkflowError(_("Give the reasons: an answer that does not disclose must say why (Art. 36)."))
    _conclude(app, user, on=on, outcome=outcome, kind=K.ANSWERED, reasons=reasons)
    return app


def _conclude(app: Application, user: Any, *, on: date, outcome: str, kind: str, reasons: str = "") -> None:
    _not_before(on, app.received_on, _("the receipt date"))
    late = app.due_on is not None and on > app.due_on
    app.outcome, app.concluded_on, app.status = outcome, on, S.ANSWERED
    app.correction_due_on = app.fee_due_on = None
    app.save()
    _event(app, kind, on, user, basis=OUTCOMES[outcome].basis, note=reasons, outcome=outcome,
           outcome_label=OUTCOMES[outcome].label, due=app.due_on.isoformat() if app.due_on else None,
           late=late)


@transaction.atomic
def deliver(app: Application, user: Any, *, on: date, method: str = "", note: str = "") -> Application:
    _require(app, S.ANSWERED)
    _not_before(on, app.concluded_on, _("the answer"))
    app.delivered_on, app.status = on, S.CLOSED
    app.save()
    _event(app, K.DELIVERED, on, user, note=note, method=method or app.delivery)
    return app
