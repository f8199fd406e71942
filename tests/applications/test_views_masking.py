"""Masking of personal data in lists: only the ends of an ID number or phone are shown."""

from __future__ import annotations

import pytest

from gongkai.applications.templatetags.casefmt import mask_email, mask_id_number, mask_phone


@pytest.mark.parametrize(("value", "masked"), [
    ("410423199001011234", "4104**********1234"),
    ("41042319900101123X", "4104**********123X"),
    (" 410423 199001011234 ", "4104**********1234"),
    ("E12345678", "E1*****78"),
    ("abc", "***"),
    ("", ""),
    (None, ""),
])
def test_id_number_keeps_only_its_ends(value: str | None, masked: str) -> None:
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("13800000000", "138****0000"),
    ("138 0000 0000", "138****0000"),
    ("0371-12345678", "0371*****5678"),
    ("12345", "*****"),
    ("", ""),
])
def test_phone_hides_the_middle(value: str, masked: str) -> None:
    assert mask_phone(value) == masked


def test_masked_values_never_contain_the_middle_digits() -> None:
    assert "19900101" not in mask_id_number("410423199001011234")
    assert "5555" not in mask_phone("13955551234")


def test_email_keeps_first_letter_and_domain() -> None:
    assert mask_email("zhangsan@example.cn") == "z***@example.cn"

