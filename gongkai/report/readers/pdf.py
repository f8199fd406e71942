"""PDF with a text layer into blocks, with pdfium.

pdfium already groups a page's characters into lines (it inserts generated ``\\r\\n``
between them) and into words (generated spaces). Per line we read each character's
loose box: where the gap between two characters exceeds 1.2 × the line's median
character width, a new cell begins (on real reports prose gaps stay below 0.8 and
cell gaps above 1.4 median widths). A line of one run is a text block; a line of
several runs is a row block, one cell per run (that is how table cells show up).

Spaces inside a run are kept as one space, except between two CJK characters: there
they are artefacts of justification or letter spacing ("商 业 企业"), not content. A
gap wider than half a character without a space between non-CJK characters gets
one, so numbers of adjacent cells never glue together ("3 0" not "30").
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import NoTextLayer, ReportError, UnreadableFile
from .blocks import Block

GAP_FACTOR = 1.2  # a gap wider than this many median character widths separates cells
SPACE_FACTOR = 0.5  # a wider gap inside a run reads as a space (unless both sides are CJK)

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
# A line that is only a page number between dashes: emitted as text, never as a row.
_PAGE_MARK = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$")

# A character of a line: the character, its start and end along the line (points).
_Char = tuple[str, float, float]


def read_pdf(data: bytes) -> list[Block]:
    """Turn the bytes of a text PDF into blocks; ``where`` is ``"第N页"``."""
    try:
        doc = pdfium.PdfDocument(data)
    except ReportError:
        raise
    except Exception as exc:  # pdfium raises PdfiumError; anything else is as fatal
        if "password" in str(exc).lower():
            raise UnreadableFile("PDF 已加密（需要密码），无法读取", "encrypted PDF (password required)") from exc
        raise UnreadableFile("PDF 文件已损坏，无法打开", "corrupt PDF") from exc
    try:
        pages = len(doc)
        if pages == 0:
            raise UnreadableFile("PDF 没有任何页面", "PDF without pages")
        blocks: list[Block] = []
        saw_text = False
        for number in range(1, pages + 1):
            lines = _page_lines(doc, number - 1)
            saw_text = saw_text or bool(lines)
            where = f"第{number}页"
            for runs in lines:
                if len(runs) > 1 and not _PAGE_MARK.match(" ".join(runs)):
                    blocks.append(Block("row", tuple(runs), len(blocks) + 1, where))
                else:
                    blocks.append(Block("text", (" ".join(runs),), len(blocks) + 1, where))
    except ReportError:
        raise
    except Exception as exc:
        raise UnreadableFile("PDF 文件已损坏，无法读取页面内容", "corrupt PDF page") from exc
    finally:
        doc.close()
    if not saw_text:
        raise NoTextLayer("PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）", "PDF has no text layer (a scan?)")
    return blocks


def _page_lines(doc: pdfium.PdfDocument, index: int) -> list[list[str]]:
    """The page's lines in pdfium's order, each as its runs (cells) of text."""
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            return [runs for line in _char_lines(textpage) if (runs := _runs(line))]
        finally:
            textpage.close()
    finally:
        page.close()


def _char_lines(textpage: pdfium.PdfTextPage) -> list[list[_Char]]:
    """Characters with their extent along the line, split at pdfium's line breaks.

    Whitespace is kept as ``(" ", 0, 0)``; its box is never used.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    lines: list[list[_Char]] = []
    line: list[_Char] = []
    boxes: list[tuple[float, float, float, float]] = []
    for i in range(count):
        code = get_unicode(textpage, i)
        if code in (10, 13):
            if line:
                lines.append(_orient(line, boxes))
                line, boxes = [], []
            continue
        if code < 32 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF) or code > 0x10FFFF:
            continue  # control characters, pdfium's hyphen marks, broken surrogates
        char = chr(code)
        if char.isspace():
            line.append((" ", 0.0, 0.0))
            boxes.append((0.0, 0.0, 0.0, 0.0))
            continue
        if not get_box(textpage, i, rect_ref):
            continue
        line.append((char, rect.left, rect.right))
        boxes.append((rect.left, rect.bottom, rect.right, rect.top))
    if line:
        lines.append(_orient(line, boxes))
    return lines


def _orient(line: list[_Char], boxes: list[tuple[float, float, float, float]]) -> list[_Char]:
    """Keep horizontal lines as they are; measure a vertical line (a rotated page) along y."""
    inked = [box for char, box in zip(line, boxes, strict=True) if char[0] != " "]
    if len(inked) < 2:
        return line
    first, last = inked[0], inked[-1]
    if abs(last[0] - first[0]) >= abs(last[3] - first[3]):
        return line
    downwards = last[3] < first[3]
    out: list[_Char] = []
    for (char, _, _), (_, bottom, _, top) in zip(line, boxes, strict=True):
        if char == " ":
            out.append((char, 0.0, 0.0))
        elif downwards:  # text reads top to bottom: y decreases, so measure -y
            out.append((char, -top, -bottom))
        else:
            out.append((char, bottom, top))
    return out


def _runs(line: list[_Char]) -> list[str]:
    """Split a line into runs at gaps wider than ``GAP_FACTOR`` median character widths."""
    widths = sorted(end - start for char, start, end in line if char != " ")
    if not widths:
        return []
    median = widths[len(widths) // 2]
    limit, spacing = GAP_FACTOR * median, SPACE_FACTOR * median
    runs: list[str] = []
    current: list[str] = []
    space = False
    previous_end: float | None = None
    for char, start, end in line:
        if char == " ":
            space = True
            continue
        gap = 0.0 if previous_end is None else start - previous_end
        if gap > limit or gap < -limit:  # a jump back is another cell too
            runs.append("".join(current))
            current = []
        elif (space or gap > spacing) and current and not (_CJK.match(current[-1]) and _CJK.match(char)):
            current.append(" ")
        current.append(char)
        previous_end = end
        space = False
    runs.append("".join(current))
    return runs
