"""The DOCX package every report shares (styles, settings, footers, font table, app
properties), built once a process with python-docx and kept as ZIP bytes with the section
properties the body ends with; parts of python-docx's template that describe another document
are dropped, and every ZIP entry gets a fixed time so the same report gives the same bytes.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from io import BytesIO
from typing import Any

from .styles import _ALT_NAMES, FANGSONG, HEITI, KAITI, _page, _styles

_EPOCH = (1980, 1, 1, 0, 0, 0)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _EPOCH)  # fixed time: the same report gives the same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class _Package:
    def __init__(self, zip_bytes: bytes, sect_pr: str) -> None:
        self.zip = zip_bytes
        self.sect_pr = sect_pr


@lru_cache(maxsize=1)
def _package() -> _Package:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    doc = docx.Document()
    _styles(doc)
    _page(doc)
    # Parts of python-docx's template that describe another document: its thumbnail, a
    # stale copy of the styles for Word 2010, a bibliography store.
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML, RT.WEB_SETTINGS):
            doc.part.drop_rel(rid)
    _settings(doc)
    raw = BytesIO()
    doc.save(raw)

    out = BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        document = src.read("word/document.xml").decode("utf-8")
        sect_pr = _sect_pr(document)
        for item in src.infolist():
            if item.filename in ("word/document.xml", "docProps/core.xml"):
                continue
            data = src.read(item.filename)
            if item.filename == "word/fontTable.xml":
                data = _font_table(data.decode("utf-8")).encode("utf-8")
            elif item.filename == "docProps/app.xml":
                data = _APP_XML.encode("utf-8")
            dst.writestr(_info(item.filename), data)
    return _Package(out.getvalue(), sect_pr)


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>gongkai</Application></Properties>"
)


def _sect_pr(document: str) -> str:
    """The section properties python-docx wrote (page, margins, grid, footer references),
    with the namespace prefixes the new document declares."""
    m = re.search(r"<w:sectPr\b.*?</w:sectPr>", document, re.S)
    assert m is not None
    return re.sub(r' w:rsid\w*="[^"]*"', "", m.group(0))


def _font_table(xml: str) -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{"modern" if name in (FANGSONG, KAITI, HEITI) else "roman"}"/>'
        '<w:pitch w:val="variable"/></w:font>'
        for name, alt in _ALT_NAMES.items()
    )
    return xml.replace("</w:fonts>", fonts + "</w:fonts>")


def _settings(doc: Any) -> None:
    from docx.oxml.ns import qn

    settings = doc.settings.element
    for tag in (qn("w:savePreviewPicture"), qn("w:rsids"), "{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        for el in settings.findall(tag):
            settings.remove(el)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
