"""Checks of what an applicant types: identity numbers, phone numbers, markup. Plain functions."""

from __future__ import annotations

import re
from datetime import date

# GB 11643-1999 (公民身份号码): 17 digits and a check character, ISO 7064 MOD 11-2.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# GB 32100-2015 (统一社会信用代码): 18 characters of this alphabet, check character MOD 31.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area code 0 + 2 digits (010, 02x) or 0 + 3 digits, a 7- or 8-digit number, an extension.
_LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(\d{1,6})?")

# An opening or closing tag, a comment or a processing instruction as a browser reads them:
# "<b", "</p", "<!--", "<?xml"; an entity escape; a javascript: link. A "<" followed by a
# space or a digit ("a < b", "<5万元") is not markup and stays allowed.
_MARKUP = re.compile(r"<[/!?]?[A-Za-z]|<!--|&#|javascript\s*:", re.I)


def resident_id_problem(number: str, today: date | None = None) -> str | None:
    """Why an 18-character resident ID number is invalid ("format", "birth", "check"), or None."""
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "format"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "birth"
    if born.year < 1900 or born > (today or date.today()):
        return "birth"
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return None if _ID_CHECK[total % 11] == number[17] else "check"


def credit_code_problem(code: str) -> str | None:
    """Why a unified social credit code is invalid ("format", "check"), or None."""
    if len(code) != 18 or any(c not in _USCC_ALPHABET for c in code):
        return "format"
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(code[:17], _USCC_WEIGHTS, strict=True))
    return None if _USCC_ALPHABET[(31 - total % 31) % 31] == code[17] else "check"


def phone_digits(phone: str) -> str:
    """The digits that identify a number, without separators or the +86 country code."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith(("+86", "0086")) or (len(digits) == 13 and digits.startswith("86")):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        if not digits.startswith("0") and not _MOBILE.fullmatch(digits):
            digits = "0" + digits  # +86 10 1234 5678 is dialled 010-12345678 at home
    return digits


def format_phone(phone: str) -> str | None:
    """A mainland mobile (13800138000) or landline (010-12345678, 0371-1234567-89) number in
    its usual written form, or None when ``phone`` is neither."""
    if not re.fullmatch(r"[\d\s()+\-－—]+", phone.strip()):
        return None
    digits = phone_digits(phone)
    if _MOBILE.fullmatch(digits):
        return digits
    match = _LANDLINE.fullmatch(digits)
    if match is None:
        return None
    area, number, ext = match.groups()
    return f"{area}-{number}" + (f"-{ext}" if ext else "")


def contains_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))
