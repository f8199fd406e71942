"""Identity numbers, phone numbers and markup as the application form checks them."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.portal.validators import (
    contains_markup,
    credit_code_problem,
    format_phone,
    phone_digits,
    resident_id_problem,
)


def test_resident_id_number() -> None:
    assert resident_id_problem("11010519491231002X") is None
    assert resident_id_problem("110105194912310021") == "check"
    assert resident_id_problem("110105194902300028") == "birth"  # 30 February
    assert resident_id_problem("110105203001010011", today=date(2025, 1, 1)) == "birth"
    assert resident_id_problem("11010519491231002x") == "format"  # the form upper-cases first
    assert resident_id_problem("110105491231002") == "format"  # the old 15-digit number


def test_unified_social_credit_code() -> None:
    assert credit_code_problem("914403001922038216") is None
    assert credit_code_problem("914403001922038217") == "check"
    assert credit_code_problem("91440300192203821I") == "format"  # I is not in the alphabet
    assert credit_code_problem("9144030019220382") == "format"


@pytest.mark.parametrize(("typed", "written"), [
    ("13800138000", "13800138000"), ("+86 138 0013 8000", "13800138000"),
    ("0086-13800138000", "13800138000"), ("010-12345678", "010-12345678"),
    ("(0371) 6123 4567", "0371-61234567"), ("0371-6123456", "0371-6123456"),
    ("+86 10 12345678", "010-12345678"), ("010-12345678-805", "010-12345678-805"),
])
def test_phone_numbers_are_written_one_way(typed: str, written: str) -> None:
    assert format_phone(typed) == written
    assert phone_digits(typed) == phone_digits(written)


@pytest.mark.parametrize("typed", ["12345", "12800138000", "1380013800", "abc13800138000", "10-12345678"])
def test_not_a_phone_number(typed: str) -> None:
    assert format_phone(typed) is None


@pytest.mark.parametrize(("text", "markup"), [
    ("<script>alert(1)</script>", True), ("</p>", True), ("<img src=x onerror=alert(1)>", True),
    ("<!-- hidden -->", True), ("&#60;script&#62;", True), ("javascript:alert(1)", True),
    ("《关于印发招生方案的通知》", False), ("金额<5万元的项目", False), ("a < b", False),
])
def test_markup(text: str, markup: bool) -> None:
    assert contains_markup(text) is markup
