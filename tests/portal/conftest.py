from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.test import Client


@pytest.fixture
def client() -> Client:
    # English msgids, so assertions do not depend on compiled catalogues.
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A fresh MEDIA_ROOT (through override_settings, so the file storage follows)."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    return root


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "ID card copy")
    page.save()
    return out.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def application_data(county, **changes: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "agency": county.edu.pk,
        "applicant_type": "natural",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": "11010519491231002X",
        "phone": "138 0013 8000",
        "email": "zhangsan@example.cn",
        "address": "示范县人民路1号",
        "postcode": "467000",
        "description": "2025年义务教育学校招生划片方案（示教〔2025〕3号）",
        "purpose": "",
        "form": "electronic",
        "delivery": "email",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture(autouse=True)
def _portal_settings(settings) -> None:  # type: ignore[no-untyped-def]
    # The county fixture creates five users; the real hasher would make each test slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A cache of this test's own: the file cache under var/ is shared with other test runs on
    # the machine, whose cache.clear() would reset the rate-limit counters mid-test.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "portal-tests"}}
    from django.core.cache import cache

    cache.clear()
