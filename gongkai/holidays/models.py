"""Holiday schedules entered by an administrator when the State Council announces a year."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.workdays import YearSchedule


class HolidayYear(models.Model):
    """One year's 《国务院办公厅关于YYYY年部分节假日安排的通知》, as ``gongkai.workdays`` data.

    A year entered here overrides the packaged calendar (chinesecalendar) for that year, so a
    correction of a packaged year is entered the same way."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    notice = models.CharField(_("notice number"), max_length=60, blank=True,
                              help_text=_("For example 国办发明电〔2026〕N号"))
    schedule = models.JSONField(_("schedule"), help_text=_("gongkai-year-schedule/1 data"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("entered by"))
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    audited = True

    class Meta:
        ordering = ["year"]
        verbose_name = _("holiday schedule")
        verbose_name_plural = _("holiday schedules")

    def __str__(self) -> str:
        return f"{self.year} {self.notice}".strip()

    def as_schedule(self) -> YearSchedule:
        return YearSchedule.from_dict(self.schedule)
