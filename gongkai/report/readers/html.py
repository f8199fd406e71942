"""HTML pages (a report as published on a government site) into blocks, with lxml.

Speed matters (hundreds of pages per second), so no Python runs per node: libxml2
parses, a small XSLT (C) flattens the page into one string with private-use marks for
line breaks, tables, rows and cells, and Python only splits that string.

- Block-level elements and ``<br>`` end a line; each line is a text block.
- A data table becomes one row block per ``<tr>`` on a grid that expands colspan and
  rowspan: a spanning cell's text sits at its top-left position, the positions it covers
  are ``""``. Paragraphs inside one cell are joined with nothing between two CJK
  characters, else a space. A table that holds another table, or has no row of two
  cells, is layout: its cells are read as text and the tables inside it as tables.
- Skipped: script/style/head/forms controls always; nav/header/footer/form/aside, hidden
  elements and elements whose class or id says navigation, menu, footer, breadcrumb,
  sidebar, top or bottom — unless they hold most of the page's text (the wrapper of the
  whole article on some sites carries such names).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..errors import UnreadableFile
from .blocks import Block
from .detect import decode_text

# Private-use marks in the flattened string (stripped from the page's own text first).
_BR, _TABLE, _ROW, _CELL, _ROWSPAN, _CONTENT, _END = (chr(0xE000 + i) for i in range(7))
_MARKS = re.compile("[\ue000-\ue00f]")

_BLOCK_TAGS = (
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article main blockquote pre address "
    "center hr figure figcaption caption fieldset legend table thead tbody tfoot tr td th "
    "details summary menu header footer nav aside form body"
).split()
_JUNK_TAGS = (
    "script style noscript head iframe frame frameset template object embed svg canvas "
    "select option button input textarea map audio video"
).split()
_DROP = "data-gongkai-drop"  # set on chrome elements; the XSLT skips them

_XSLT = etree.XSLT(
    etree.XML(
        f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="{"|".join(_JUNK_TAGS)}"/>
<xsl:template match="*[@{_DROP}]" priority="3"/>
<xsl:template match="br">{_BR}</xsl:template>
<xsl:template match="{"|".join(_BLOCK_TAGS)}">{_BR}<xsl:apply-templates/>{_BR}</xsl:template>
<xsl:template match="table[not(.//table)][.//tr[count(td|th) &gt; 1]]" priority="2">
<xsl:apply-templates select="caption"/>{_TABLE}<xsl:for-each select=".//tr">{_ROW}<xsl:for-each
select="td|th">{_CELL}<xsl:value-of select="@colspan"/>{_ROWSPAN}<xsl:value-of
select="@rowspan"/>{_CONTENT}<xsl:apply-templates/></xsl:for-each></xsl:for-each>{_END}</xsl:template>
</xsl:stylesheet>""".encode()
    )
)

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# What may be site chrome is found in the source text with regexes (C speed); one XPath
# built from what was found then selects the candidate elements in a single scan.
_CHROME_TAG_SOURCE = re.compile(r"<(?:nav|header|footer|form|aside)\b", re.I)
_CHROME_TAG_TEST = "self::nav or self::header or self::footer or self::form or self::aside"
_HIDDEN_SOURCE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|\shidden\b", re.I)
_HIDDEN_TEST = (
    f"@hidden or contains(translate(@style, '{_UPPER} ', '{_UPPER.lower()}'), 'display:none')"
    f" or contains(translate(@style, '{_UPPER} ', '{_UPPER.lower()}'), 'visibility:hidden')"
)
_NAME_SOURCE = re.compile(r"""\b(class|id)\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>=`]+))""", re.I)
_CHROME_HINT = re.compile(r"nav|menu|foot|ft|crumb|bread|side|head|hd|top|bottom|copyright|"
                          r"position|location|weizhi|dqwz|share|fenxiang|toolbar|skip", re.I)
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
_CHROME_TAGS = frozenset(("nav", "header", "footer", "form", "aside"))
# class/id words of site chrome, and words that mark content despite a chrome word
# ("article-header" holds the title, "content-top" is content).
_CHROME_WORDS = frozenset(
    "nav navbar navigation subnav topnav mainnav menu menus submenu footer foot ft breadcrumb "
    "breadcrumbs crumb crumbs bread sidebar side aside header hd top topbar bottom copyright "
    "position location weizhi dqwz share sharebar fenxiang toolbar skip".split()
)
_CONTENT_WORDS = frozenset(
    "article content contents detail details zhengwen zw wenzhang trs editor xl post".split()
)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = frozenset(("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"))

_CJK_CLASS = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Whitespace with a line break between two CJK characters is a source line wrap: nothing.
_CJK_WRAP = re.compile(rf"(?<=[{_CJK_CLASS}])[^\S\n]*\n\s*(?=[{_CJK_CLASS}])")
_CJK_END = re.compile(rf"[{_CJK_CLASS}]$")
_CJK_START = re.compile(rf"[{_CJK_CLASS}]")

MAX_SPAN = 100  # colspan/rowspan beyond this is junk markup, not a report table


def read_html(data: bytes) -> list[Block]:
    """Turn the bytes of an HTML page into blocks."""
    text = _decode(data)
    if _MARKS.search(text):
        text = _MARKS.sub("", text)
    if not text.strip():
        return []
    try:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
        if root is None:
            return []  # nothing but comments
        _mark_chrome(root, text)
        flat = str(_XSLT(root))
    except (etree.LxmlError, ValueError, UnicodeError, RecursionError) as exc:
        raise UnreadableFile("HTML 文件无法解析", "unparsable HTML") from exc
    return _blocks(flat)


def _decode(data: bytes) -> str:
    """Honour a declared charset (gbk/gb2312 read as GB18030), else sniff UTF-8/GB18030."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data)
    match = _META_CHARSET.search(data[:8192])
    if match:
        name = match.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode("gb18030" if name in _GB else name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration (common after a CMS migration): sniff instead
    return decode_text(data)


# -- site chrome -------------------------------------------------------------------------


def _mark_chrome(root: Any, source: str) -> None:
    """Set ``_DROP`` on navigation, headers, footers and hidden elements."""
    tests = []
    if _CHROME_TAG_SOURCE.search(source):
        tests.append(_CHROME_TAG_TEST)
    if _HIDDEN_SOURCE.search(source):
        tests.append(_HIDDEN_TEST)
    names: set[tuple[str, str]] = set()
    for match in _NAME_SOURCE.finditer(source):
        value = match.group(2) or match.group(3) or match.group(4) or ""
        if "'" not in value and "&" not in value and _CHROME_HINT.search(value):
            names.add((match.group(1).lower(), value))
    tests.extend(f"@{attr}='{value}'" for attr, value in names if _is_chrome_name(value))
    if not tests:
        return
    candidates = root.xpath(f"//*[{' or '.join(tests)}]")
    if not candidates:
        return
    # Measure text without scripts and styles, which the page never shows.
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    body = root.find("body")
    total = _TEXT_LENGTH(body if body is not None else root)
    for el in candidates:
        if _is_chrome(el) and _TEXT_LENGTH(el) * 2 < total:
            el.set(_DROP, "1")


def _is_chrome(el: Any) -> bool:
    attrib = el.attrib
    if "hidden" in attrib or _HIDDEN.search(attrib.get("style", "")):
        return True
    tag = el.tag
    if tag in ("header", "footer"):
        # An article's own header (its title) or footer is content.
        return not any(a.tag in ("article", "main") for a in el.iterancestors())
    if tag in _CHROME_TAGS:
        return True
    return _is_chrome_name(f"{attrib.get('class', '')} {attrib.get('id', '')}")


def _is_chrome_name(names: str) -> bool:
    """Whether class/id words name site chrome and no word names the content."""
    words = set(_WORD_SPLIT.split(_CAMEL.sub(" ", names).lower()))
    return not words.isdisjoint(_CHROME_WORDS) and words.isdisjoint(_CONTENT_WORDS)


# -- the flattened string into blocks ---------------------------------------------------


def _blocks(flat: str) -> list[Block]:
    flat = _INVISIBLE.sub("", flat)
    flat = _CJK_WRAP.sub("", flat)
    blocks: list[Block] = []
    paragraphs = 0
    tables = 0
    for index, chunk in enumerate(flat.split(_TABLE)):
        if index:  # a table, then the text after it
            table, _, chunk = chunk.partition(_END)
            tables += 1
            where = f"表格{tables} 第{{}}行"
            for number, cells in _grid(table):
                blocks.append(Block("row", cells, len(blocks) + 1, where.format(number)))
        for piece in chunk.split(_BR):
            line = " ".join(piece.split())
            if line:
                paragraphs += 1
                blocks.append(Block("text", (line,), len(blocks) + 1, f"第{paragraphs}段"))
    return blocks


def _grid(table: str) -> list[tuple[int, tuple[str, ...]]]:
    """The table's rows (1-based number, cells) on a grid with spans expanded.

    Rows whose cells are all empty are left out (their number is still counted).
    """
    rows = table.split(_ROW)[1:]
    grid: list[dict[int, str]] = [{} for _ in rows]
    for r, row in enumerate(rows):
        placed = grid[r]
        c = 0
        for cell in row.split(_CELL)[1:]:
            colspan, _, rest = cell.partition(_ROWSPAN)
            rowspan, _, content = rest.partition(_CONTENT)
            while c in placed:
                c += 1
            placed[c] = _cell_text(content)
            cs = _span(colspan)
            rs = min(_span(rowspan), len(rows) - r)
            if cs > 1 or rs > 1:
                for dr in range(rs):
                    covered = grid[r + dr]
                    for dc in range(cs):
                        if dr or dc:
                            covered.setdefault(c + dc, "")
            c += cs
    width = max((max(placed) + 1 for placed in grid if placed), default=0)
    out: list[tuple[int, tuple[str, ...]]] = []
    for r, placed in enumerate(grid):
        cells = tuple(placed.get(c, "") for c in range(width))
        if any(cells):
            out.append((r + 1, cells))
    return out


def _cell_text(content: str) -> str:
    """A cell's paragraphs and lines, whitespace collapsed, joined CJK-aware."""
    out = ""
    for piece in content.split(_BR):
        part = " ".join(piece.split())
        if not part:
            continue
        if out and not (_CJK_END.search(out) and _CJK_START.match(part)):
            out += " "
        out += part
    return out


def _span(value: str) -> int:
    if not value:
        return 1
    try:
        span = int(value.strip().rstrip(";"))
    except ValueError:
        return 1
    return min(max(span, 1), MAX_SPAN)
