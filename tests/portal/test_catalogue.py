"""The portal's zh_Hans catalogue is complete, and the pages use it by default."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

PO = Path(__file__).resolve().parents[2] / "gongkai/portal/locale/zh_Hans/LC_MESSAGES/django.po"


def untranslated(text: str) -> list[str]:
    empty, msgid, key = [], [], None
    for line in text.splitlines() + [""]:
        if line.startswith("msgid "):
            key, msgid = "id", [ast.literal_eval(line[6:])]
        elif line.startswith("msgstr "):
            key, msgstr = "str", [ast.literal_eval(line[7:])]
        elif line.startswith('"') and key == "id":
            msgid.append(ast.literal_eval(line))
        elif line.startswith('"') and key == "str":
            msgstr.append(ast.literal_eval(line))
        elif key == "str":
            if "".join(msgid) and not "".join(msgstr):
                empty.append("".join(msgid))
            key = None
    return empty


def test_every_message_is_translated() -> None:
    text = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    assert untranslated(text) == []


@pytest.mark.django_db
def test_pages_are_in_chinese_by_default(county) -> None:  # type: ignore[no-untyped-def]
    if not PO.with_suffix(".mo").exists():
        pytest.skip("catalogue not compiled (make install compiles it)")
    html = Client().get(reverse("portal:apply")).content.decode()
    assert "政府信息公开申请" in html and "提交申请" in html
