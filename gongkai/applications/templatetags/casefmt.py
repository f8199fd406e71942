"""Template filters for case pages: masking of personal data in lists (个人信息保护), and
dates as the pages print them."""

from __future__ import annotations

from datetime import date, datetime

from django import template

register = template.Library()


def mask_id_number(value: str | None) -> str:
    """An identity document number with only its ends visible: 4104**********1234.

    A resident ID keeps 4 characters at each end (region and last digits, enough to tell two
    applicants apart on the phone); shorter numbers keep a quarter at each end."""
    text = "".join((value or "").split())
    if len(text) <= 3:
        return "*" * len(text)
    keep = min(4, len(text) // 4)
    return text[:keep] + "*" * (len(text) - 2 * keep) + text[-keep:]


def mask_phone(value: str | None) -> str:
    """A phone number with its middle hidden: 138****0000, 0371****5678."""
    text = "".join((value or "").split())
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7:
        return "*" * len(text)
    head = 4 if text.startswith("0") and not text.startswith("00") else 3
    tail = 4
    if len(text) - head - tail < 4:
        head = max(len(text) - tail - 4, 1)
    return text[:head] + "*" * (len(text) - head - tail) + text[-tail:]


def mask_email(value: str | None) -> str:
    """An e-mail address with its local part hidden but the first character: z***@example.cn."""
    text = (value or "").strip()
    local, at, domain = text.partition("@")
    if not at:
        return mask_id_number(text)
    return (local[:1] + "***" if local else "") + "@" + domain


register.filter("mask_id", mask_id_number)
register.filter("mask_phone", mask_phone)
register.filter("mask_email", mask_email)


@register.filter(expects_localtime=True)
def ymd(value: date | None) -> str:
    """A date (or a date and time, in the current time zone) as 2025-10-30: what ``|date:"Y-m-d"``
    prints, without the cost of its general formatting (several per row on the case page)."""
    if not isinstance(value, date):
        return ""
    return (value.date() if isinstance(value, datetime) else value).isoformat()


@register.filter(expects_localtime=True)
def ymd_hm(value: datetime | None) -> str:
    """A date and time in the current time zone as 2025-10-30 14:05 (``|date:"Y-m-d H:i"``)."""
    if not isinstance(value, datetime):
        return ymd(value)
    return value.strftime("%Y-%m-%d %H:%M")
