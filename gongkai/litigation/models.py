"""Administrative reconsideration and lawsuits about disclosure work (条例第五十一条; table 四)."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class Remedy(models.Model):
    class Kind(models.TextChoices):
        RECONSIDERATION = "reconsideration", "行政复议"
        LAWSUIT_DIRECT = "lawsuit_direct", "行政诉讼-未经复议直接起诉"
        LAWSUIT_AFTER = "lawsuit_after", "行政诉讼-复议后起诉"

    class Result(models.TextChoices):
        # Table 四's result columns. 结果纠正 covers revoked, changed, ordered to re-answer and
        # confirmed unlawful (observed practice, spec §5).
        UPHELD = "upheld", "结果维持"
        CORRECTED = "corrected", "结果纠正"
        OTHER = "other", "其他结果"
        PENDING = "pending", "尚未审结"

    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="remedies",
                               verbose_name=_("respondent agency"))
    application = models.ForeignKey("applications.Application", models.PROTECT, null=True, blank=True,
                                    related_name="remedies", verbose_name=_("application"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    filed_on = models.DateField(_("filed on"))
    body = models.CharField(_("reconsideration body or court"), max_length=100)
    case_number = models.CharField(_("case number"), max_length=60, blank=True)
    claimant = models.CharField(_("claimant"), max_length=100, blank=True)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices, default=Result.PENDING)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    audited = True

    class Meta:
        ordering = ["-filed_on", "-id"]
        verbose_name = _("reconsideration or lawsuit")
        verbose_name_plural = _("reconsiderations and lawsuits")
        indexes = [models.Index(fields=["agency", "filed_on"], name="remedy_agency_filed"),
                   models.Index(fields=["filed_on", "agency"], name="remedy_filed_agency")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.pk}"

    def result_at(self, day: date) -> str:
        """The result as it stood on ``day`` (尚未审结 until decided)."""
        if self.decided_on is None or self.decided_on > day:
            return self.Result.PENDING
        return self.result
