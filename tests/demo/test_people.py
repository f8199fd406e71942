"""Fictional applicants' identity numbers and fees, checked against the published algorithms."""

from __future__ import annotations

import random

from gongkai.demo.cases import page_fee
from gongkai.demo.people import applicant, credit_code, resident_id, resident_id_check

USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def test_resident_id_check_character_of_the_standard_example() -> None:
    # GB 11643-1999 appendix example: 11010519491231002X
    assert resident_id_check("11010519491231002") == "X"


def test_resident_ids_are_fictional_and_valid() -> None:
    rng = random.Random(1)
    for _ in range(200):
        number = resident_id(rng)
        assert len(number) == 18 and number.startswith("99")  # 99: no such province
        assert resident_id_check(number[:17]) == number[17]


def test_credit_codes_have_valid_check_characters() -> None:
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    rng = random.Random(2)
    for _ in range(200):
        code = credit_code(rng)
        total = sum(USCC.index(c) * w for c, w in zip(code[:17], weights, strict=True))
        assert len(code) == 18 and USCC[(31 - total % 31) % 31] == code[17]


def test_an_organisation_keeps_one_code_and_phones_are_138() -> None:
    rng = random.Random(3)
    firms = [applicant(rng, "legal") for _ in range(30)]
    by_name: dict[str, set[str]] = {}
    for firm in firms:
        by_name.setdefault(firm.name, set()).add(firm.id_number)
        assert firm.phone.startswith("138") and len(firm.phone) == 11
    assert all(len(codes) == 1 for codes in by_name.values())


def test_page_fee_follows_the_measure() -> None:
    # 国办函〔2020〕109号 worked examples (spec fees-2020.md)
    assert [page_fee(n) for n in (30, 31, 100, 150, 200, 250)] == [0, 10, 700, 1700, 2700, 4700]
