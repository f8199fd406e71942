"""A report as a Word document (.docx) laid out per GB/T 9704-2012 《党政机关公文格式》.

Page: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm text
block) holding 22 lines × 28 characters: a line grid and exact line spacing of 579 twips
(28.95 pt), body characters condensed by 0.25 pt (``w:spacing -5``) so that 28 of them fill
the 156 mm line, widow control off so that every full page has 22 lines. (A “lines and
characters” grid would do the same in Word, but LibreOffice then gives a character that is
wider than the grid pitch two cells: 14 characters a line.)

Paragraph styles (Chinese names, ASCII ids), fonts set for East Asian and Latin text alike
(``w:rFonts`` ``eastAsia``/``ascii``/``hAnsi``/``cs``) so Word, WPS and LibreOffice all use them:

============  ============================  =======================================
style         font                          use
============  ============================  =======================================
正文 Normal   3号 (16 pt) 仿宋_GB2312        body; exact 28.95 pt lines, indent 2 chars
公文标题       2号 (22 pt) 方正小标宋简体       the title, centred
一级标题       3号 黑体                        一、总体情况 …
二级标题       3号 楷体_GB2312                 a paragraph （一）… of the prose
表题           4号 黑体                        表二：… captions
表格文字/表格居中 小四 (12 pt) 仿宋_GB2312      table cells (left / centred)
页码           4号 (14 pt) 宋体               the footer
============  ============================  =======================================

Page numbers: “— 1 —” (a PAGE field between em dashes), odd pages at the right and even pages
at the left, one character in from the edge of the text block, as the standard asks
(odd and even footers, ``w:evenAndOddHeaders``); the dashes sit about 7 mm below the text.

The tables keep the national grid with its merged cells (``gridSpan``, ``vMerge``), borders
on every cell, header rows of tables 三 and 四 repeated on each page. Blank cells stay empty.

The package (styles, settings, footers, fonts) is built once with python-docx and kept as a
ZIP; each report adds only its ``document.xml`` and ``core.xml`` — a report takes a few
milliseconds.

Modules: ``styles`` (the page, fonts and styles), ``package`` (the shared parts, built once),
``body`` (``document.xml`` and ``core.xml`` of a report); ``write_docx`` here puts them together.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from ...model import Report
from .body import _body, _core
from .package import _info, _package
from .styles import _R_NS, _W_NS, CHAR_SPACE, LINE_PITCH

__all__ = ["CHAR_SPACE", "LINE_PITCH", "assemble_docx", "write_docx"]


def write_docx(report: Report) -> bytes:
    """The report as the bytes of a .docx file."""
    return assemble_docx(_body(report), _core(report))


def assemble_docx(body: str, core: str) -> bytes:
    """A .docx of the shared package (page, styles, footers) with ``body``, the paragraphs of
    ``document.xml`` in the styles' ids, and ``core``, its ``core.xml``: a report's, or any
    other document's in the same layout (the platform's letters)."""
    package = _package()
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W_NS}" xmlns:r="{_R_NS}"><w:body>{body}{package.sect_pr}</w:body></w:document>'
    )
    buf = BytesIO(package.zip)
    buf.seek(0, 2)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as out:
        out.writestr(_info("word/document.xml"), document.encode("utf-8"))
        out.writestr(_info("docProps/core.xml"), core.encode("utf-8"))
    return buf.getvalue()
