"""The record of a reconsideration or lawsuit, linked to a case of the same agency."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.applications.forms import DateInput
from gongkai.applications.models import Application

from .models import Remedy


class RemedyForm(forms.ModelForm):
    application_number = forms.CharField(
        label=_("case number of the application"), required=False, max_length=40,
        help_text=_("The application the remedy is about, for example 2025-0001 (optional)."))

    class Meta:
        model = Remedy
        fields = ["kind", "filed_on", "body", "case_number", "claimant", "application_number", "result",
                  "decided_on", "note"]
        widgets = {"filed_on": DateInput(), "decided_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency_id = agency_id
        for name in ("filed_on", "decided_on"):
            self.fields[name].input_formats = ["%Y-%m-%d"]
        if self.instance.application_id and not self.is_bound:
            self.initial["application_number"] = self.instance.application.number

    def clean_application_number(self) -> Application | None:
        number = self.cleaned_data["application_number"].strip()
        if not number:
            return None
        # Only a case of the same agency: another agency's numbers are not even confirmed to exist.
        app = Application.objects.filter(agency_id=self.agency_id, number=number).only("id", "number").first()
        if app is None:
            raise forms.ValidationError(_("No application %(number)s in this agency."), code="unknown",
                                        params={"number": number})
        return app

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        filed, decided, result = data.get("filed_on"), data.get("decided_on"), data.get("result")
        if filed and decided and decided < filed:
            self.add_error("decided_on", forms.ValidationError(
                _("The decision cannot be before the filing date."), code="order"))
        if result and result != Remedy.Result.PENDING and decided is None:
            self.add_error("decided_on", forms.ValidationError(
                _("Enter the date of the decision or judgment."), code="required"))
        if result == Remedy.Result.PENDING and decided is not None:
            self.add_error("result", forms.ValidationError(
                _("A decided case needs its result."), code="pending"))
        return data

    def save(self, commit: bool = True) -> Remedy:
        remedy = super().save(commit=False)
        remedy.agency_id = remedy.agency_id or self.agency_id
        remedy.application = self.cleaned_data.get("application_number")
        if commit:
            remedy.save()
        return remedy


class RemedyFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), required=False, choices=[("", _("any")), *Remedy.Kind.choices])
    result = forms.ChoiceField(label=_("result"), required=False, choices=[("", _("any")), *Remedy.Result.choices])
    year = forms.IntegerField(label=_("year filed"), required=False, min_value=2008, max_value=2100)
