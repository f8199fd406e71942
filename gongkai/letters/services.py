"""Issuing letters: the template of the letter's kind rendered with the case's facts, numbered
per agency, series and year (发文字号, GB/T 9704-2012 7.2.4: 机关代字〔年份〕序号号), stored."""

from __future__ import annotations

import logging
from datetime import date
from functools import lru_cache
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template import Context, Template, TemplateSyntaxError

from gongkai.applications.models import Application, CaseEvent

from . import context as letter_context
from .defaults import DEFAULTS
from .kinds import Kind, kind_for_event, series_code, series_of
from .models import Letter, LetterTemplate
from .render import paragraphs_of

logger = logging.getLogger(__name__)


@lru_cache(maxsize=256)
def _compiled(text: str) -> Template:
    # Keyed by the text itself, so an edited template is compiled afresh.
    return Template(text)


def render_text(text: str, ctx: dict[str, Any]) -> str:
    """A template's text rendered as plain text (no HTML escaping: the letter is not a page)."""
    return _compiled(text).render(Context(ctx, autoescape=False))


def render(kind: str, ctx: dict[str, Any]) -> tuple[str, str]:
    """(title, body) of a letter of ``kind``: the office's template, or the shipped one when
    the office's has been deleted or no longer compiles."""
    row = LetterTemplate.objects.filter(kind=kind).first()
    if row is not None:
        try:
            return render_text(row.title, ctx).strip(), _paragraphs(render_text(row.body, ctx))
        except TemplateSyntaxError:
            logger.exception("letter template %s does not compile; the shipped text is used", kind)
    title, body = DEFAULTS[kind]
    return render_text(title, ctx).strip(), _paragraphs(render_text(body, ctx))


def _paragraphs(text: str) -> str:
    """One paragraph a line: the blank lines a template's tags leave dropped."""
    return "\n".join(paragraphs_of(text))


def contact_note(app: Application) -> str:
    """附注: the office's phone, for questions about the letter (GB/T 9704-2012 7.3.6)."""
    phone = app.agency.phone.strip()
    return f"（联系电话：{phone}）" if phone else ""


def recipient(kind: str, app: Application, event: CaseEvent | None) -> str:
    if kind == Kind.CONSULTATION and event is not None:
        return str(event.data.get("party", "")).strip() or app.applicant_name
    return app.applicant_name


def number_for(agency: Any, kind: str, year: int, sequence: int) -> str:
    prefix = agency.short_name or agency.name
    return f"{prefix}公开{series_code(kind)}〔{year}〕{sequence}号"


def issue(app: Application, kind: str, *, on: date, event: CaseEvent | None = None, user: Any = None) -> Letter:
    """Render, number and store a letter of ``kind`` about ``app`` dated ``on``."""
    ctx = letter_context.build(app, event, on=on)
    title, body = render(kind, ctx)
    series, year = series_of(kind), on.year
    for _attempt in range(5):  # two letters numbered at once: the loser takes the next number
        last = (Letter.objects.filter(agency_id=app.agency_id, series=series, year=year)
                .aggregate(n=Max("sequence"))["n"] or 0)
        letter = Letter(
            application=app, agency_id=app.agency_id, kind=kind, series=series, year=year,
            sequence=last + 1, number=number_for(app.agency, kind, year, last + 1), title=title,
            recipient=recipient(kind, app, event), body=body, signature=app.agency.name,
            note=contact_note(app), issued_on=on, event=event,
            created_by=user if getattr(user, "is_authenticated", False) else None)
        try:
            with transaction.atomic():
                letter.save()
            return letter
        except IntegrityError:
            if event is not None and Letter.objects.filter(event=event).exists():
                return Letter.objects.get(event=event)
    raise IntegrityError("no free letter number")


def issue_for_event(event: CaseEvent) -> Letter | None:
    """The letter a workflow step sends, if it sends one and has not yet sent it."""
    kind = kind_for_event(event.kind, str(event.data.get("outcome", "")))
    if kind is None:
        return None
    existing = Letter.objects.filter(event=event).first()
    if existing is not None:
        return existing
    return issue(event.application, kind, on=event.on, event=event, user=event.actor)
