"""The disclosure office's case pages: dashboard, case list, case page, intake, attachments.

Every query starts from ``scoping.cases_for(user)``: another agency's case is a 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.agencies.models import User
from gongkai.agencies.scope import visible_agencies
from gongkai.auditlog import log
from gongkai.auditlog.models import AuditEntry
from gongkai.holidays.calendar import current_calendar

from . import casepage, workflow
from .attachments import CheckedFile
from .forms import CaseFilterForm, IntakeForm
from .models import Application, Attachment
from .scoping import attachments_for, cases_for, due_soon_q, is_overdue, open_cases, overdue_q
from .steps import possible_steps
from .templatetags.casefmt import mask_id_number, mask_phone

S = Application.Status
LIST_LIMIT = 20  # rows per dashboard list; the full list is one link away
PAGE_SIZE = 50


def soon_horizon(today: date) -> date:
    """The last day of the "due within 5 working days" window."""
    return current_calendar().nth_workday(today, 5)


def case_rows(cases: list[Application], today: date, *, personal: bool = False) -> list[dict[str, Any]]:
    """What a case table shows, computed once in Python: lists render fast (no template
    includes or URL reversing per row). ID number and phone only masked (个人信息保护)."""
    detail = reverse("applications:detail", args=[0]).replace("/0/", "/{}/")
    status = dict(Application.Status.choices)
    rows = []
    for case in cases:
        row = {"url": detail.format(case.pk), "number": case.number, "agency": case.agency.short_name or case.agency.name,
               "applicant": case.applicant_name, "status": status.get(case.status, case.status),
               "received": case.received_on, "submitted": case.submitted_on, "due": case.due_on,
               "provisional": case.due_provisional, "overdue": is_overdue(case, today)}
        if personal:
            row.update(id_number=mask_id_number(case.id_number), phone=mask_phone(case.phone))
        rows.append(row)
    return rows


def _scoped_by_ids(ids: list[int]) -> QuerySet[Application]:
    # One agency: a plain equality, so the planner uses the (agency, …) indexes directly.
    return Application.objects.filter(agency_id=ids[0]) if len(ids) == 1 else \
        Application.objects.filter(agency_id__in=ids)


# -- dashboard ---------------------------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    horizon = soon_horizon(today)
    agencies = list(visible_agencies(request.user).only("id", "name", "short_name", "path"))
    ids = [a.pk for a in agencies]
    if not ids:
        return render(request, "applications/dashboard.html", {"no_agency": True})
    cases = _scoped_by_ids(ids)
    opened = open_cases(cases)
    submitted = cases.filter(received_on__isnull=True, status=S.SUBMITTED)
    answered = cases.filter(status=S.ANSWERED)

    # Per agency, each count one GROUP BY over an index range (app_agency_open_due,
    # app_agency_received); the totals are their sums.
    rows: dict[int, dict[str, int]] = {a.pk: dict.fromkeys(
        ["open", "overdue", "soon", "submitted", "answered"], 0) for a in agencies}
    for rec in opened.values("agency_id").annotate(
            open=Count("id"), overdue=Count("id", filter=overdue_q(today)),
            soon=Count("id", filter=due_soon_q(today, horizon))).order_by():
        rows[rec["agency_id"]].update(open=rec["open"], overdue=rec["overdue"], soon=rec["soon"])
    for key, qs in (("submitted", submitted), ("answered", answered)):
        for rec in qs.values("agency_id").annotate(n=Count("id")).order_by():
            rows[rec["agency_id"]][key] = rec["n"]
    totals = {key: sum(r[key] for r in rows.values()) for key in ["open", "overdue", "soon", "submitted", "answered"]}

    def head(qs: QuerySet[Application], *order: str) -> list[dict[str, Any]]:
        return case_rows(qs.select_related("agency").only(
            "id", "number", "agency__name", "agency__short_name", "applicant_name", "status", "channel",
            "submitted_on", "received_on", "due_on", "due_provisional", "concluded_on", "extended",
        ).order_by(*order)[:LIST_LIMIT], today)

    supervisor = len(agencies) > 1
    context = {
        "today": today, "horizon": horizon, "totals": totals, "supervisor": supervisor,
        "per_agency": [(a, rows[a.pk]) for a in agencies] if supervisor else [],
        "overdue": head(opened.filter(overdue_q(today)), "due_on", "id") if totals["overdue"] else [],
        "soon": head(opened.filter(due_soon_q(today, horizon)), "due_on", "id") if totals["soon"] else [],
        "open": head(opened, "due_on", "id") if totals["open"] else [],
        "submitted": head(submitted, "submitted_on", "id") if totals["submitted"] else [],
        "answered": head(answered, "concluded_on", "id") if totals["answered"] else [],
        "limit": LIST_LIMIT,
    }
    return render(request, "applications/dashboard.html", context)


# -- case list -----------------------------------------------------------------------------------


def filter_cases(qs: QuerySet[Application], data: dict[str, Any], today: date) -> QuerySet[Application]:
    """Apply the list filter's cleaned data."""
    if data.get("status"):
        qs = qs.filter(status=data["status"])
    if data.get("year"):
        qs = qs.filter(received_on__gte=date(data["year"], 1, 1), received_on__lte=date(data["year"], 12, 31))
    deadline = data.get("deadline")
    if deadline:
        qs = open_cases(qs).order_by("due_on", "id")
        if deadline == "overdue":
            qs = qs.filter(overdue_q(today))
        elif deadline == "soon":
            qs = qs.filter(due_soon_q(today, soon_horizon(today)))
    text = (data.get("q") or "").strip()
    if text:
        qs = qs.filter(Q(number__istartswith=text) | Q(applicant_name__icontains=text))
    return qs


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = CaseFilterForm(request.GET or None)
    qs = cases_for(request.user).select_related("agency").defer("description", "purpose", "due_explanation")
    if form.is_bound and form.is_valid():
        qs = filter_cases(qs, form.cleaned_data, today)
    elif form.is_bound:
        qs = qs.none()
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "applications/case_list.html", {
        "form": form, "page": page, "rows": case_rows(page.object_list, today, personal=True), "today": today,
        "query": query.urlencode(),
        "show_agency": request.user.role == User.Role.SUPERVISOR,
    })


# -- case page -----------------------------------------------------------------------------------


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = casepage.load(request.user, pk)  # 404 outside the user's scope
    app = page.application
    shown = [f for f in Application.personal_fields if getattr(app, f)]
    if shown:
        log.personal_data_viewed(app, shown)  # every display of full personal data is logged
    today = timezone.localdate()
    steps = [{"url": reverse(f"applications:{step.name}", args=[app.pk]), "label": step.label}
             for step in possible_steps(app, request.user)]
    return render(request, "applications/case_detail.html", {
        "application": app, "page": page, "title": _("Application %(number)s") % {"number": app},
        "steps": steps, "overdue": is_overdue(app, today),
        "letters": page.letters, "new_remedy_url": reverse("litigation:new") if request.user.can_handle_cases else "",
    })


# -- intake ----------------------------------------------------------------------------------------


def save_attachment(app: Application, checked: CheckedFile) -> Attachment:
    attachment = Attachment(application=app, name=checked.name, size=checked.size,
                            content_type=checked.kind.content_type, sha256=checked.sha256)
    attachment.file.save(checked.name, checked.upload, save=False)
    attachment.save()
    return attachment


@login_required
def intake(request: HttpRequest) -> HttpResponse:
    """An application received in person, by post, fax, e-mail or orally: record and register."""
    if not request.user.can_handle_cases:
        raise PermissionDenied
    form = IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                app = form.save(commit=False)
                app.agency_id = request.user.agency_id
                workflow.register(app, request.user, on=form.registration_date)
                for upload in form.cleaned_data.get("attachments") or []:
                    save_attachment(app, upload)
        except workflow.WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Application %(number)s registered; answer due %(due)s.")
                             % {"number": app.number, "due": app.due_on})
            return redirect("applications:detail", pk=app.pk)
    return render(request, "applications/intake.html", {"form": form},
                  status=400 if form.is_bound and form.errors else 200)


# -- attachments -----------------------------------------------------------------------------------


@login_required
def attachment_download(request: HttpRequest, attachment_pk: int) -> FileResponse:
    attachment = get_object_or_404(attachments_for(request.user).select_related("application"), pk=attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404(_("The file of this attachment is missing.")) from None
    log.record(AuditEntry.Action.DOWNLOAD, attachment, agency_id=attachment.application.agency_id,
               description=f"{attachment.application} {attachment.name}")
    # as_attachment: never rendered by the browser; Django writes filename* (RFC 5987) for
    # names that are not ASCII.
    response = FileResponse(handle, as_attachment=True, filename=attachment.name,
                            content_type=attachment.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
