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
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from html import escape
from io import BytesIO
from typing import Any

from ..model import Report
from ._common import CAPTIONS, fmt, period, prose, title
from ._grid import Grid, GridCell, section_grid

# -- the page ------------------------------------------------------------------------------


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 in twips
MARGIN_TOP, MARGIN_BOTTOM = mm_to_twips(37), mm_to_twips(35)
MARGIN_LEFT, MARGIN_RIGHT = mm_to_twips(28), mm_to_twips(26)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips = 156 mm
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = 579  # twips (28.95 pt): 22 × 579 ≤ the 225 mm text height
BODY_PT = 16  # 3号
# 28 characters of 16 pt need 448 pt, the line has 442.25: each character is condensed by
# 0.25 pt (w:spacing -5, in 1/20 pt), the nearest step that fits 28 and not 29.
CHAR_SPACING = -5
assert CHARS_PER_LINE * (BODY_PT * 20 + CHAR_SPACING) <= TEXT_WIDTH < (CHARS_PER_LINE + 1) * (BODY_PT * 20 + CHAR_SPACING)
# docGrid charSpace (the character pitch minus the font size, in 1/4096 pt), for an editor
# that switches the grid to "lines and characters".
CHAR_SPACE = round((TEXT_WIDTH / 20 / CHARS_PER_LINE - BODY_PT) * 4096)
# The page-number line (14 pt, about 5 mm high) with its top 7 mm below the text block.
FOOTER_DISTANCE = mm_to_twips(35 - 7 - 5)
HEADER_DISTANCE = mm_to_twips(15)

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"

# Fallbacks named in the font table, for machines without the GB2312-era fonts.
_ALT_NAMES = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: "宋体", HEITI: "SimHei", SONGTI: "SimSun"}

# Style ids (ASCII) → what the writer and the tests refer to.
S_TITLE, S_H1, S_H2, S_H2_CHAR = "GongwenTitle", "GongwenHeading1", "GongwenHeading2", "GongwenHeading2Char"
S_CAPTION, S_CELL, S_CELL_CENTER, S_PAGE = "GongwenCaption", "GongwenCell", "GongwenCellCenter", "GongwenPageNumber"

# Table column widths in twips (each table is the width of the text block).
_T3_VALUE = 620
WIDTHS: dict[str, tuple[int, ...]] = {
    "二": (2645, 2067, 2067, 2066),
    "三": (560, 1000, TEXT_WIDTH - 560 - 1000 - 7 * _T3_VALUE, *[_T3_VALUE] * 7),
    "四": (*[590] * 14, TEXT_WIDTH - 14 * 590),
}
CELL_MARGIN = {"二": 57, "三": 57, "四": 28}  # left/right, twips (table 四's 15 columns are narrow)

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_docx(report: Report) -> bytes:
    """The report as the bytes of a .docx file."""
    package = _package()
    body = _body(report)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W_NS}" xmlns:r="{_R_NS}"><w:body>{body}{package.sect_pr}</w:body></w:document>'
    )
    buf = BytesIO(package.zip)
    buf.seek(0, 2)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as out:
        out.writestr(_info("word/document.xml"), document.encode("utf-8"))
        out.writestr(_info("docProps/core.xml"), _core(report).encode("utf-8"))
    return buf.getvalue()


# -- the body ------------------------------------------------------------------------------

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")


def _text(text: str) -> str:
    """Text for a ``w:t``: characters XML 1.0 forbids dropped, tabs and newlines as spaces."""
    text = _INVALID_XML.sub("", text).replace("\t", " ").replace("\r", "").replace("\n", " ")
    return escape(text, quote=False)


def _run(text: str, style: str = "") -> str:
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _para(text: str, style: str = "", extra: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style else ""
    return f"<w:p>{props}{_run(text) if text else ''}</w:p>"


def _prose(paragraph: str) -> str:
    """A body paragraph; one opening with （一）… gets the second-level heading face (楷体):
    the whole paragraph when it is a heading line, else its first sentence."""
    if _LEVEL2.match(paragraph):
        stop = paragraph.find("。")
        if len(paragraph) <= 40 and stop in (-1, len(paragraph) - 1):
            return _para(paragraph, S_H2)
        if 0 < stop <= 40:
            return f"<w:p>{_run(paragraph[: stop + 1], S_H2_CHAR)}{_run(paragraph[stop + 1 :])}</w:p>"
    return _para(paragraph)


def _body(report: Report) -> str:
    parts: list[str] = [_para(title(report), S_TITLE)]
    if report.year:
        parts.append(_para(period(report)))
    for spec in report.spec.sections:
        parts.append(_para(f"{spec.number}、{spec.title}", S_H1))
        parts.extend(_prose(p) for p in prose(report.section(spec.number)))
        grid = section_grid(report, spec.number)
        if grid is not None:
            parts.append(_para(CAPTIONS[grid.key], S_CAPTION))
            parts.append(table_xml(grid))
    return "".join(parts)


# -- tables --------------------------------------------------------------------------------

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table_xml(grid: Grid) -> str:
    widths = WIDTHS[grid.key]
    assert len(widths) == grid.columns
    margin = CELL_MARGIN[grid.key]
    origins, covered = grid.origins(), grid.covered()
    keep = "<w:keepNext/>" if grid.key == "二" else ""  # table 二 stays on one page
    rows: list[str] = []
    for r in range(grid.rows):
        head = "<w:tblHeader/>" if r < grid.header_rows else ""
        cells: list[str] = []
        c = 0
        while c < grid.columns:
            cell = origins.get((r, c))
            if cell is not None:
                cells.append(_cell(cell, widths, False, keep))
                c += cell.colspan
                continue
            above = covered[(r, c)]  # the continuation of a cell merged down from above
            assert above.col == c and above.row < r, (grid.key, r, c)
            cells.append(_cell(above, widths, True, keep))
            c += above.colspan
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(cells)}</w:tr>")
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid_cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _cell(cell: GridCell, widths: tuple[int, ...], continuation: bool, keep: str) -> str:
    width = sum(widths[cell.col : cell.col + cell.colspan])
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.colspan > 1:
        props += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.rowspan > 1:
        props += '<w:vMerge/>' if continuation else '<w:vMerge w:val="restart"/>'
    props += '<w:vAlign w:val="center"/>'
    style = S_CELL if cell.kind == "note" or (cell.kind == "label" and cell.rowspan == 1) else S_CELL_CENTER
    if continuation:
        text = ""
    elif cell.kind == "value":
        text = fmt(cell.value, cell.money)
    else:
        text = cell.text
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{_para(text, style, keep)}</w:tc>'


# -- document properties -------------------------------------------------------------------


def _core(report: Report) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(title(report))}</dc:title>"
        f"<dc:creator>{_text(report.agency)}</dc:creator>"
        "<cp:keywords>政府信息公开工作年度报告</cp:keywords>"
        f"<dc:description>{_text(report.spec.document)}格式</dc:description>"
        "<dc:language>zh-CN</dc:language>"
        "</cp:coreProperties>"
    )


_EPOCH = (1980, 1, 1, 0, 0, 0)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _EPOCH)  # fixed time: the same report gives the same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


# -- the package, built once with python-docx ----------------------------------------------


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


def _fonts(element: Any, font: str) -> None:
    """Set ``font`` for East Asian, Latin and complex-script text on a style or run element."""
    from docx.oxml.ns import qn

    rpr = element if hasattr(element, "get_or_add_rFonts") else element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]  # theme fonts would win over named ones
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), font)
    rfonts.set(qn("w:hint"), "eastAsia")


def _condense(style: Any, twentieths: int) -> None:
    """Character spacing (``w:spacing`` in the run properties), in 1/20 pt."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    el = rpr.find(qn("w:spacing"))
    if el is None:
        el = OxmlElement("w:spacing")
        rpr.insert_element_before(el, *_RPR_AFTER_SPACING)
    el.set(qn("w:val"), str(twentieths))


_RPR_AFTER_SPACING = tuple(
    f"w:{t}" for t in ["w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]
)


def _ppr_extra(style: Any, *children: tuple[str, dict[str, str]]) -> None:
    """Paragraph properties python-docx has no API for (character-based indents, outline
    level, grid snapping), placed in schema order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = style.element.get_or_add_pPr()
    for tag, attrs in children:
        el = ppr.find(qn(f"w:{tag}"))
        if el is None:
            el = OxmlElement(f"w:{tag}")
            ppr.insert_element_before(el, *_PPR_AFTER[tag])
        for key, value in attrs.items():
            el.set(qn(f"w:{key}"), value)


# Successors of each pPr child in CT_PPr's sequence, for inserting in schema order.
_PPR_ORDER = ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"]
_PPR_AFTER = {tag.split(":")[1]: tuple(_PPR_ORDER[i + 1 :]) for i, tag in enumerate(_PPR_ORDER)}


def _styles(doc: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    styles = doc.styles
    # Document defaults: the python-docx template's are theme fonts with a Japanese East
    # Asian language; every style here names its fonts, and the language is Chinese.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _fonts(rpr_default, FANGSONG)
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    def paragraph(name: str, sid: str, font: str, size: float, base: str = "Normal") -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = sid
        style.base_style = styles[base]
        style.quick_style = True
        _fonts(style.element, font)
        style.font.size = Pt(size)
        return style

    normal = styles["Normal"]
    _fonts(normal.element, FANGSONG)
    normal.font.size = Pt(BODY_PT)
    _condense(normal, CHAR_SPACING)
    body = normal.paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.line_spacing = Twips(LINE_PITCH)  # exact
    body.space_before = body.space_after = Twips(0)
    body.first_line_indent = Pt(2 * BODY_PT)
    body.widow_control = False  # every page full: 22 lines, no line pushed over for a widow
    _ppr_extra(normal, ("ind", {"firstLineChars": "200"}))

    heading_title = paragraph("公文标题", S_TITLE, XIAOBIAOSONG, 22)
    fmt_title = heading_title.paragraph_format
    fmt_title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt_title.first_line_indent = Twips(0)
    fmt_title.space_after = Twips(LINE_PITCH)  # 标题下空一行
    fmt_title.keep_with_next = True
    _ppr_extra(heading_title, ("ind", {"firstLineChars": "0"}))

    for name, sid, font, level in (("一级标题", S_H1, HEITI, "0"), ("二级标题", S_H2, KAITI, "1")):
        heading = paragraph(name, sid, font, BODY_PT)
        heading.paragraph_format.keep_with_next = True
        _ppr_extra(heading, ("outlineLvl", {"val": level}))

    h2_char = styles.add_style("二级标题字符", WD_STYLE_TYPE.CHARACTER)
    h2_char.style_id = S_H2_CHAR
    _fonts(h2_char.element, KAITI)

    caption = paragraph("表题", S_CAPTION, HEITI, 14)
    cap = caption.paragraph_format
    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.first_line_indent = Twips(0)
    cap.keep_with_next = True
    _ppr_extra(caption, ("ind", {"firstLineChars": "0"}))

    for name, sid, align in (
        ("表格文字", S_CELL, WD_ALIGN_PARAGRAPH.LEFT),
        ("表格居中", S_CELL_CENTER, WD_ALIGN_PARAGRAPH.CENTER),
    ):
        cell = paragraph(name, sid, FANGSONG, 12)  # 小四
        cf = cell.paragraph_format
        cf.alignment = align
        cf.first_line_indent = Twips(0)
        cf.line_spacing = 1.0
        _condense(cell, 0)
        _ppr_extra(cell, ("snapToGrid", {"val": "0"}), ("ind", {"firstLineChars": "0"}))

    page = paragraph("页码", S_PAGE, SONGTI, 14)  # 4号
    pf = page.paragraph_format
    pf.first_line_indent = Twips(0)
    pf.line_spacing = Pt(14)
    _condense(page, 0)
    _ppr_extra(page, ("snapToGrid", {"val": "0"}), ("ind", {"firstLineChars": "0"}))


def _page(doc: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Twips

    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")  # characters: the body style's condensed spacing
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))

    doc.settings.odd_and_even_pages_header_footer = True
    one_char = Twips(14 * 20)  # 空一字 (4号)
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),  # odd pages
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["页码"]
        p.alignment = align
        setattr(p.paragraph_format, f"{side}_indent", one_char)
        _page_field(p)


def _page_field(paragraph: Any) -> None:
    """— PAGE — : the page number as a field between em dashes."""
    from docx.oxml import parse_xml

    runs = (
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>'
    )
    for run in parse_xml(f'<w:x xmlns:w="{_W_NS}">{runs}</w:x>'):
        paragraph._p.append(run)


def _settings(doc: Any) -> None:
    from docx.oxml.ns import qn

    settings = doc.settings.element
    for tag in (qn("w:savePreviewPicture"), qn("w:rsids"), "{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        for el in settings.findall(tag):
            settings.remove(el)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
