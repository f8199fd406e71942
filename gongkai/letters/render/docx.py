"""A letter as a .docx in the report writer's GB/T 9704-2012 package (A4, 37/35/28/26 mm
margins, 22 lines × 28 characters, 方正小标宋简体 title, 仿宋_GB2312 body, 黑体 headings,
“— N —” page numbers on the outside edges), with the parts only a letter has: the 发文字号
centred under the title, the 主送 flush left, the 署名 and 成文日期 at the right (the date four
characters in, the signature centred over it, room for the seal above: GB/T 9704 7.3.5.1)
and the 附注 under them."""

from __future__ import annotations

from gongkai.report.writers.docx import assemble_docx
from gongkai.report.writers.docx.body import _para, _text, core_xml
from gongkai.report.writers.docx.styles import (
    BODY_PT,
    CHAR_SPACING,
    LINE_PITCH,
    S_H1,
    S_TITLE,
    XIAOBIAOSONG,
)

from .document import LetterDocument, _ems, is_heading, title_lines

CHAR = BODY_PT * 20 + CHAR_SPACING  # one body character, in twips (15.75 pt)
DATE_RIGHT = 4 * CHAR  # 成文日期右空四字
_FLUSH = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
_KEEP = "<w:keepNext/>"


def _right(text: str, right: int, keep: str = "") -> str:
    return _para(text, extra=f'{keep}<w:ind w:right="{max(right, 0)}" w:firstLine="0" w:firstLineChars="0"/>'
                 '<w:jc w:val="right"/>')


# The title's runs name the face too (not only its style), East Asian text included.
_TITLE_FONT = (f'<w:rPr><w:rFonts w:ascii="{XIAOBIAOSONG}" w:hAnsi="{XIAOBIAOSONG}" '
               f'w:eastAsia="{XIAOBIAOSONG}" w:cs="{XIAOBIAOSONG}" w:hint="eastAsia"/></w:rPr>')


def _title(doc: LetterDocument) -> str:
    # Under a title followed by the 发文字号 no blank line: the blank comes after the number.
    # Off the line grid (an editor would give a 22 pt line two grid lines), on one exact line.
    extra = '<w:snapToGrid w:val="0"/>' + ('<w:spacing w:after="0"/>' if doc.number else "")
    runs = f"<w:r>{_TITLE_FONT}<w:br/></w:r>".join(
        f'<w:r>{_TITLE_FONT}<w:t xml:space="preserve">{_text(line)}</w:t></w:r>' for line in title_lines(doc.title))
    return f'<w:p><w:pPr><w:pStyle w:val="{S_TITLE}"/>{extra}</w:pPr>{runs}</w:p>'


def body_xml(doc: LetterDocument) -> str:
    parts = [_title(doc)]
    if doc.number:
        parts.append(_para(doc.number, extra=f'<w:spacing w:after="{LINE_PITCH}"/>{_FLUSH}<w:jc w:val="center"/>'))
    if doc.salutation:
        parts.append(_para(doc.salutation, extra=f'{_FLUSH}<w:jc w:val="left"/>'))
    closing = bool(doc.signature or doc.date)
    for n, p in enumerate(doc.paragraphs, start=1):
        # The last body line goes with the signature (never alone on a page, GB/T 9704 7.3.5.4).
        keep = _KEEP if closing and n == len(doc.paragraphs) else ""
        parts.append(_para(p, S_H1 if is_heading(p) else "", keep))
    if closing:
        parts.append(_para("", extra=_KEEP) * 2)  # room for the seal
        date_width = _ems(doc.date) * CHAR
        if doc.signature:
            centred = DATE_RIGHT + round((date_width - _ems(doc.signature) * CHAR) / 2)
            parts.append(_right(doc.signature, centred, _KEEP if doc.date else ""))
        if doc.date:
            keep = _KEEP if doc.note else ""
            parts.append(_right(doc.date, DATE_RIGHT if doc.signature else 2 * CHAR, keep))
    if doc.note:
        parts.append(_para(doc.note))  # 附注: 居左空二字 (the body's indent)
    return "".join(parts)


def write_docx(doc: LetterDocument) -> bytes:
    """The letter as the bytes of a .docx file."""
    core = core_xml(doc.title, doc.signature, doc.keywords, doc.number)
    return assemble_docx(body_xml(doc), core)
