"""HTML pages (a report as published on a government site) into blocks, with lxml.

Speed matters (hundreds of pages per second), so Python does not visit every node:
libxml2 parses, a small XSLT (C) flattens the page into one string with marks for line
breaks, tables, rows and cells, and Python splits that string.

- Block-level elements and ``<br>`` end a line; each line is a text block.
- A data table becomes one row block per ``<tr>`` on a grid that expands colspan and
  rowspan: a spanning cell's text sits at its top-left position, the positions it covers
  are ``""``. Paragraphs and lines inside one cell are joined with nothing between two
  CJK characters, else a space. A table that holds another table, or has no row of two
  cells, is layout: its cells are read as text and the tables inside it as tables.
- Skipped: script/style/head and form controls always; hidden elements; nav, header,
  footer, form, aside and elements whose class or id names navigation, menu, footer,
  breadcrumb, sidebar, top or bottom — unless they hold half of the page's text or more
  (some sites give the wrapper of the whole article such names).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..errors import UnreadableFile
from .blocks import Block
from .detect import decode_text

# Marks in the flattened string: Unicode noncharacters, reserved for internal use.
_BR, _TABLE, _ROW, _CELL, _ROWSPAN, _CONTENT, _END = (chr(0xFDD0 + i) for i in range(7))
_OWN_MARKS = re.compile(b"\xef\xb7[\x90-\x96]")  # the marks in UTF-8

_BLOCK_TAGS = (
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "main", "blockquote", "pre", "address", "center", "hr", "figure",
    "figcaption", "caption", "fieldset", "legend", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "details", "summary", "menu", "header", "footer", "nav", "aside", "form",
    "body",
)
_JUNK_TAGS = (
    "script", "style", "noscript", "head", "iframe", "frame", "frameset", "template",
    "object", "embed", "svg", "canvas", "select", "option", "button", "input", "textarea",
    "map", "audio", "video",
)
_DROP = "gongkai-drop"  # site chrome is renamed to this; the XSLT skips it
_HIDDEN_STYLE = "contains(@style, 'display:none') or contains(@style, 'display: none')"


def _stylesheet(hidden_spans: bool) -> etree.XSLT:
    """The flattening XSLT; ``hidden_spans`` adds a (slower) rule skipping hidden spans."""
    skip_hidden = (
        f'<xsl:template match="span[{_HIDDEN_STYLE}]|font[{_HIDDEN_STYLE}]" priority="2"/>'
        if hidden_spans
        else ""
    )
    source = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="{"|".join(_JUNK_TAGS)}|{_DROP}"/>{skip_hidden}
<xsl:template match="br">{_BR}</xsl:template>
<xsl:template match="{"|".join(_BLOCK_TAGS)}">{_BR}<xsl:apply-templates/>{_BR}</xsl:template>
<xsl:template match="table[not(.//table)][.//tr[count(td|th) &gt; 1]]" priority="2">
<xsl:apply-templates select="caption"/>{_TABLE}<xsl:for-each select=".//tr">{_ROW}<xsl:for-each
select="td|th">{_CELL}<xsl:value-of select="@colspan"/>{_ROWSPAN}<xsl:value-of
select="@rowspan"/>{_CONTENT}<xsl:apply-templates/></xsl:for-each></xsl:for-each>{_END}</xsl:template>
</xsl:stylesheet>"""
    return etree.XSLT(etree.XML(source.encode()))


_XSLT = _stylesheet(hidden_spans=False)
_XSLT_HIDDEN = _stylesheet(hidden_spans=True)
# Pages that hide nothing need no per-span style test (a case-sensitive literal is fast).
_HIDES = re.compile(rb"display\s*:\s*none")

_CHROME_TAGS = frozenset(("nav", "header", "footer", "form", "aside"))
# Paragraph-level and inline elements hold no site chrome worth looking for.
_LEAVES = frozenset(
    (
        "p", "span", "a", "font", "b", "i", "u", "em", "strong", "small", "big", "sub",
        "sup", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "img", "br", "hr",
        "label", "pre",
    )
)
_JUNK = frozenset(_JUNK_TAGS)
# class/id words of site chrome, and words that mark content despite a chrome word
# ("article-header" holds the title, "content-top" is content).
_CHROME_WORDS = frozenset(
    (
        "nav", "navbar", "navigation", "subnav", "topnav", "mainnav", "menu", "menus",
        "submenu", "footer", "foot", "ft", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "bread", "sidebar", "side", "aside", "header", "hd", "top", "topbar", "bottom",
        "copyright", "position", "location", "weizhi", "dqwz", "share", "sharebar",
        "fenxiang", "toolbar", "skip",
    )
)
_CONTENT_WORDS = frozenset(
    (
        "article", "content", "contents", "detail", "details", "zhengwen", "zw", "wenzhang",
        "trs", "editor", "xl", "post",
    )
)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = frozenset(("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"))

# A line mark with whitespace around it (the split catches any other whitespace).
_STRIP = _BR + " \t\r\n\f\v\xa0\u3000"

_CJK_CLASS = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Whitespace with a line break between two CJK characters is a source line wrap: nothing.
_CJK_WRAP = re.compile(rf"([{_CJK_CLASS}])[^\S\n]*\n\s*(?=[{_CJK_CLASS}])")
_CJK_END = re.compile(rf"[{_CJK_CLASS}]$")
_CJK_START = re.compile(rf"[{_CJK_CLASS}]")

MAX_SPAN = 100  # colspan/rowspan beyond this is junk markup, not a report table


def read_html(data: bytes) -> list[Block]:
    """Turn the bytes of an HTML page into blocks."""
    source = _utf8(data)
    if not source.strip():
        return []
    if b"\xef\xb7" in source:  # U+FDD0.. are the marks of the flattened string
        source = _OWN_MARKS.sub(b"", source)
    try:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
        root = etree.fromstring(source, parser)
        if root is None:
            return []  # nothing but comments
        _mark_chrome(root)
        flat = str((_XSLT_HIDDEN if _HIDES.search(source) else _XSLT)(root))
    except (etree.LxmlError, ValueError, UnicodeError, RecursionError) as exc:
        raise UnreadableFile("HTML 文件无法解析", "unparsable HTML") from exc
    return _blocks(flat)


def _utf8(data: bytes) -> bytes:
    """The page as UTF-8 bytes.

    Bytes that are valid UTF-8 are UTF-8 whatever the page declares (a stale
    declaration is common after a CMS migration, and GB text is practically never valid
    UTF-8). Otherwise a declared charset is honoured (gbk/gb2312 read as GB18030), else
    sniffed. A BOM, UTF-16 or a binary file go to ``decode_text``.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:8192]:
        return decode_text(data).encode("utf-8", "surrogatepass")
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        name = match.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode("gb18030" if name in _GB else name).encode("utf-8", "surrogatepass")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data).encode("utf-8", "surrogatepass")


# -- site chrome -------------------------------------------------------------------------


def _mark_chrome(root: Any) -> None:
    """Rename navigation, headers, footers and hidden elements to ``_DROP``.

    Only the page's frame is visited: the walk does not enter paragraphs, inline
    elements or data tables, where the bulk of a report's nodes are. An element that
    looks like chrome but holds half of the page's text or more is entered instead.
    """
    body = root.find("body")
    if body is None:
        return
    # Measure text without scripts and styles, which the page never shows.
    etree.strip_elements(body, "script", "style", "noscript", "template", with_tail=False)
    total: int | None = None
    verdicts: dict[str, bool] = {}
    stack = list(body)
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _JUNK:
            continue
        if _is_chrome(el, tag, verdicts):
            if total is None:
                total = _text_length(body)
            if _text_length(el) * 2 < total:
                el.tag = _DROP
                continue
        if tag not in _LEAVES and (tag != "table" or el.find(".//table") is not None):
            stack.extend(el)


def _text_length(el: Any) -> int:
    """Characters of text under ``el``, whitespace not counted (libxml2 serialises)."""
    return len("".join(etree.tostring(el, method="text", encoding=str, with_tail=False).split()))


def _is_chrome(el: Any, tag: str, verdicts: dict[str, bool]) -> bool:
    attrib = el.attrib
    if not attrib:
        return tag in _CHROME_TAGS and (tag not in ("header", "footer") or _outside_article(el))
    style = attrib.get("style", "").lower()
    if "hidden" in attrib or (("display" in style or "visibility" in style) and _HIDDEN.search(style)):
        return True
    if tag in ("header", "footer"):
        return _outside_article(el)  # an article's own header holds its title
    if tag in _CHROME_TAGS:
        return True
    names = f"{attrib.get('class', '')} {attrib.get('id', '')}"
    verdict = verdicts.get(names)
    if verdict is None:
        words = set(_WORD_SPLIT.split(_CAMEL.sub(" ", names).lower()))
        verdict = not words.isdisjoint(_CHROME_WORDS) and words.isdisjoint(_CONTENT_WORDS)
        verdicts[names] = verdict
    return verdict


def _outside_article(el: Any) -> bool:
    return not any(a.tag in ("article", "main") for a in el.iterancestors())


# -- the flattened string into blocks ---------------------------------------------------


def _blocks(flat: str) -> list[Block]:
    flat = _INVISIBLE.sub("", flat)
    flat = _CJK_WRAP.sub(r"\1", flat)
    blocks: list[Block] = []
    paragraphs = 0
    tables = 0
    for index, chunk in enumerate(flat.split(_TABLE)):
        if index:  # a table, then the text after it
            table, _, chunk = chunk.partition(_END)
            tables += 1
            for number, cells in _grid(table):
                blocks.append(Block("row", cells, len(blocks) + 1, f"表格{tables} 第{number}行"))
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
    no_spans = _CELL + _ROWSPAN + _CONTENT
    if table.count(no_spans) == table.count(_CELL):  # the common case: a plain grid
        plain = [[_cell_text(cell[2:]) for cell in row.split(_CELL)[1:]] for row in rows]
        width = max(map(len, plain), default=0)
        return [
            (r + 1, tuple(cells) + ("",) * (width - len(cells)))
            for r, cells in enumerate(plain)
            if any(cells)
        ]
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
    if _BR in content:
        content = content.strip(_STRIP)
        if _BR in content:
            return _join_lines(content.split(_BR))
    return " ".join(content.split())


def _join_lines(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        part = " ".join(piece.split())
        if not part:
            continue
        if out and not (_CJK_END.search(out) and _CJK_START.match(part)):
            out += " "
        out += part
    return out


def _span(value: str) -> int:
    try:
        span = int(value.strip().rstrip(";")) if value else 1
    except ValueError:
        return 1
    return min(max(span, 1), MAX_SPAN)
