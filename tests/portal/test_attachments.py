"""Attachment checks (gongkai.applications.attachments): the content decides the type."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications.attachments import AttachmentRefused, check_upload, safe_name

from .conftest import pdf_bytes, png_bytes


def docx_bytes() -> bytes:
    from docx import Document

    out = io.BytesIO()
    document = Document()
    document.add_paragraph("申请公开的信息清单")
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG")
    return out.getvalue()


def zipped(**members: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name.replace("__", "/"), data)
    return out.getvalue()


def check(name: str, data: bytes, max_bytes: int = 10_000_000):  # type: ignore[no-untyped-def]
    return check_upload(SimpleUploadedFile(name, data), max_bytes=max_bytes)


@pytest.mark.parametrize(("name", "make", "kind"), [
    ("a.pdf", pdf_bytes, "pdf"), ("a.png", png_bytes, "png"), ("a.jpg", jpeg_bytes, "jpeg"),
    ("a.jpeg", jpeg_bytes, "jpeg"), ("清单.docx", docx_bytes, "docx"), ("清单.xlsx", xlsx_bytes, "xlsx"),
    ("发票.ofd", lambda: zipped(**{"OFD.xml": b"<ofd:OFD/>"}), "ofd"),
])
def test_accepted_types(name: str, make, kind: str) -> None:  # type: ignore[no-untyped-def]
    data = make()
    checked = check(name, data)
    assert checked.kind.key == kind and checked.size == len(data) and len(checked.sha256) == 64


@pytest.mark.parametrize(("name", "data", "looks"), [
    ("a.pdf", b"<html><body>hi</body></html>", "markup"),
    ("a.pdf", b"\xef\xbb\xbf<!DOCTYPE html>", "markup"),
    ("a.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "markup"),
    ("a.pdf", b"MZ\x90\x00" + b"\x00" * 60, "windows_program"),
    ("a.docx", b"MZ\x90\x00" + b"\x00" * 60 + zipped(**{"word__document.xml": b"x"}), "windows_program"),
    ("a.docx", zipped(**{"[Content_Types].xml": b"x", "word__document.xml": b"x",
                         "word__vbaProject.bin": b"x"}), "macros"),
    ("a.xlsx", zipped(**{"evil.exe": b"MZ"}), "zip"),
    ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken_image"),
    ("a.pdf", b"just some text", "unknown"),
])
def test_disguised_files_are_refused(name: str, data: bytes, looks: str) -> None:
    with pytest.raises(AttachmentRefused) as refused:
        check(name, data)
    assert refused.value.code == "disguised" and refused.value.params["looks"] == looks
    assert refused.value.params["name"] == name


def test_content_and_extension_must_agree() -> None:
    with pytest.raises(AttachmentRefused) as refused:
        check("photo.pdf", png_bytes())
    assert refused.value.code == "mismatch" and refused.value.params["right"] == ".png"


def test_size_empty_and_type_limits() -> None:
    with pytest.raises(AttachmentRefused) as refused:
        check("a.pdf", pdf_bytes(), max_bytes=100)
    assert refused.value.code == "size"
    with pytest.raises(AttachmentRefused) as refused:
        check("a.pdf", b"")
    assert refused.value.code == "empty"
    for name in ("a.exe", "a.svg", "a.zip", "noextension"):
        with pytest.raises(AttachmentRefused) as refused:
            check(name, pdf_bytes())
        assert refused.value.code == "type"


def test_safe_name_keeps_only_a_harmless_base_name() -> None:
    assert safe_name("C:\\Users\\张三\\身份证.PDF") == "身份证.pdf"
    assert safe_name("../../etc/<passwd>\x00.pdf") == "passwd.pdf"
    assert safe_name("...") == "attachment"
    assert len(safe_name("长" * 400 + ".pdf")) == 150
