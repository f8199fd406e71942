"""A letter as a PDF, on the report writer's page, faces, line breaking, pagination and
drawing (GB/T 9704-2012: A4, 156 × 225 mm text block, 22 lines of 三号 a page, free fonts of the
official families embedded, “— N —” page numbers on the outside edges). Body lines hold 28
characters: they are broken on a line 0.25 pt a character wider than the block and condensed
back into it when drawn, as the DOCX does with its character spacing."""

from __future__ import annotations

from gongkai.report.writers.pdf import _break, _Text, draw_pdf, faces
from gongkai.report.writers.pdf.blocks import Block
from gongkai.report.writers.pdf.document import _visible
from gongkai.report.writers.pdf.fonts import _Face
from gongkai.report.writers.pdf.geometry import BODY_PT, LINE, TEXT_W, TITLE_PT
from gongkai.report.writers.pdf.lines import _Line

from .document import LetterDocument, is_heading, title_lines

CHARS_PER_LINE = 28
CONDENSE = 0.25  # points a body character gives up so that 28 fill the 156 mm line
BODY_W = TEXT_W + CHARS_PER_LINE * CONDENSE
INDENT = 2 * BODY_PT  # 首行缩进二字


def _lines(face: _Face, text: str, indent: float = 0.0) -> list[_Line]:
    return _break([(face, _visible(text))], BODY_PT, BODY_W, indent)


def _at_right(face: _Face, text: str, right: float, centre_over: str = "") -> _Text:
    """One line set ``right`` points in from the right edge (centred over ``centre_over``)."""
    lines = _break([(face, _visible(text))], BODY_PT, TEXT_W)
    width = max(line.width for line in lines)
    if centre_over:
        right += (face.width(centre_over) * BODY_PT - width) / 2
    indent = max(0.0, TEXT_W - max(right, 0.0) - width)
    return _Text(lines, BODY_PT, LINE, indent=indent if len(lines) == 1 else 0.0)


def layout(doc: LetterDocument) -> list[Block]:
    f = faces()
    title: list[_Line] = []
    for part in title_lines(_visible(doc.title)):
        title.extend(_break([(f["xbs"], part)], TITLE_PT, TEXT_W))
    for line in title:
        line.last = True  # centred, never justified
    # The title on the page's line grid, as in the DOCX (exact 28.95 pt lines): 22 lines a page.
    blocks: list[Block] = [_Text(title, TITLE_PT, LINE, "center", after=0.0 if doc.number else LINE,
                    keep_with_next=True)]
    if doc.number:
        number = _lines(f["fangsong"], doc.number)
        blocks.append(_Text(number, BODY_PT, LINE, "center", after=LINE, keep_with_next=True))
    if doc.salutation:
        blocks.append(_Text(_lines(f["fangsong"], doc.salutation), BODY_PT, LINE, keep_with_next=True))
    for paragraph in doc.paragraphs:
        heading = is_heading(paragraph)
        lines = _lines(f["hei" if heading else "fangsong"], paragraph, INDENT)
        blocks.append(_Text(lines, BODY_PT, LINE, indent=INDENT, keep_with_next=heading,
                            splittable=not heading))
    closing: list[_Text] = []
    if doc.signature:
        closing.append(_at_right(f["fangsong"], doc.signature, 4 * BODY_PT, doc.date))
    if doc.date:
        closing.append(_at_right(f["fangsong"], doc.date, (4 if doc.signature else 2) * BODY_PT))
    if doc.note:  # 附注, under the date
        closing.append(_Text(_lines(f["fangsong"], doc.note, INDENT), BODY_PT, LINE, indent=INDENT))
    if closing:
        if doc.signature or doc.date:
            closing[0].before = 2 * LINE  # room for the seal
            _keep_tail(blocks)
        for block in closing[:-1]:  # signature, date and note on one page
            block.keep_with_next = True
        blocks.extend(closing)
    return blocks


def _keep_tail(blocks: list[Block]) -> None:
    """The signature never alone on a page (GB/T 9704 7.3.5.4): the last two lines of the body
    go with it, the rest of the last paragraph may stay on the page before."""
    last = blocks[-1]
    if not isinstance(last, _Text) or last.align == "center":
        return
    if len(last.lines) > 3:
        tail = _Text(last.lines[-2:], last.size, last.leading, keep_with_next=True)
        last.lines = last.lines[:-2]
        blocks.append(tail)
    else:
        last.keep_with_next = True


def write_pdf(doc: LetterDocument) -> bytes:
    """The letter as PDF bytes: fonts embedded (subset), a text layer that reads back."""
    return draw_pdf(layout(doc), title=doc.title, author=doc.signature)
