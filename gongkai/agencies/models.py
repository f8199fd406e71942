"""Agencies as a tree, and the users who work in them with one role each."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A government or department with its own disclosure office (条例第四条).

    ``path`` is the materialised path of agency ids ("/1/4/9/"): a supervisor's scope is every
    agency whose path starts with theirs, one indexed prefix query."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("People's government")
        DEPARTMENT = "department", _("Government department")
        TOWNSHIP = "township", _("Township or subdistrict")
        OTHER = "other", _("Other organisation")

    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    code = models.CharField(_("agency code"), max_length=32, unique=True,
                            help_text=_("Unified social credit code or the local agency code."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("parent agency"))
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    office_name = models.CharField(_("disclosure office"), max_length=100, blank=True)
    address = models.CharField(_("office address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("office phone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("office e-mail"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=100, blank=True)
    # Names the answer letters give for remedies (条例第五十一条).
    reconsideration_body = models.CharField(_("reconsideration body"), max_length=100, blank=True)
    court = models.CharField(_("court of first instance"), max_length=100, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("An agency cannot be placed under itself.")})
            ancestor = ancestor.parent

    def save(self, *args, **kwargs) -> None:
        if self.pk is None:
            super().save(*args, **kwargs)
            kwargs = {k: v for k, v in kwargs.items() if k == "using"}
        old_path = self.path
        self.path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            for child in Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                child.path = self.path + child.path[len(old_path):]
                Agency.objects.filter(pk=child.pk).update(path=child.path)

    def subtree(self) -> models.QuerySet[Agency]:
        return Agency.objects.filter(path__startswith=self.path)

    def ancestors(self) -> list[Agency]:
        ids = [int(i) for i in self.path.strip("/").split("/")[:-1] if i]
        by_id = Agency.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]


class User(AbstractUser):
    """A member of a disclosure office. One role; the agency decides what the user can see."""

    class Role(models.TextChoices):
        OFFICER = "officer", _("Disclosure officer")
        APPROVER = "approver", _("Approver")
        ADMIN = "admin", _("Agency administrator")
        SUPERVISOR = "supervisor", _("Supervisor")

    agency = models.ForeignKey(Agency, models.PROTECT, null=True, blank=True, related_name="users",
                               verbose_name=_("agency"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OFFICER)
    display_name = models.CharField(_("display name"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def can_handle_cases(self) -> bool:
        """Officers, approvers and administrators work their own agency's cases."""
        return self.agency_id is not None and self.role != self.Role.SUPERVISOR

    @property
    def can_approve(self) -> bool:
        """Extensions need the office head's approval (条例第三十三条第二款)."""
        return self.agency_id is not None and self.role in {self.Role.APPROVER, self.Role.ADMIN}
