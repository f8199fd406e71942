"""The public portal: the 指南 facts (条例第十二条), the online application (条例第二十九条)
and tracking an application by query code and phone number."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from gongkai.agencies.models import Agency
from gongkai.applications.models import Application
from gongkai.applications.workflow import WorkflowError

from .forms import ApplicationForm, TrackForm
from .public import STATUS, outcome_text, public_steps
from .submission import store_application
from .validators import phone_digits

log = logging.getLogger(__name__)
SUBMITTED_KEY = "portal.submitted"
TRACK_KEY = "portal.track"


def public_form_rate(group: str, request: HttpRequest) -> str:
    # Read on each request, so a change of settings (or a test's override) applies at once.
    return settings.PUBLIC_FORM_RATE


def rate_limited_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """django-ratelimit on POST by client address; a refusal is the RATELIMIT_VIEW page (429)."""
    limited = ratelimit(key="ip", rate=public_form_rate, method="POST", block=True)(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return limited(request, *args, **kwargs)
        except Ratelimited as exc:
            return import_string(settings.RATELIMIT_VIEW)(request, exc)

    return wrapper


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "portal/rate_limited.html", status=429)


def error_summary(form: Form) -> list[dict[str, str]]:
    """The errors for the box at the top of a form, each linked to its field."""
    items = [{"anchor": "", "label": "", "message": str(e)} for e in form.non_field_errors()]
    for field in form:
        suffix = "_0" if field.widget_type == "radioselect" else ""
        for error in field.errors:
            items.append({"anchor": f"{field.auto_id}{suffix}", "label": str(field.label),
                          "message": str(error)})
    return items


def home(request: HttpRequest) -> HttpResponse:
    agencies = list(Agency.objects.order_by("path"))
    for agency in agencies:
        agency.depth = max(agency.path.count("/") - 2, 0)  # type: ignore[attr-defined]
    return render(request, "portal/home.html", {"agencies": agencies})


@rate_limited_post
def apply(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        initial = {}
        if request.GET.get("agency", "").isdigit():
            initial["agency"] = int(request.GET["agency"])
        return render(request, "portal/apply.html", {"form": ApplicationForm(initial=initial)})
    form = ApplicationForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            app = store_application(form.cleaned_data)
        except WorkflowError as exc:
            form.add_error(None, exc.message)
        except OSError:
            log.exception("attachment could not be stored")
            form.add_error(None, _("Your application could not be stored because of a technical "
                                   "problem. Nothing was kept; please try again later."))
        else:
            request.session[SUBMITTED_KEY] = app.pk
            return redirect("portal:submitted")
    files_dropped = bool(request.FILES)
    return render(request, "portal/apply.html", {
        "form": form, "errors": error_summary(form), "files_dropped": files_dropped,
    })


@never_cache
def submitted(request: HttpRequest) -> HttpResponse:
    """The confirmation after a successful application, shown once (post/redirect/get)."""
    pk = request.session.pop(SUBMITTED_KEY, None)
    app = Application.objects.select_related("agency").filter(pk=pk).first() if pk else None
    if app is None:
        messages.info(request, _("The confirmation page is shown only once. To follow your "
                                 "application, enter its query code and your phone number."))
        return redirect("portal:track")
    labels = {name: dict(ApplicationForm.base_fields[name].choices)  # type: ignore[attr-defined]
              for name in ("form", "delivery")}
    return render(request, "portal/submitted.html", {
        "app": app, "agency": app.agency, "form_label": labels["form"].get(app.form, app.form),
        "delivery_label": labels["delivery"].get(app.delivery, app.delivery)})


def _matching_case(code: str, phone: str) -> Application | None:
    app = Application.objects.filter(query_code=code).first()
    # Compare the phone numbers in constant time, and as much work whether or not code matched.
    stored = phone_digits(app.phone) if app is not None else "-"
    same = hmac.compare_digest(stored.encode(), phone_digits(phone).encode())
    return app if app is not None and same and stored else None


@never_cache
@rate_limited_post
def track(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = TrackForm(request.POST)
        if form.is_valid():
            app = _matching_case(form.cleaned_data["query_code"], form.cleaned_data["phone"])
            if app is not None:
                request.session[TRACK_KEY] = app.pk
                return redirect("portal:track")
            # One message whether the code exists or not: it must reveal nothing.
            form.add_error(None, _("No application matches this query code and phone number. "
                                   "Check both and try again."))
        return render(request, "portal/track.html", {"form": form, "errors": error_summary(form)})
    pk = request.session.get(TRACK_KEY)
    app = Application.objects.select_related("agency").filter(pk=pk).first() if pk else None
    if app is None:
        return render(request, "portal/track.html", {"form": TrackForm()})
    return render(request, "portal/track.html", {
        "app": app, "agency": app.agency, "status": STATUS.get(Application.Status(app.status), ""),
        "steps": public_steps(app), "outcome": outcome_text(app.outcome) if app.outcome else "",
    })


@require_POST
def track_forget(request: HttpRequest) -> HttpResponse:
    request.session.pop(TRACK_KEY, None)
    return redirect("portal:track")
