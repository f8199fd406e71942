"""Staff forms: intake by the office, the case-list filter, and one small form per workflow step.

A step form's ``service_kwargs()`` gives the keyword arguments of its ``workflow`` function;
the law's checks stay in ``workflow`` (its WorkflowError is shown in the form)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .attachments import ACCEPT, AttachmentRefused, CheckedFile, check_upload
from .fees import fee_for_nth_application, fee_for_pages, month_of
from .intake import CONFIRMED_ON_REGISTRATION
from .models import Application
from .outcomes import LAPSE_OUTCOMES, OUTCOME_CHOICES

RESIDENT_ID = re.compile(r"^\d{17}[\dX]$")
PHONE = re.compile(r"^\+?[\d\- ()]{7,20}$")


class DateInput(forms.DateInput):
    """A native date picker; the value is sent as YYYY-MM-DD whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text,
                           input_formats=["%Y-%m-%d"])


class StaffForm(forms.Form):
    """Dates default to today; every step records the actual date of the act."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field.widget, DateInput) and name in {"on"}:
                self.initial.setdefault(name, timezone.localdate())

    def service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


# -- attachments ------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (identity proof, a copy of the document sought), each
    checked by its content (``attachments.check_upload``); cleaned to CheckedFile objects."""

    REFUSED = {
        "type": _("“%(name)s”: this type of file is not accepted (PDF, JPEG, PNG, DOCX, XLSX, OFD)."),
        "empty": _("“%(name)s” is empty."),
        "size": _("“%(name)s” is larger than the limit."),
        "disguised": _("“%(name)s” is not the kind of file its name says."),
        "mismatch": _("“%(name)s” is not the kind of file its name says."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[CheckedFile]:
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        uploads = [super(MultipleFileField, self).clean(f, initial) for f in files]
        if len(uploads) > settings.ATTACHMENT_MAX_FILES:
            raise forms.ValidationError(_("At most %(n)d files."), code="too_many",
                                        params={"n": settings.ATTACHMENT_MAX_FILES})
        checked = []
        for upload in uploads:
            try:
                checked.append(check_upload(upload, max_bytes=settings.ATTACHMENT_MAX_BYTES))
            except AttachmentRefused as refused:
                raise forms.ValidationError(self.REFUSED.get(refused.code, self.REFUSED["type"]),
                                            code=refused.code, params={"name": refused.params.get("name", "")}) from None
        return checked


# -- intake -----------------------------------------------------------------------------------


class IntakeForm(forms.ModelForm):
    """An application received by the office itself (条例第二十九条, 第三十一条)."""

    channel = forms.ChoiceField(
        label=_("channel"),
        choices=[c for c in Application.Channel.choices if c[0] != Application.Channel.ONLINE])
    submitted_on = date_field(
        _("date handed in, signed for or sent"),
        help_text=_("In person and oral: the day handed in; signed post: the day signed for; "
                    "ordinary letter, fax, e-mail: the day sent or received."))
    confirmed_on = date_field(
        _("confirmation date"), required=False,
        help_text=_("Ordinary letter, fax and e-mail: the day the office confirmed receipt with the "
                    "applicant (Art. 31). It is the receipt date."))
    attachments = MultipleFileField(label=_("attachments"), required=False,
                                    help_text=_("Scans of the application, identity proof (optional)."))

    class Meta:
        model = Application
        fields = ["channel", "submitted_on", "confirmed_on", "applicant_type", "applicant_name", "id_type",
                  "id_number", "contact_person", "phone", "email", "address", "postcode", "description",
                  "purpose", "form", "delivery", "items"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "purpose": forms.Textarea(attrs={"rows": 2})}

    def clean_id_number(self) -> str:
        value = "".join(self.cleaned_data["id_number"].split()).upper()
        if self.cleaned_data.get("id_type") == Application.IdType.RESIDENT_ID and not RESIDENT_ID.match(value):
            raise forms.ValidationError(_("A resident identity card number has 18 characters: 17 digits "
                                          "and a digit or X."), code="id_number")
        return value

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if not PHONE.match(value):
            raise forms.ValidationError(_("Enter a phone number of digits (7 to 20 characters)."), code="phone")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        channel, sent, confirmed = data.get("channel"), data.get("submitted_on"), data.get("confirmed_on")
        today = timezone.localdate()
        if sent and sent > today:
            self.add_error("submitted_on", forms.ValidationError(_("This date is in the future."), code="future"))
        if channel in CONFIRMED_ON_REGISTRATION:
            if confirmed is None:
                self.add_error("confirmed_on", forms.ValidationError(
                    _("For this channel the receipt date is the confirmation date: enter it."), code="required"))
            elif sent and confirmed < sent:
                self.add_error("confirmed_on", forms.ValidationError(
                    _("The confirmation cannot be before the application was sent."), code="order"))
        elif confirmed is not None:
            data["confirmed_on"] = None  # 当面、签收: the day handed in or signed for counts
        return data

    @property
    def registration_date(self) -> date:
        return self.cleaned_data.get("confirmed_on") or self.cleaned_data["submitted_on"]


class RegisterForm(StaffForm):
    on = date_field(_("confirmation date"),
                    help_text=_("The day the office confirmed receipt with the applicant (Art. 31): the receipt date."))
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


# -- list filter -------------------------------------------------------------------------------


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("case number or applicant"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("status"), required=False,
                               choices=[("", _("any")), *Application.Status.choices])
    year = forms.IntegerField(label=_("year of receipt"), required=False, min_value=2008, max_value=2100)
    deadline = forms.ChoiceField(label=_("answer period"), required=False, choices=[
        ("", _("any")), ("open", _("open cases")), ("overdue", _("overdue")),
        ("soon", _("due within 5 working days"))])


# -- workflow steps ---------------------------------------------------------------------------


class CorrectionRequestForm(StaffForm):
    on = date_field(_("date of the correction notice"))
    what = forms.CharField(label=_("what the applicant must correct"), widget=forms.Textarea(attrs={"rows": 3}))
    correct_by = date_field(_("correct by"), help_text=_("A reasonable period (Art. 30)."))


class CorrectionReceivedForm(StaffForm):
    on = date_field(_("date the corrected application was received"),
                    help_text=_("The answer period counts again from this day (Art. 30)."))
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class LapseForm(StaffForm):
    on = date_field(_("date the case is closed"))


class ConsultationStartForm(StaffForm):
    on = date_field(_("date of the consultation letter"))
    party = forms.CharField(label=_("third party or organ consulted"), max_length=100)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ConsultationEndForm(StaffForm):
    on = date_field(_("date the opinion arrived or the period lapsed"))
    opinion = forms.CharField(label=_("opinion of the third party"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class ExtensionForm(StaffForm):
    on = date_field(_("date of approval"))
    reason = forms.CharField(label=_("reason for the extension"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The applicant is told the reason (Art. 33 ¶2)."))


def nth_in_month(app: Application) -> int | None:
    """Which of the applicant's applications at this agency this is in its receipt month
    (按件计收 counts per applicant and natural month; the applicant is known by ID number)."""
    if app.received_on is None or not app.id_number:
        return None
    first, nxt = month_of(app.received_on)
    earlier = Application.objects.filter(
        agency_id=app.agency_id, id_number=app.id_number, received_on__gte=first, received_on__lt=nxt,
    ).filter(models.Q(received_on__lt=app.received_on) | models.Q(received_on=app.received_on, pk__lt=app.pk))
    return earlier.count() + 1


class FeeNoticeForm(StaffForm):
    METHODS = [("per_application", _("per application (按件计收)")), ("per_page", _("per page (按量计收)"))]

    on = date_field(_("date of the fee notice"))
    method = forms.ChoiceField(label=_("charging method"), choices=METHODS)
    pages = forms.IntegerField(label=_("pages"), required=False, min_value=1,
                               help_text=_("Per page: leave the amount empty to compute it from the pages."))
    amount = forms.IntegerField(label=_("amount (yuan)"), required=False, min_value=1)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, application: Application | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        self.nth = nth_in_month(application) if application is not None else None
        if self.nth is not None:
            self.fields["method"].help_text = _(
                "Per application: this is the applicant's application no. %(n)d this month at this "
                "agency, %(fee)d yuan (the first 10 are free).") % {"n": self.nth, "fee": fee_for_nth_application(self.nth)}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("amount") is None:
            if data.get("method") == "per_page" and data.get("pages"):
                data["amount"] = fee_for_pages(data["pages"])
                if data["amount"] == 0:
                    self.add_error("pages", forms.ValidationError(
                        _("Up to 30 pages are free: no fee is due."), code="free"))
            elif data.get("method") == "per_application" and self.nth is not None:
                data["amount"] = fee_for_nth_application(self.nth)
                if data["amount"] == 0:
                    self.add_error("method", forms.ValidationError(
                        _("The first 10 applications of a month are free: no fee is due."), code="free"))
            else:
                self.add_error("amount", forms.ValidationError(_("Enter the amount."), code="required"))
        return data

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("pages", None)
        return data


class DateOnlyForm(StaffForm):
    on = date_field(_("date"))


class AnswerForm(StaffForm):
    on = date_field(_("date of the answer"))
    outcome = forms.ChoiceField(
        label=_("outcome (row of table 三)"),
        choices=[("", "—"), *[(k, label) for k, label in OUTCOME_CHOICES if k not in LAPSE_OUTCOMES]])
    reasons = forms.CharField(label=_("reasons and legal basis"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Required when the information is not (fully) disclosed (Art. 36)."))


class DeliveryForm(StaffForm):
    on = date_field(_("date of delivery"))
    method = forms.ChoiceField(label=_("way of delivery"), choices=Application.Delivery.choices, required=False)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

