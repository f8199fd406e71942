"""Reconsiderations and lawsuits: list, record, edit. Scoped like cases (another agency: 404)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gongkai.agencies.models import User
from gongkai.agencies.scope import agency_filter
from gongkai.applications.scoping import cases_for

from .forms import RemedyFilterForm, RemedyForm
from .models import Remedy

PAGE_SIZE = 50


def remedies_for(user: User) -> QuerySet[Remedy]:
    return Remedy.objects.filter(agency_filter(user))


@login_required
def remedy_list(request: HttpRequest) -> HttpResponse:
    form = RemedyFilterForm(request.GET or None)
    qs = remedies_for(request.user).select_related("agency", "application")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["result"]:
            qs = qs.filter(result=data["result"])
        if data["year"]:
            qs = qs.filter(filed_on__gte=date(data["year"], 1, 1), filed_on__lte=date(data["year"], 12, 31))
    elif form.is_bound:
        qs = qs.none()
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "litigation/remedy_list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "show_agency": request.user.role == User.Role.SUPERVISOR})


@login_required
def remedy_new(request: HttpRequest) -> HttpResponse:
    if not request.user.can_handle_cases:
        raise PermissionDenied
    initial = {}
    if request.method == "GET" and request.GET.get("application", "").isdigit():
        app = get_object_or_404(cases_for(request.user).filter(agency_id=request.user.agency_id),
                                pk=int(request.GET["application"]))
        initial = {"application_number": app.number, "claimant": app.applicant_name}
    form = RemedyForm(request.POST or None, initial=initial, agency_id=request.user.agency_id)
    if request.method == "POST" and form.is_valid():
        remedy = form.save()
        messages.success(request, _("Recorded: %(remedy)s.") % {"remedy": remedy})
        return redirect("litigation:list")
    return render(request, "litigation/remedy_form.html", {"form": form, "remedy": None},
                  status=400 if form.is_bound else 200)


@login_required
def remedy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    remedy = get_object_or_404(remedies_for(request.user).select_related("agency", "application"), pk=pk)
    editable = request.user.can_handle_cases and remedy.agency_id == request.user.agency_id
    if request.method == "POST" and not editable:
        raise PermissionDenied
    form = RemedyForm(request.POST or None, instance=remedy, agency_id=remedy.agency_id)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved: %(remedy)s.") % {"remedy": remedy})
        return redirect("litigation:list")
    return render(request, "litigation/remedy_form.html", {"form": form, "remedy": remedy, "editable": editable},
                  status=400 if form.is_bound else 200)
