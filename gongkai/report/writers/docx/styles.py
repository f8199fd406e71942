"""The DOCX page and styles (GB/T 9704-2012): A4 with a 156 × 225 mm text block on a grid of
22 lines × 28 characters, the official faces with their fallback names, the paragraph and
character styles (Chinese names, ASCII ids) set for East Asian and Latin text alike, and the odd
and even footers with the page number “— N —”. Applied once, with python-docx, to the template
the package is built from; python-docx is imported only then.
"""

from __future__ import annotations

from typing import Any


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

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# -- applied to python-docx's template -----------------------------------------------------


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
