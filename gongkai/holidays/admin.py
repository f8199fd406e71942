from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from gongkai.workdays import ScheduleError, YearSchedule

from .models import HolidayYear
from .services import enter_year, remove_year


class HolidayYearForm(forms.ModelForm):
    schedule_text = forms.CharField(
        label=_("Schedule (JSON)"), widget=forms.Textarea(attrs={"rows": 24, "cols": 90}),
        help_text=_("The notice's rest days and make-up working days; see docs/workdays.md."))

    class Meta:
        model = HolidayYear
        fields = ["schedule_text"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["schedule_text"].initial = json.dumps(self.instance.schedule, ensure_ascii=False, indent=2)

    def clean_schedule_text(self) -> YearSchedule:
        try:
            return YearSchedule.loads(self.cleaned_data["schedule_text"])
        except ScheduleError as exc:
            raise forms.ValidationError(exc.message, code="invalid_schedule") from None


@admin.register(HolidayYear)
class HolidayYearAdmin(admin.ModelAdmin):
    form = HolidayYearForm
    list_display = ["year", "notice", "entered_by", "entered_at"]

    def save_model(self, request: Any, obj: HolidayYear, form: Any, change: bool) -> None:
        schedule: YearSchedule = form.cleaned_data["schedule_text"]
        for warning in schedule.warnings():
            messages.warning(request, warning)
        row, changed = enter_year(schedule, request.user)
        obj.pk, obj.year = row.pk, row.year
        messages.info(request, _("%(n)d open cases had their due date recomputed.") % {"n": changed})

    def delete_model(self, request: Any, obj: HolidayYear) -> None:
        changed = remove_year(obj.year, request.user)
        messages.info(request, _("%(n)d open cases had their due date recomputed.") % {"n": changed})
