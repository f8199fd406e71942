"""Letter templates an administrator edits, and the letters issued from them.

An issued letter keeps its rendered text, number and signature: editing a template later, or
renaming the agency, never changes a letter already sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import Kind
from .render import LetterDocument, chinese_date, paragraphs_of


class LetterTemplate(models.Model):
    kind = models.CharField(_("letter"), max_length=30, choices=Kind.choices, unique=True)
    title = models.CharField(
        _("title"), max_length=200,
        help_text=_("Django template text, e.g. {{ agency.name }}政府信息公开申请答复书."))
    body = models.TextField(
        _("text"),
        help_text=_("Django template text. Each line is one paragraph; a short line starting "
                    "with 一、 is a heading. The recipient, signature, date and contact are added "
                    "by the platform."))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    audited = True

    class Meta:
        ordering = ["kind"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self) -> str:
        return str(self.get_kind_display())


class Letter(models.Model):
    application = models.ForeignKey("applications.Application", models.CASCADE, related_name="letters",
                                    verbose_name=_("application"))
    # The issuing agency when the letter was sent: numbering runs per agency, series and year.
    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="+", verbose_name=_("agency"))
    kind = models.CharField(_("letter"), max_length=30, choices=Kind.choices)
    series = models.CharField(_("number series"), max_length=30, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("running number"), editable=False)
    number = models.CharField(_("document number"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    recipient = models.CharField(_("addressed to"), max_length=200)
    body = models.TextField(_("text"))
    signature = models.CharField(_("issuing agency"), max_length=100)
    note = models.CharField(_("contact note"), max_length=300, blank=True)
    issued_on = models.DateField(_("date issued"))
    event = models.ForeignKey("applications.CaseEvent", models.SET_NULL, null=True, blank=True,
                              related_name="letters", verbose_name=_("case step"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("issued by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    audited = True

    class Meta:
        ordering = ["issued_on", "id"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.UniqueConstraint(fields=["agency", "series", "year", "sequence"],
                                    name="unique_letter_number"),
            models.UniqueConstraint(fields=["event"], condition=models.Q(event__isnull=False),
                                    name="one_letter_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.number}"

    def document(self) -> LetterDocument:
        return LetterDocument(
            title=self.title, number=self.number, recipient=self.recipient,
            paragraphs=paragraphs_of(self.body), signature=self.signature,
            date=chinese_date(self.issued_on), note=self.note,
            keywords=f"政府信息公开 {self.application.number}".strip())

    def filename(self, fmt: str) -> str:
        case = self.application.number or str(self.application_id)
        return f"{self.title}（{case}）.{fmt}"
