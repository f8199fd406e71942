"""The public forms: the disclosure application (条例第二十九条) and the tracking lookup."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.forms.boundfield import BoundField
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.agencies.models import Agency
from gongkai.applications.attachments import (
    ACCEPT,
    KINDS,
    AttachmentRefused,
    CheckedFile,
    check_upload,
)
from gongkai.applications.models import Application

from .validators import contains_markup, credit_code_problem, format_phone, resident_id_problem

A = Application
ORGANISATIONS = (A.ApplicantType.COMMERCIAL, A.ApplicantType.RESEARCH, A.ApplicantType.WELFARE,
                 A.ApplicantType.LEGAL, A.ApplicantType.OTHER)
PERSON_DOCUMENTS = (A.IdType.RESIDENT_ID, A.IdType.PASSPORT, A.IdType.OTHER)
ORGANISATION_DOCUMENTS = (A.IdType.CREDIT_CODE, A.IdType.OTHER)


class DescribedBoundField(BoundField):
    """Points a field's input at its help text and its error list (WCAG 3.3.1, 1.3.1)."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        ids = [f"{self.auto_id}_helptext"] if self.help_text else []
        if self.errors:
            ids.append(f"{self.auto_id}_error")
            attrs["aria-invalid"] = "true"
        if ids:
            attrs["aria-describedby"] = " ".join(ids)
        return attrs


class PortalForm(forms.Form):
    bound_field_class = DescribedBoundField

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            # Markup is refused, not escaped: an office prints and forwards these texts.
            if isinstance(value, str) and contains_markup(value):
                self.add_error(name, forms.ValidationError(
                    _("Please remove the markup (text between “<” and “>”, such as <script>): "
                      "write plain text only."), code="markup"))
        return cleaned


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.Field):
    """Up to ATTACHMENT_MAX_FILES files, each checked by content (applications.attachments)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.widget.attrs.update({"multiple": True, "accept": ACCEPT})

    def to_python(self, data: Any) -> list[Any]:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]

    def clean(self, data: Any, initial: Any = None) -> list[CheckedFile]:
        uploads = self.to_python(data)
        limit = settings.ATTACHMENT_MAX_FILES
        if len(uploads) > limit:
            raise forms.ValidationError(
                _("You attached %(count)d files; at most %(limit)d are accepted."),
                code="too_many", params={"count": len(uploads), "limit": limit})
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_upload(upload, max_bytes=settings.ATTACHMENT_MAX_BYTES))
            except AttachmentRefused as refused:
                errors.append(attachment_error(refused))
        if errors:
            raise forms.ValidationError(errors)
        return checked


LOOKS = {
    "windows_program": _("a Windows program"), "program": _("a program"), "script": _("a script"),
    "zip": _("a ZIP archive"), "archive": _("a compressed archive"), "gif": _("a GIF image"),
    "old_office": _("an old Office document (DOC or XLS)"),
    "macros": _("an Office document with macros"), "broken_zip": _("a damaged ZIP archive"),
    "broken_image": _("a damaged or unreadable image"),
    "markup": _("a web page or markup (HTML, SVG or XML)"), "unknown": _("of an unknown type"),
}
REFUSALS = {
    "type": _("“%(name)s”: files of this type are not accepted. Accepted types: %(types)s."),
    "empty": _("“%(name)s” is empty."),
    "size": _("“%(name)s” is %(size)s; each file may be at most %(max)s."),
    "disguised": _("“%(name)s” is not a real %(claimed)s file: its content is %(looks)s. "
                   "Only files whose content matches their name are accepted."),
    "mismatch": _("“%(name)s” contains a %(actual)s file but its name ends in “%(ext)s”. "
                  "Rename it to end in “%(right)s” and attach it again."),
}


def accepted_types() -> str:
    return "、".join(kind.label for kind in KINDS)


def attachment_error(refused: AttachmentRefused) -> forms.ValidationError:
    p = dict(refused.params)
    p.update(types=accepted_types(), size=filesizeformat(int(p.get("size", 0))),
             max=filesizeformat(int(p.get("max", 0))), looks=str(LOOKS.get(p.get("looks", ""), "")))
    return forms.ValidationError(REFUSALS[refused.code], code=f"attachment_{refused.code}", params=p)


def agency_choices() -> list[tuple[Any, Any]]:
    """Every agency, grouped under its parent; a top-level agency heads its own group."""
    agencies = list(Agency.objects.order_by("path").only("id", "name", "parent_id", "path"))
    by_id = {a.pk: a for a in agencies}
    groups: dict[int, list[tuple[int, str]]] = {}
    for agency in agencies:
        head = agency.parent_id if agency.parent_id in by_id else agency.pk
        groups.setdefault(head, []).append((agency.pk, agency.name))
    ordered = sorted(groups, key=lambda pk: by_id[pk].path)
    return [("", _("Choose the agency"))] + [(by_id[head].name, groups[head]) for head in ordered]


class ApplicationForm(PortalForm):
    agency = forms.TypedChoiceField(
        label=_("Agency you are applying to"), coerce=int,
        help_text=_("The agency that made or keeps the information (条例第十条)."))
    applicant_type = forms.ChoiceField(
        label=_("You apply as"),
        choices=[("", pgettext_lazy("portal", "Choose")), (A.ApplicantType.NATURAL.value, A.ApplicantType.NATURAL.label),
                 (_("Legal person or other organisation"), [(t.value, t.label) for t in ORGANISATIONS])])
    applicant_name = forms.CharField(
        label=pgettext_lazy("portal", "Name"), max_length=100,
        help_text=_("Your full name, or the registered name of the organisation."))
    id_type = forms.ChoiceField(
        label=pgettext_lazy("portal", "Identity document"), choices=[("", pgettext_lazy("portal", "Choose"))] + list(A.IdType.choices),
        help_text=_("Persons: resident identity card, passport or another document. "
                    "Organisations: unified social credit code."))
    id_number = forms.CharField(label=pgettext_lazy("portal", "Document number"), max_length=40)
    contact_person = forms.CharField(
        label=pgettext_lazy("portal", "Contact person"), max_length=50, required=False,
        help_text=_("Required when an organisation applies."))
    phone = forms.CharField(
        label=pgettext_lazy("portal", "Phone"), max_length=30,
        help_text=_("Mobile (13800138000) or landline with area code (010-12345678). "
                    "You need it, with the query code, to follow your application."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label=pgettext_lazy("portal", "E-mail"), required=False, max_length=254,
                             help_text=_("Required if you want the answer by e-mail."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(label=pgettext_lazy("portal", "Postal address"), max_length=200, required=False,
                              help_text=_("Required if you want the answer by post."),
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    postcode = forms.RegexField(label=pgettext_lazy("portal", "Postcode"), regex=r"^\d{6}$", required=False, max_length=6,
                                error_messages={"invalid": _("A postcode has six digits.")},
                                widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                              "autocomplete": "postal-code"}))
    description = forms.CharField(
        label=_("Information requested"), max_length=4000,
        help_text=_("The title and document number (文号) of the information, or a description "
                    "precise enough for the office to find it: who made it, when, about what."),
        widget=forms.Textarea(attrs={"rows": 6}))
    purpose = forms.CharField(label=pgettext_lazy("portal", "Purpose (optional)"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    form = forms.ChoiceField(label=pgettext_lazy("portal", "Form of the information"), widget=forms.RadioSelect,
                             choices=[(A.Form.ELECTRONIC.value, pgettext_lazy("portal", "Electronic")),
                                      (A.Form.PAPER.value, pgettext_lazy("portal", "Paper"))],
                             initial=A.Form.ELECTRONIC.value)
    delivery = forms.ChoiceField(
        label=_("How you want to obtain it"), widget=forms.RadioSelect,
        choices=[(A.Delivery.EMAIL.value, pgettext_lazy("portal", "By e-mail")), (A.Delivery.POST.value, pgettext_lazy("portal", "By post")),
                 (A.Delivery.PICKUP.value, _("Collect in person at the office")),
                 (A.Delivery.ONLINE.value, _("Online, on this site"))],
        initial=A.Delivery.EMAIL.value)
    attachments = AttachmentsField(label=pgettext_lazy("portal", "Attachments (optional)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = agency_choices()
        self.fields["attachments"].help_text = _(
            "For example a copy of your identity document. Up to %(count)d files of at most "
            "%(size)s each; accepted types: %(types)s. The type is checked from the content.") % {
            "count": settings.ATTACHMENT_MAX_FILES, "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
            "types": accepted_types()}

    def clean_agency(self) -> Agency:
        agency = Agency.objects.filter(pk=self.cleaned_data["agency"]).first()
        if agency is None:
            raise forms.ValidationError(_("Choose the agency from the list."), code="invalid_choice")
        return agency

    def clean_applicant_name(self) -> str:
        return " ".join(self.cleaned_data["applicant_name"].split())

    def clean_id_number(self) -> str:
        return "".join(self.cleaned_data["id_number"].split()).upper()

    def clean_phone(self) -> str:
        phone = format_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(
                _("Enter a mainland mobile number (11 digits, e.g. 13800138000) or a landline "
                  "number with its area code (e.g. 010-12345678)."), code="phone")
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._check_identity(cleaned)
        delivery = cleaned.get("delivery")
        if delivery == A.Delivery.EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", forms.ValidationError(
                _("Enter your e-mail address, or choose another way to obtain the information."),
                code="required"))
        if delivery == A.Delivery.POST:
            for name in ("address", "postcode"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, forms.ValidationError(
                        _("Required when the information is sent by post."), code="required"))
        return cleaned

    def _check_identity(self, cleaned: dict[str, Any]) -> None:
        kind, doc, number = cleaned.get("applicant_type"), cleaned.get("id_type"), cleaned.get("id_number")
        if kind is None or doc is None:
            return
        organisation = kind in ORGANISATIONS
        if organisation and doc not in ORGANISATION_DOCUMENTS:
            self.add_error("id_type", forms.ValidationError(
                _("An organisation identifies itself by its unified social credit code."), code="id_type"))
            return
        if not organisation and doc not in PERSON_DOCUMENTS:
            self.add_error("id_type", forms.ValidationError(
                _("A person applies with an identity card, a passport or another personal document."),
                code="id_type"))
            return
        if organisation and not cleaned.get("contact_person") and "contact_person" not in self.errors:
            self.add_error("contact_person", forms.ValidationError(
                _("Name the person the office can contact about this application."), code="required"))
        if not number or "id_number" in self.errors:
            return
        message = None
        if doc == A.IdType.RESIDENT_ID:
            problem = resident_id_problem(number)
            message = {
                "format": _("A resident identity card number has 18 characters: 17 digits and a "
                            "final digit or X."),
                "birth": _("The date of birth in this identity card number is not a valid date."),
                "check": _("This identity card number is not valid: its last character does not "
                           "match (check for a mistyped digit)."),
            }.get(problem or "")
        elif doc == A.IdType.CREDIT_CODE:
            problem = credit_code_problem(number)
            message = {
                "format": _("A unified social credit code has 18 characters: digits and capital "
                            "letters except I, O, S, V and Z."),
                "check": _("This unified social credit code is not valid: its last character does "
                           "not match (check for a mistyped character)."),
            }.get(problem or "")
        elif len(number) < 5:
            message = _("Enter the complete document number.")
        if message:
            self.add_error("id_number", forms.ValidationError(message, code="id_number"))


class TrackForm(PortalForm):
    query_code = forms.CharField(
        label=pgettext_lazy("portal", "Query code"), max_length=20,
        help_text=_("The 10-character code shown when you submitted the application."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}))
    phone = forms.CharField(label=_("Phone number given in the application"), max_length=30,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))

    def clean_query_code(self) -> str:
        return "".join(c for c in self.cleaned_data["query_code"].upper() if c.isalnum())
