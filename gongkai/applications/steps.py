"""The workflow steps an officer records on a case page: one form, one service, one view each.

Which steps a case offers follows its status (see ``workflow``); an extension also needs the
approval right (条例第三十三条第二款)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from . import forms, workflow
from .models import Application
from .scoping import cases_for

S = Application.Status


@dataclass(frozen=True)
class Step:
    name: str  # URL name and path segment
    label: Any
    form: type[forms.StaffForm]
    service: Callable[..., Application]
    statuses: frozenset[str]
    approver_only: bool = False

    def allowed_for(self, user: Any) -> bool:
        return bool(user.can_handle_cases and (user.can_approve or not self.approver_only))

    def possible(self, app: Application, user: Any) -> bool:
        if app.status not in self.statuses or not self.allowed_for(user):
            return False
        return not (self.name == "extend" and app.extended)


STEPS: dict[str, Step] = {s.name: s for s in (
    Step("register", _("Register (confirm receipt)"), forms.RegisterForm, workflow.register,
         frozenset({S.SUBMITTED})),
    Step("request_correction", _("Request a correction"), forms.CorrectionRequestForm,
         workflow.request_correction, frozenset({S.IN_PROGRESS})),
    Step("receive_correction", _("Corrected application received"), forms.CorrectionReceivedForm,
         workflow.receive_correction, frozenset({S.CORRECTION})),
    Step("correction_lapsed", _("Not corrected in time"), forms.LapseForm, workflow.correction_lapsed,
         frozenset({S.CORRECTION})),
    Step("start_consultation", _("Consult a third party"), forms.ConsultationStartForm,
         workflow.start_consultation, frozenset({S.IN_PROGRESS})),
    Step("end_consultation", _("End the consultation"), forms.ConsultationEndForm, workflow.end_consultation,
         frozenset({S.CONSULTATION})),
    Step("extend", _("Extend the answer period"), forms.ExtensionForm, workflow.extend,
         frozenset({S.IN_PROGRESS, S.CONSULTATION, S.FEE}), approver_only=True),
    Step("fee_notice", _("Send a fee notice"), forms.FeeNoticeForm, workflow.fee_notice, frozenset({S.IN_PROGRESS})),
    Step("fee_paid", _("Fee paid"), forms.DateOnlyForm, workflow.fee_paid, frozenset({S.FEE})),
    Step("fee_lapsed", _("Fee not paid in time"), forms.LapseForm, workflow.fee_lapsed, frozenset({S.FEE})),
    Step("answer", _("Answer"), forms.AnswerForm, workflow.answer, frozenset({S.IN_PROGRESS})),
    Step("deliver", _("Answer delivered"), forms.DeliveryForm, workflow.deliver, frozenset({S.ANSWERED})),
)}


def possible_steps(app: Application, user: Any) -> list[Step]:
    return [step for step in STEPS.values() if step.possible(app, user)]


@login_required
@require_http_methods(["GET", "POST"])
def step_view(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """GET: the step's form; POST: record the step through ``workflow``.

    Another agency's case is a 404 (the scoped queryset); a supervisor, or an officer asking
    for an extension, gets 403."""
    action = STEPS[step]
    cases = cases_for(request.user)
    app = get_object_or_404(cases.select_related("agency"), pk=pk)
    if not action.allowed_for(request.user):
        raise PermissionDenied
    if not action.possible(app, request.user):
        messages.error(request, _("“%(step)s” is not possible while the case is “%(status)s”.")
                       % {"step": action.label, "status": app.get_status_display()})
        return redirect("applications:detail", pk=app.pk)
    initial = {"method": app.delivery} if step == "deliver" else None
    extra = {"application": app} if step == "fee_notice" else {}  # 按件计收 counts the month's applications
    form = action.form(request.POST or None, initial=initial, **extra)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                locked = cases.select_for_update().get(pk=app.pk)  # two officers, one case
                action.service(locked, request.user, **form.service_kwargs())
        except workflow.WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Recorded: %(step)s.") % {"step": action.label})
            return redirect("applications:detail", pk=app.pk)
    return render(request, "applications/step.html", {"application": app, "step": action, "form": form},
                  status=400 if form.is_bound else 200)
