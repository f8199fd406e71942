"""What the case page shows, read in a few statements compiled once per process.

The page is the office's most visited one (issue 4: ≥ 300 requests/s on 2 cores), so its
rows come as plain dicts from ``Prepared`` statements, with choice labels, user names and
URLs worked out here once instead of per cell in the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from gongkai.agencies.models import User
from gongkai.agencies.scope import agency_filter
from gongkai.letters.models import Letter
from gongkai.litigation.models import Remedy
from gongkai.project.prepared import Prepared

from .models import Application, Attachment, CaseEvent, ClockPause
from .scoping import cases_for

# Every column of the case but the two bookkeeping stamps, plus the names it shows.
CASE_COLUMNS = tuple(f.attname for f in Application._meta.concrete_fields if f.name not in {"created_at", "updated_at"})
NAME_FIELDS = ("username", "first_name", "last_name", "display_name")  # what User.__str__ reads
HANDLER = tuple(f"handler__{name}" for name in NAME_FIELDS)
ACTOR = tuple(f"actor__{name}" for name in NAME_FIELDS)


def with_names(cases: QuerySet[Application]) -> QuerySet[Application]:
    """The case's columns, its agency's and handler's names, and whether it has rows in the
    tables that most cases have none in (so those are only read when there is something)."""
    def has(model: type) -> Exists:
        return Exists(model.objects.filter(application_id=OuterRef("pk")))

    return cases.order_by().values(*CASE_COLUMNS, "agency__name", *HANDLER).annotate(
        has_pauses=has(ClockPause), has_attachments=has(Attachment), has_remedies=has(Remedy),
        has_letters=has(Letter))


# An agency's own staff, whose agency_filter(user) is exactly Q(agency_id=…): see ``case_row``.
_CASE_OF_AGENCY = Prepared(lambda agency_id, pk: with_names(Application.objects.filter(Q(agency_id=agency_id), pk=pk)), 2)
_EVENTS = Prepared(lambda pk: CaseEvent.objects.filter(application_id=pk).values(
    "kind", "on", "at", "basis", "note", "actor_id", *ACTOR), 1)
_PAUSES = Prepared(lambda pk: ClockPause.objects.filter(application_id=pk).values(
    "kind", "basis", "start", "end", "party", "reply_due"), 1)
_ATTACHMENTS = Prepared(lambda pk: Attachment.objects.filter(application_id=pk).order_by("id").values(
    "id", "name", "size", "content_type"), 1)
_REMEDIES = Prepared(lambda pk: Remedy.objects.filter(application_id=pk).values(
    "id", "kind", "case_number", "body", "filed_on", "result"), 1)
# Not the letter's text: the page lists letters, their files have the text.
_LETTERS = Prepared(lambda pk: Letter.objects.filter(application_id=pk).values(
    "id", "title", "number", "recipient", "issued_on"), 1)

# Choice labels (lazy: translated when the page prints them), as get_FOO_display() gives them.
CASE_CHOICES = {f.attname: dict(f.flatchoices) for f in Application._meta.concrete_fields if f.choices}
EVENT_KINDS = dict(CaseEvent.Kind.choices)
PAUSE_KINDS = dict(ClockPause.Kind.choices)
REMEDY_KINDS = dict(Remedy.Kind.choices)
REMEDY_RESULTS = dict(Remedy.Result.choices)


def user_name(row: dict[str, Any], prefix: str) -> str:
    """The name ``User.__str__`` gives, from the name columns of a joined user."""
    fields = [f"{prefix}{name}" for name in NAME_FIELDS]
    return str(User(**{name: row[field] or "" for name, field in zip(NAME_FIELDS, fields, strict=True)}))


def case_row(user: Any, pk: int) -> dict[str, Any]:
    """The case with the agency's name and the handler's, through the user's scope: another
    agency's case is a 404. The scope is always ``agency_filter(user)``; when it is the plain
    "this agency" filter of an agency's own staff, the statement compiled for that filter is
    reused, otherwise (supervisors: a subtree) the ORM compiles the scoped query afresh."""
    scope = agency_filter(user)
    if scope == Q(agency_id=user.agency_id):
        rows = _CASE_OF_AGENCY.rows(user.agency_id, pk)
    else:
        rows = list(with_names(cases_for(user).filter(pk=pk)))
    if not rows:
        raise Http404(Application._meta.verbose_name)
    return rows[0]


@dataclass
class CasePage:
    application: Application
    choice: dict[str, Any]  # the label of each choice field's value: {{ page.choice.status }}
    agency_name: str
    handler: str
    events: list[dict[str, Any]]
    pauses: list[dict[str, Any]]
    attachments: list[dict[str, Any]]
    remedies: list[dict[str, Any]]
    letters: list[dict[str, Any]]


def _url_pattern(name: str) -> str:
    """A reversed URL with ``{}`` in place of the key 0: one reverse() for every row."""
    return reverse(name, args=[0]).replace("/0/", "/{}/", 1)


def load(user: Any, pk: int) -> CasePage:
    row = case_row(user, pk)
    app = Application.from_db("default", CASE_COLUMNS, [row[c] for c in CASE_COLUMNS])
    events = _EVENTS.rows(pk)
    for event in events:
        event["kind"] = EVENT_KINDS.get(event["kind"], event["kind"])
        event["actor"] = user_name(event, "actor__") if event["actor_id"] else None
    pauses = _PAUSES.rows(pk) if row["has_pauses"] else []
    for pause in pauses:
        pause["kind"] = PAUSE_KINDS.get(pause["kind"], pause["kind"])
    attachments = _ATTACHMENTS.rows(pk) if row["has_attachments"] else []
    if attachments:
        url = _url_pattern("applications:attachment")
        for attachment in attachments:
            attachment["url"] = url.format(attachment["id"])
    remedies = _REMEDIES.rows(pk) if row["has_remedies"] else []
    if remedies:
        url = _url_pattern("litigation:edit")
        for remedy in remedies:
            remedy.update(url=url.format(remedy["id"]), kind=REMEDY_KINDS.get(remedy["kind"], remedy["kind"]),
                          result=REMEDY_RESULTS.get(remedy["result"], remedy["result"]))
    letters = _LETTERS.rows(pk) if row["has_letters"] else []
    for letter in letters:
        letter["pk"] = letter["id"]  # as the letters partial names it
    choice = {name: labels.get(row[name], row[name]) for name, labels in CASE_CHOICES.items()}
    return CasePage(application=app, choice=choice, agency_name=row["agency__name"],
                    handler=user_name(row, "handler__") if row["handler_id"] else "",
                    events=events, pauses=pauses, attachments=attachments, remedies=remedies, letters=letters)
