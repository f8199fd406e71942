"""Letters as files: for the office (scoped to the agencies the user may see, every download
logged) and, for the applicant, the answer letter of the case the portal's tracking page
found with the query code and phone number."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from gongkai.agencies.scope import agency_filter
from gongkai.auditlog.log import record
from gongkai.auditlog.models import AuditEntry

from .kinds import ANSWER_KINDS
from .models import Letter
from .render import write_docx, write_pdf

# Set by the portal's tracking page after a correct query code and phone number.
TRACKED_SESSION_KEY = "portal_tracked_application"

FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", write_docx),
    "pdf": ("application/pdf", write_pdf),
}


def _attachment(letter: Letter, fmt: str) -> HttpResponse:
    content_type, writer = FORMATS[fmt]
    response = HttpResponse(writer(letter.document()), content_type=content_type)
    name = letter.filename(fmt)
    fallback = f"letter-{letter.pk}.{fmt}"  # for clients without RFC 5987
    response["Content-Disposition"] = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    letters = Letter.objects.filter(agency_filter(request.user, "application__agency"))
    letter = get_object_or_404(letters.select_related("application"), pk=pk)
    record(AuditEntry.Action.DOWNLOAD, letter, agency_id=letter.application.agency_id,
           changes={"format": fmt, "number": letter.number})
    return _attachment(letter, fmt)


@require_GET
def public_answer(request: HttpRequest) -> HttpResponse:
    tracked = request.session.get(TRACKED_SESSION_KEY)
    if not isinstance(tracked, int) and not (isinstance(tracked, str) and tracked.isdigit()):
        raise Http404
    letter = (Letter.objects.filter(application_id=int(tracked), kind__in=ANSWER_KINDS)
              .select_related("application").order_by("-issued_on", "-id").first())
    if letter is None:
        raise Http404
    record(AuditEntry.Action.DOWNLOAD, letter, agency_id=letter.application.agency_id,
           changes={"format": "pdf", "number": letter.number, "by": "applicant"})
    return _attachment(letter, "pdf")
