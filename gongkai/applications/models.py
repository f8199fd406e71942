"""A disclosure application (依申请公开) from intake to closure, and its recorded history."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .outcomes import APPLICANT_TYPES, OUTCOME_CHOICES

# No 0/O/1/I/L: a query code is read out over the phone.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_query_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))


class Application(models.Model):
    class Channel(models.TextChoices):
        # 条例第三十一条 fixes the receipt date per channel (see intake.receipt_date).
        ONLINE = "online", _("Online form")
        IN_PERSON = "in_person", _("In person")
        POST_SIGNED = "post_signed", _("Post (signed for)")
        POST_UNSIGNED = "post_unsigned", _("Ordinary letter")
        FAX = "fax", _("Fax")
        EMAIL = "email", _("E-mail")
        ORAL = "oral", _("Oral, written down by the office")

    class ApplicantType(models.TextChoices):
        NATURAL = APPLICANT_TYPES[0]
        COMMERCIAL = APPLICANT_TYPES[1]
        RESEARCH = APPLICANT_TYPES[2]
        WELFARE = APPLICANT_TYPES[3]
        LEGAL = APPLICANT_TYPES[4]
        OTHER = APPLICANT_TYPES[5]

    class IdType(models.TextChoices):
        RESIDENT_ID = "resident_id", _("Resident identity card")
        PASSPORT = "passport", _("Passport")
        OTHER = "other", _("Other identity document")
        CREDIT_CODE = "credit_code", _("Unified social credit code")

    class Form(models.TextChoices):
        PAPER = "paper", _("Paper")
        ELECTRONIC = "electronic", _("Electronic")
        OTHER = "other", _("Other")

    class Delivery(models.TextChoices):
        POST = "post", _("By post")
        EMAIL = "email", _("By e-mail")
        PICKUP = "pickup", _("Collect in person")
        ONLINE = "online", _("Online")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted, awaiting registration")
        IN_PROGRESS = "in_progress", _("Being handled")
        CORRECTION = "correction", _("Awaiting correction by the applicant")
        CONSULTATION = "consultation", _("Third-party consultation")
        FEE = "fee", _("Awaiting fee payment")
        ANSWERED = "answered", _("Answered, awaiting delivery")
        CLOSED = "closed", _("Closed")

    OPEN_STATUSES = (Status.IN_PROGRESS, Status.CORRECTION, Status.CONSULTATION, Status.FEE)

    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="applications",
                               verbose_name=_("agency"))
    number = models.CharField(_("case number"), max_length=40, blank=True)
    query_code = models.CharField(_("query code"), max_length=12, unique=True, default=new_query_code,
                                  editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    submitted_on = models.DateField(_("date sent or handed in"))
    received_on = models.DateField(_("receipt date (Art. 31)"), null=True, blank=True)

    # 条例第二十九条: who applies and how to reach them.
    applicant_type = models.CharField(_("applicant type"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("name of the applicant"), max_length=100)
    id_type = models.CharField(_("identity document"), max_length=20, choices=IdType.choices,
                               default=IdType.RESIDENT_ID)
    id_number = models.CharField(_("identity document number"), max_length=40)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    # … what is asked for, and in which form and way (第二十九条第二款第二、三项).
    description = models.TextField(_("information requested"),
                                   help_text=_("Title and document number, or a description that identifies it."))
    purpose = models.TextField(_("purpose (optional)"), blank=True)
    form = models.CharField(_("form of the information"), max_length=20, choices=Form.choices,
                            default=Form.ELECTRONIC)
    delivery = models.CharField(_("way of obtaining it"), max_length=20, choices=Delivery.choices,
                                default=Delivery.EMAIL)
    items = models.PositiveSmallIntegerField(_("number of items"), default=1)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("handled by"))
    due_on = models.DateField(_("answer due"), null=True, blank=True)
    due_provisional = models.BooleanField(_("due date provisional"), default=False)
    due_explanation = models.TextField(_("how the due date was computed"), blank=True)
    correction_due_on = models.DateField(_("correction due"), null=True, blank=True)
    fee_due_on = models.DateField(_("fee due"), null=True, blank=True)
    extended = models.BooleanField(_("extended"), default=False)

    outcome = models.CharField(_("outcome"), max_length=3, choices=OUTCOME_CHOICES, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audited = True
    personal_fields = ("id_number", "phone", "email", "address", "postcode")

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], condition=~models.Q(number=""),
                                    name="unique_case_number_per_agency"),
        ]
        indexes = [
            # The dashboard: one agency's open cases by due date.
            models.Index(fields=["agency", "concluded_on", "due_on"], name="app_agency_open_due"),
            # Table 三: one agency's (or every agency's) year by receipt and by conclusion.
            models.Index(fields=["agency", "received_on"], name="app_agency_received"),
            models.Index(fields=["concluded_on", "agency"], name="app_concluded_agency"),
            models.Index(fields=["received_on", "agency"], name="app_received_agency"),
            # The dashboard's "awaiting registration" and "answered, awaiting delivery" counts.
            models.Index(fields=["agency", "status", "concluded_on"], name="app_agency_status"),
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.received_on is not None and self.concluded_on is None



class CaseEvent(models.Model):
    """One step of the statutory workflow, with who recorded it, when, and on which basis."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted online")
        REGISTERED = "registered", _("Registered")
        CORRECTION_REQUESTED = "correction_requested", _("Correction requested")
        CORRECTED = "corrected", _("Corrected application received")
        CORRECTION_LAPSED = "correction_lapsed", _("Not corrected in time")
        CONSULTATION_STARTED = "consultation_started", _("Third party consulted")
        CONSULTATION_ENDED = "consultation_ended", _("Third-party consultation ended")
        EXTENDED = "extended", _("Extension approved")
        FEE_NOTICE = "fee_notice", _("Fee notice sent")
        FEE_PAID = "fee_paid", _("Fee paid")
        FEE_LAPSED = "fee_lapsed", _("Fee not paid in time")
        ANSWERED = "answered", _("Answered")
        DELIVERED = "delivered", _("Answer delivered")
        DEADLINE_RECOMPUTED = "deadline_recomputed", _("Due date recomputed")
        NOTE = "note", _("Note")

    application = models.ForeignKey(Application, models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=30, choices=Kind.choices)
    on = models.DateField(_("date"))
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("recorded by"))
    basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    audited = True

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.application} {self.get_kind_display()} {self.on}"

    @property
    def agency_id(self) -> int:
        return self.application.agency_id


class ClockPause(models.Model):
    """A period the answer clock stops or restarts: 补正, consultation, fee (with its basis)."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction (Art. 30)")
        CONSULTATION = "consultation", _("Third-party consultation (Arts. 32–34)")
        FEE = "fee", _("Fee notice")

    application = models.ForeignKey(Application, models.CASCADE, related_name="pauses")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    basis = models.CharField(_("legal basis"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    party = models.CharField(_("third party"), max_length=100, blank=True)
    reply_due = models.DateField(_("reply due"), null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("clock pause")
        verbose_name_plural = _("clock pauses")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start}–{self.end or '…'}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # Never the uploaded name: a random name under the agency, outside any web root.
    return f"attachments/{instance.application.agency_id}/{secrets.token_hex(16)}"


class Attachment(models.Model):
    application = models.ForeignKey(Application, models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class YearTally(models.Model):
    """Applications received (row ``new``) and concluded (row R03 … R23) per agency, year and
    applicant type: table 三 for any year and any set of agencies in two small queries.
    Maintained by ``tally`` on every save of an Application; never edited by hand."""

    agency = models.ForeignKey("agencies.Agency", models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    applicant_type = models.CharField(max_length=20, choices=Application.ApplicantType.choices)
    row = models.CharField(max_length=3)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("year tally")
        verbose_name_plural = _("year tallies")
        constraints = [models.UniqueConstraint(fields=["agency", "year", "applicant_type", "row"],
                                               name="unique_year_tally")]
        indexes = [models.Index(fields=["year", "agency"], name="tally_year_agency"),
                   # Carried in to year Y: the "net" rows of the years before Y.
                   models.Index(fields=["row", "year"], name="tally_row_year")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year} {self.applicant_type} {self.row}: {self.n}"
