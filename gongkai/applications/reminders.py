"""Daily reminders to disclosure offices: cases due within 5 working days and overdue ones.

The queue task in tasks.py only calls ``send_reminders``; tests call it directly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db.models import Q

from gongkai.agencies.models import Agency, User
from gongkai.holidays.calendar import current_calendar

from .models import Application
from .scoping import paused_statuses

SOON_WORKDAYS = 5


@dataclass
class Reminder:
    agency: Agency
    recipients: list[str]
    overdue: list[Application]
    due_soon: list[Application]

    @property
    def subject(self) -> str:
        return (f"【政府信息公开】{self.agency.name}：{len(self.overdue)}件已逾期，"
                f"{len(self.due_soon)}件将在{SOON_WORKDAYS}个工作日内到期")

    def body(self, today: date) -> str:
        lines = [f"截至{today.isoformat()}，{self.agency.name}在办的政府信息公开申请中："]
        for title, cases in (("已超过答复期限", self.overdue), (f"{SOON_WORKDAYS}个工作日内到期", self.due_soon)):
            if cases:
                lines.append(f"\n{title}（{len(cases)}件）：")
                lines += [f"  {c.number}  答复期限{c.due_on.isoformat()}{'（暂定）' if c.due_provisional else ''}"
                          f"  {c.get_status_display()}" for c in cases]
        lines.append("\n请登录政府信息公开工作平台办理。依《中华人民共和国政府信息公开条例》第三十三条，"
                     "应当自收到申请之日起20个工作日内予以答复。")
        return "\n".join(lines)


def collect(today: date) -> list[Reminder]:
    """One reminder per agency that has overdue cases or cases due soon, to its case staff."""
    horizon = current_calendar().nth_workday(today, SOON_WORKDAYS)
    open_cases = (Application.objects
                  .filter(received_on__isnull=False, concluded_on__isnull=True, due_on__lte=horizon)
                  .exclude(status__in=paused_statuses())  # clock stopped: not due yet
                  .select_related("agency").order_by("agency_id", "due_on"))
    by_agency: dict[int, Reminder] = {}
    for case in open_cases:
        rem = by_agency.get(case.agency_id)
        if rem is None:
            rem = by_agency[case.agency_id] = Reminder(case.agency, [], [], [])
        (rem.overdue if case.due_on < today else rem.due_soon).append(case)
    staff = (User.objects.filter(agency_id__in=by_agency, is_active=True)
             .filter(Q(role=User.Role.OFFICER) | Q(role=User.Role.APPROVER) | Q(role=User.Role.ADMIN))
             .exclude(email=""))
    for user in staff:
        by_agency[user.agency_id].recipients.append(user.email)
    return [r for r in by_agency.values() if r.recipients]


def send_reminders(today: date) -> int:
    """Send the day's reminders; returns how many e-mails went out."""
    reminders = collect(today)
    messages = [(r.subject, r.body(today), settings.DEFAULT_FROM_EMAIL, r.recipients) for r in reminders]
    return send_mass_mail(messages, fail_silently=False) if messages else 0
