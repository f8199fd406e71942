"""Checking a file an applicant attaches (条例第二十九条: identity proof, a copy of the document
sought): its type is read from its content, and its name must agree.

Accepted, and why: PDF (scans, letters), JPEG and PNG (photos of an identity card or a
document), DOCX and XLSX (a typed request or a list of documents), OFD (the national
format of electronic official documents and invoices, GB/T 33190). Nothing that runs or
renders in a browser (HTML, SVG, programs, macros) and no archives: an office opens these
files on its own computers."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO

from django.core.files.uploadedfile import UploadedFile


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("pdf", "PDF", (".pdf",), "application/pdf")
JPEG = FileKind("jpeg", "JPEG", (".jpg", ".jpeg"), "image/jpeg")
PNG = FileKind("png", "PNG", (".png",), "image/png")
DOCX = FileKind("docx", "Word (DOCX)", (".docx",),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileKind("xlsx", "Excel (XLSX)", (".xlsx",),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
OFD = FileKind("ofd", "OFD", (".ofd",), "application/ofd")
KINDS: tuple[FileKind, ...] = (PDF, JPEG, PNG, DOCX, XLSX, OFD)
KIND_OF_EXTENSION = {ext: kind for kind in KINDS for ext in kind.extensions}
ACCEPT = ",".join(KIND_OF_EXTENSION)  # for <input type=file accept=…>

# Content we recognise only to say what a refused file really is (keys of LOOKS).
_LOOKALIKES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "windows_program"),
    (b"\x7fELF", "program"),
    (b"#!", "script"),
    (b"PK\x03\x04", "zip"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"\x1f\x8b", "archive"),
    (b"GIF8", "gif"),
    (b"\xd0\xcf\x11\xe0", "old_office"),
)
_MARKUP = re.compile(rb"^\s*(<!doctype|<html|<script|<svg|<\?xml|<head|<body|<iframe|<meta|<!--)", re.I)
# What a refused content is, in English; the portal shows its own translated wording.
LOOKS = {
    "windows_program": "a Windows program", "program": "a program", "script": "a script",
    "zip": "a ZIP archive", "archive": "a compressed archive", "gif": "a GIF image",
    "old_office": "an old Office document (DOC/XLS)", "macros": "an Office document with macros",
    "broken_zip": "a damaged ZIP archive", "broken_image": "a damaged or unreadable image",
    "markup": "a web page or markup (HTML, SVG, XML)", "unknown": "of an unknown type",
}


class AttachmentRefused(Exception):
    """A file that is not accepted. ``code`` says why; ``params`` hold the file name
    (sanitised), its size, the limit and what the content looks like (a key of LOOKS)."""

    def __init__(self, code: str, **params: str) -> None:
        self.code, self.params = code, params
        super().__init__(f"{code}: {params}")


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    name: str  # sanitised, safe to show and to put in a Content-Disposition header
    kind: FileKind
    size: int
    sha256: str


def safe_name(name: str, kind: FileKind | None = None) -> str:
    """The uploaded name without folders, control or reserved characters, at most 150 chars."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C" and c not in '<>:"|?*')
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, ext = os.path.splitext(name)
    if not stem:
        stem = "attachment"
    if kind is not None and ext.lower() not in kind.extensions:
        ext = kind.extensions[0]
    return stem[: 150 - len(ext)] + ext.lower()


def _zip_kind(stream: IO[bytes]) -> tuple[FileKind | None, str]:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None, "broken_zip"
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        return None, "macros"
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX, ""
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return XLSX, ""
    if "OFD.xml" in names:
        return OFD, ""
    return None, "zip"


def _image_is_sound(stream: IO[bytes]) -> bool:
    from PIL import Image

    try:
        with Image.open(stream) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds for a broken or hostile image
        return False
    return True


def sniff(stream: IO[bytes]) -> tuple[FileKind | None, str]:
    """The accepted kind of the content, or None and what it looks like (a key of LOOKS)."""
    stream.seek(0)
    head = stream.read(512)
    stream.seek(0)
    kind: FileKind | None = None
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"PK\x03\x04"):
        # A ZIP must start at byte 0: a program with an archive appended is not accepted.
        kind, looks = _zip_kind(stream)
        stream.seek(0)
        return kind, looks
    if kind in (JPEG, PNG):
        sound = _image_is_sound(stream)
        stream.seek(0)
        if not sound:
            return None, "broken_image"
    if kind is not None:
        return kind, ""
    if _MARKUP.match(head.lstrip(b"\xef\xbb\xbf")):
        return None, "markup"
    for magic, looks in _LOOKALIKES:
        if head.startswith(magic):
            return None, looks
    return None, "unknown"


def check_upload(upload: UploadedFile, *, max_bytes: int) -> CheckedFile:
    """Refuse an empty, oversized, unaccepted or disguised file (AttachmentRefused codes:
    type, empty, size, disguised, mismatch); return it with its checked kind and digest."""
    original = upload.name or ""
    shown = safe_name(original)
    ext = os.path.splitext(shown)[1].lower()
    params = {"name": shown, "ext": ext, "size": str(upload.size or 0), "max": str(max_bytes)}
    claimed = KIND_OF_EXTENSION.get(ext)
    if claimed is None:
        raise AttachmentRefused("type", **params)
    if not upload.size:
        raise AttachmentRefused("empty", **params)
    if upload.size > max_bytes:
        raise AttachmentRefused("size", **params)
    kind, looks = sniff(upload)
    if kind is None:
        raise AttachmentRefused("disguised", claimed=claimed.label, looks=looks, **params)
    if kind != claimed:
        raise AttachmentRefused("mismatch", actual=kind.label, right=kind.extensions[0], **params)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(upload, safe_name(original, kind), kind, upload.size, digest.hexdigest())
