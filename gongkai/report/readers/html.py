"""HTML pages (a report as published on a government site) into blocks, with Lexbor.

Speed matters (hundreds of pages per second), so Python visits few nodes: Lexbor (through
selectolax) parses the page as a browser does (HTML5); CSS selections (C) find scripts,
styles, tables, junk and hidden spans, which are taken out; a walk over the page's frame
(not its paragraphs or tables) takes out the site chrome. Data tables are read cell by
cell (one C call per cell for its text); the rest of the body is serialised, and regular
expressions (C) turn that markup, which Lexbor writes regularly, into text with line
marks. Invalid UTF-8 costs nothing until it shows: Lexbor reads bytes as UTF-8, and only
text holding U+FFFD sends the page to be decoded (a declared charset, GB18030) and read
again.

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

import itertools
import re
from typing import Any

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser

from ..errors import UnreadableFile
from ..textnorm import join_cell_lines
from .blocks import Block
from .detect import decode_text

# The line mark in flattened text: NUL, which an HTML parser never leaves in a page's
# text (it drops it, or makes it U+FFFD), so no page can forge one.
_BR = "\x00"
# Separates a cell's pieces of text when reading it (one piece: the cell's text). A page
# that holds this noncharacter only sends a cell the slower, exact way.
_SEP = "\ufdd7"
# What a data table is replaced by in the tree; split on in the serialised markup. A page
# holding such an element itself is read again with another name.
_PLACEHOLDERS = ("gongkai-table", "gongkai-table-2", "gongkai-table-3")

_BLOCK_TAGS = (
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "main", "blockquote", "pre", "address", "center", "hr", "figure",
    "figcaption", "caption", "fieldset", "legend", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "details", "summary", "menu", "header", "footer", "nav", "aside", "form",
    "body",
)
# Never shown. The first four are not even counted as the page's text.
_UNCOUNTED = ("script", "style", "noscript", "template")
_JUNK_TAGS = (
    *_UNCOUNTED, "head", "iframe", "frame", "frameset", "object", "embed", "svg", "canvas",
    "select", "option", "button", "input", "textarea", "map", "audio", "video",
)
# The junk that can hold text (the rest are void elements, or never in a body).
_TEXT_JUNK = (
    "iframe", "object", "svg", "canvas", "select", "option", "button", "textarea", "map",
    "audio", "video",
)
# Spans (and fonts) hidden inline, inside paragraphs and cells where the chrome walk does
# not go: styled display:none. The selector finds more (any "none"), _hidden decides.
_HIDDEN_STYLES = ("display:none", "display: none")
_HIDDEN_SPANS = 'span[style*="none"],font[style*="none"]'

# The first pass over the tree: what is not counted as text, and the tables. (A
# template's content is not in the tree's text anyway, only in its markup: _markup.)
_FIRST_PASS = "script,style,noscript,table"
# A data table's own pass: its junk, hidden spans, and cells that span.
_TABLE_PASS = ",".join((*_TEXT_JUNK, _HIDDEN_SPANS, "[colspan]", "[rowspan]"))
# The body's pass, after the data tables are read, when its markup shows junk or a
# hidden style.
_BODY_PASS = ",".join((*_TEXT_JUNK, _HIDDEN_SPANS))
# Elements whose content Lexbor keeps as raw text (as libxml2 does): shown as text.
_RAW_TEXT = ("xmp", "plaintext", "noembed", "noframes")

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
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_GB = frozenset(("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"))


def _trie(words: tuple[str, ...]) -> str:
    """A regular expression for any of ``words``, as a trie: one branch tried per letter,
    not one per word."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    alternatives = []
    for first, rests in sorted(branches.items()):
        if not first:
            continue
        rest = _trie(tuple(r for r in rests if r))
        if rest and "" in rests:
            rest = f"(?:{rest})?"
        alternatives.append(re.escape(first) + rest)
    if len(alternatives) < 2:
        return "".join(alternatives)
    return f"(?:{'|'.join(alternatives)})"


# Lexbor serialises regularly: lower-case tag names; attribute values in double quotes
# with &, <, > and " escaped; text with &, <, > and no-break space escaped (raw-text
# elements aside, see _markup). So every "<" opens a tag or a comment, a tag ends at the
# first ">", and four replacements unescape the text.
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINE_TAG = re.compile(rf"</?{_trie((*_BLOCK_TAGS, 'br'))}(?=[\s>])[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_RAW_IN_MARKUP = re.compile(rf"<{_trie((*_RAW_TEXT, 'template'))}[\s>]")
_SPECIAL_IN_MARKUP = re.compile(rf"<{_trie((*_TEXT_JUNK, *_RAW_TEXT, 'template'))}[\s>]")

# A line mark with whitespace around it (the split catches any other whitespace).
_STRIP = _BR + " \t\r\n\f\v\xa0\u3000"
_LINE_BREAKS = re.compile(rf"{_BR}[\s{_BR}]*")  # line marks and whitespace between them

_CJK_CLASS = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Whitespace with a line break between two CJK characters is a source line wrap: nothing.
_CJK_WRAP = re.compile(rf"([{_CJK_CLASS}])[^\S\n]*\n\s*(?=[{_CJK_CLASS}])")

MAX_SPAN = 100  # colspan/rowspan beyond this is junk markup, not a report table
_WO_EVENTS = LexborDocumentOptions.WO_EVENTS.value
_MAX_ENTERED = 32  # chrome elements holding half the page entered, nested: real pages have 1-3


def _tag_ids(tags: tuple[str, ...]) -> frozenset[int]:
    """Lexbor's ids of ``tags`` (fixed for the tags HTML defines, but not part of
    selectolax's API, so asked of Lexbor): comparing ids is cheaper than names."""
    tree = LexborHTMLParser("")
    return frozenset(tree.create_node(tag).tag_id for tag in tags)


def _node_ids() -> frozenset[int]:
    """Lexbor's ids of text and comment nodes."""
    div: Any = LexborHTMLParser("<div>text<!-- comment --></div>").css_first("div")
    return frozenset((div.first_child.tag_id, div.last_child.tag_id))


_ROW_GROUP_IDS = _tag_ids(("thead", "tbody", "tfoot"))
_CELL_IDS = _tag_ids(("td", "th"))
(_TR_ID,) = _tag_ids(("tr",))
(_CAPTION_ID,) = _tag_ids(("caption",))
(_TABLE_ID,) = _tag_ids(("table",))
_SPAN_IDS = _tag_ids(("span", "font"))
_JUNK_IDS = _tag_ids(_JUNK_TAGS)
_SKIPPED_IDS = _JUNK_IDS | _node_ids()
_CHROME_IDS = _tag_ids(tuple(_CHROME_TAGS))
_HEADER_IDS = _tag_ids(("header", "footer"))
_ARTICLE_IDS = _tag_ids(("article", "main"))
_LEAF_IDS = _tag_ids(tuple(_LEAVES))


# A data table as read from the tree: its caption's text (with line marks), its rows of
# cell contents (text with line marks), and the (row, cell) positions of the cells that
# have colspan/rowspan, with those values.
_Table = tuple[str, list[list[str]], dict[tuple[int, int], tuple[str, str]]]


def read_html(data: bytes) -> list[Block]:
    """Turn the bytes of an HTML page into blocks."""
    decoded = data.startswith(_BOMS) or b"\x00" in data[:8192]
    source = _utf8(data) if decoded else data
    while True:
        if not source or source.isspace():  # (strip() would copy the page)
            return []
        try:
            chunks, tables = _read(source)
        except (ValueError, UnicodeError, RecursionError, MemoryError) as exc:
            raise UnreadableFile("HTML 文件无法解析", "unparsable HTML") from exc
        # Lexbor reads bytes as UTF-8, an invalid sequence as U+FFFD. Only when the text
        # holds one are the bytes checked (that costs a tenth of reading the page); when
        # they are not UTF-8, the page is read again, decoded.
        if decoded or not _replaced(chunks, tables):
            return _blocks(chunks, tables)
        source = _utf8(data)
        if source is data:
            return _blocks(chunks, tables)  # UTF-8 that holds U+FFFD
        decoded = True


def _replaced(chunks: list[str], tables: list[_Table]) -> bool:
    if any("\ufffd" in chunk for chunk in chunks):
        return True
    return any("\ufffd" in caption + "".join(map("".join, rows)) for caption, rows, _ in tables)


def _utf8(data: bytes) -> bytes:
    """The page as UTF-8 bytes.

    Bytes that are valid UTF-8 are UTF-8 whatever the page declares (a stale
    declaration is common after a CMS migration, and GB text is practically never valid
    UTF-8). Otherwise a declared charset is honoured (gbk/gb2312 read as GB18030), else
    sniffed. A BOM, UTF-16 or a binary file go to ``decode_text``.
    """
    if data.startswith(_BOMS) or b"\x00" in data[:8192]:
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


# -- the tree --------------------------------------------------------------------------


def _read(
    source: bytes, measure_first: bool = False, attempt: int = 0
) -> tuple[list[str], list[_Table]]:
    """The body's text with line marks, in chunks around its data tables, and the data
    tables.

    ``measure_first``: measure the page's text before looking for chrome (see
    ``_drop_chrome``). ``attempt``: which of ``_PLACEHOLDERS`` stands in for tables.
    """
    # <noscript> content as raw text; no DOM mutation events (nothing here listens).
    tree = LexborHTMLParser(source, options=_WO_EVENTS, scripting=True)
    body = tree.body
    if body is None:
        return [""], []  # a frameset
    tables = []
    for node in body.css(_FIRST_PASS):
        if node.tag_id == _TABLE_ID:
            tables.append(node)
        else:  # the page's text is measured without scripts and styles
            node.decompose(recursive=False)
    holders = _holders(tables)
    needed = _drop_chrome(body, holders, measure_first)
    junk = 0  # text length of the junk taken out, while ``needed`` asks for it
    visible: dict[int, bool] = {body.mem_id: True}
    data: list[_Table] = []
    for node in tables:
        if node.mem_id in holders or not _visible(node, visible):
            continue  # holds a table (layout), or is in chrome, junk or a hidden span
        spanning: set[int] = set()
        for inner in node.css(_TABLE_PASS):
            if inner.tag_id in _CELL_IDS and not _hidden(inner):
                spanning.add(inner.mem_id)
            else:
                junk += _drop_junk(inner, visible, needed >= 0)
        table = _read_table(node, spanning, tree.create_node(_PLACEHOLDERS[attempt]))
        if table is not None:
            data.append(table)
    # Junk, hidden spans and raw text outside data tables show in the markup, where they
    # are rare: one search for them, and a pass over the tree only when found.
    markup: str = body.html or ""
    hidden = "none" in markup and any(style in markup for style in _HIDDEN_STYLES)
    if hidden or _SPECIAL_IN_MARKUP.search(markup):
        for node in body.css(_BODY_PASS):
            junk += _drop_junk(node, visible, needed >= 0)
        markup = _markup(body)
    chunks = [_flatten(part) for part in markup.split(f"<{_PLACEHOLDERS[attempt]}>")]
    if len(chunks) != len(data) + 1:  # the page holds such an element itself
        if attempt + 1 == len(_PLACEHOLDERS):
            raise ValueError("the page holds the placeholders of tables")
        return _read(source, measure_first, attempt + 1)
    if needed >= 0 and not _exceeds(chunks, data, needed - junk):
        return _read(source, True, attempt)  # rare: chrome may hold half the page
    return chunks, data


def _hidden(node: Any) -> bool:
    """A span or font styled display:none."""
    if node.tag_id not in _SPAN_IDS:
        return False
    style = node.attributes.get("style") or ""
    return any(hidden in style for hidden in _HIDDEN_STYLES)


def _drop_junk(node: Any, visible: dict[int, bool], measure: bool) -> int:
    """Take ``node`` out if it is junk or a hidden span; with ``measure``, the length of
    the text taken out (0 if inside something taken out already)."""
    if node.tag_id not in _JUNK_IDS and not _hidden(node):
        return 0  # matched [colspan], [rowspan] or a hidden style, and is neither
    length = _text_length(node) if measure and _visible(node.parent, visible) else 0
    node.decompose(recursive=False)
    visible[node.mem_id] = False
    return length


def _holders(tables: list[Any]) -> set[int]:
    """The tables (mem_id) that hold a table: each table's nearest table ancestor."""
    holders = set()
    for table in tables:
        node = table.parent
        while node is not None and node.tag_id != _TABLE_ID:
            node = node.parent
        if node is not None:
            holders.add(node.mem_id)
    return holders


def _visible(node: Any, known: dict[int, bool]) -> bool:
    """Whether ``node`` is still in the page and in no junk or hidden span; ``known``
    remembers the answer for every node passed on the way up."""
    path = []
    answer = False  # if the way up ends at the top of a subtree taken out of the tree
    while node is not None:
        seen = known.get(node.mem_id)
        if seen is not None:
            answer = seen
            break
        path.append(node)
        node = node.parent
    for node in reversed(path):
        if answer and (node.tag_id in _JUNK_IDS or _hidden(node)):
            answer = False
        known[node.mem_id] = answer
    return answer


def _exceeds(chunks: list[str], tables: list[_Table], needed: int) -> bool:
    """Whether what ``_read`` found holds more than ``needed`` characters of text,
    whitespace and marks not counted (counted piece by piece until it does)."""
    tables_text = (caption + "".join(map("".join, rows)) for caption, rows, _ in tables)
    amount = 0
    for piece in itertools.chain(chunks, tables_text):
        amount += len("".join(piece.split())) - piece.count(_BR)
        if amount > needed:
            return True
    return False


def _markup(node: Any) -> str:
    """The node serialised; elements kept as raw text (xmp, …) turned into plain text,
    templates (whose content the markup holds, the tree's text not) taken out."""
    markup: str = node.html or ""
    if _RAW_IN_MARKUP.search(markup):
        for raw in node.css(",".join((*_RAW_TEXT, "template"))):
            if raw.tag == "template":
                raw.decompose(recursive=False)
            else:
                raw.replace_with(raw.text())
        markup = node.html or ""
    return markup


# -- site chrome -------------------------------------------------------------------------


def _drop_chrome(body: Any, holders: set[int], measure_first: bool) -> int:
    """Remove navigation, headers, footers and hidden elements.

    Only the page's frame is visited: the walk does not enter paragraphs, inline
    elements or data tables (``holders`` are the tables that hold a table), where the bulk
    of a report's nodes are. An element that looks like chrome but holds half of the
    page's text or more is entered instead.

    Measuring the page's text costs about as much as reading it, so it is put off: all
    the chrome found is taken out, and when none of it holds as much as the rest of it
    put together, none can hold half the page: -1. Else the length that the rest of the
    page's text must exceed is returned; ``_read`` knows that length once it has read
    the page, and in the rare case it falls short reads the page again with
    ``measure_first``.
    """
    total = _text_length(body) if measure_first else None
    found = _find_chrome(body, holders, total)
    for el, _ in found:
        el.decompose(recursive=False)
    if total is not None or not found:
        return -1
    needed = max(length for _, length in found) * 2 - sum(length for _, length in found)
    return needed if needed >= 0 else -1


def _find_chrome(body: Any, holders: set[int], total: int | None) -> list[tuple[Any, int]]:
    """The chrome elements and their text lengths; with ``total`` (the page's text
    length), those holding half of it or more are entered instead."""
    found: list[tuple[Any, int]] = []
    verdicts: dict[str, bool] = {}
    entered = 0  # chrome entered; bounded, as measuring nested chrome is quadratic
    later: list[Any] = []  # next siblings of the elements entered
    el = body.first_child
    while True:
        if el is None:
            if not later:
                return found
            el = later.pop()
            continue
        tag = el.tag_id
        if tag in _SKIPPED_IDS:  # text, comments, junk
            el = el.next
            continue
        attrib = el.attributes
        if (attrib or tag in _CHROME_IDS) and _is_chrome(el, tag, attrib, verdicts):
            length = _text_length(el)
            if total is None or length * 2 < total:
                found.append((el, length))
                el = el.next
                continue
            entered += 1
            if entered > _MAX_ENTERED:
                el = el.next
                continue
        if tag not in _LEAF_IDS and (tag != _TABLE_ID or el.mem_id in holders):
            later.append(el.next)
            el = el.first_child
        else:
            el = el.next


def _text_length(el: Any) -> int:
    """Characters of text under ``el``, whitespace not counted (Lexbor's own
    textContent: one buffer, where ``text()`` appends piece by piece)."""
    return len("".join(el.text_lexbor().split()))


def _is_chrome(el: Any, tag: int, attrib: dict[str, str | None], verdicts: dict[str, bool]) -> bool:
    if not attrib:
        return tag in _CHROME_IDS and (tag not in _HEADER_IDS or _outside_article(el))
    style = (attrib.get("style") or "").lower()
    if "hidden" in attrib or (("display" in style or "visibility" in style) and _HIDDEN.search(style)):
        return True
    if tag in _HEADER_IDS:
        return _outside_article(el)  # an article's own header holds its title
    if tag in _CHROME_IDS:
        return True
    names = f"{attrib.get('class') or ''} {attrib.get('id') or ''}"
    verdict = verdicts.get(names)
    if verdict is None:
        words = set(_WORD_SPLIT.split(_CAMEL.sub(" ", names).lower()))
        verdict = not words.isdisjoint(_CHROME_WORDS) and words.isdisjoint(_CONTENT_WORDS)
        verdicts[names] = verdict
    return verdict


def _outside_article(el: Any) -> bool:
    parent = el.parent
    while parent is not None:
        if parent.tag_id in _ARTICLE_IDS:
            return False
        parent = parent.parent
    return True


# -- data tables, read from the tree ------------------------------------------------------


def _read_table(table: Any, spanning: set[int], placeholder: Any) -> _Table | None:
    """A data table's caption and cells, the table replaced in the tree by
    ``placeholder``; None for a table with no row of two cells (layout), left as it is.

    ``spanning``: the cells with colspan or rowspan (their mem_id). The tree is walked
    with first_child/next and tag ids, as a table may have hundreds of cells.
    """
    contents: list[list[str]] = []
    spans: dict[tuple[int, int], tuple[str, str]] = {}
    captions = []
    part = table.first_child
    while part is not None:  # HTML5 puts every row in a thead, tbody or tfoot
        tag = part.tag_id
        if tag in _ROW_GROUP_IDS:
            row = part.first_child
            while row is not None:
                if row.tag_id == _TR_ID:
                    texts: list[str] = []
                    cell = row.first_child
                    while cell is not None:
                        if cell.tag_id in _CELL_IDS:
                            text = cell.text(True, _SEP, False, True)  # not all whitespace
                            if _SEP in text:  # several pieces of text: the markup has lines
                                text = _flatten(_markup(cell))  # (_content, inlined)
                            if spanning and cell.mem_id in spanning:
                                attrs = cell.attributes
                                spans[len(contents), len(texts)] = (
                                    attrs.get("colspan") or "",
                                    attrs.get("rowspan") or "",
                                )
                            texts.append(text)
                        cell = cell.next
                    contents.append(texts)
                row = row.next
        elif tag == _CAPTION_ID:
            captions.append(part)
        part = part.next
    if max(map(len, contents), default=0) < 2:
        return None
    caption = _BR.join(map(_content, captions))
    table.replace_with(placeholder)
    return caption, contents, spans


def _content(node: Any) -> str:
    """The text under ``node`` with line marks: one piece of text needs no markup."""
    text: str = node.text(True, _SEP, False, True)
    return _flatten(_markup(node)) if _SEP in text else text


# -- serialised markup into text with line marks ------------------------------------------


def _flatten(markup: str) -> str:
    """Lines marked, tags gone, text unescaped."""
    if "<!--" in markup:
        markup = _COMMENT.sub("", markup)
    flat = _TAG.sub("", _LINE_TAG.sub(_BR, markup))
    if "&" in flat:
        flat = flat.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\xa0")
        flat = flat.replace("&amp;", "&")
    return flat


# -- text with line marks into blocks ---------------------------------------------------


def _blocks(chunks: list[str], tables: list[_Table]) -> list[Block]:
    blocks: list[Block] = []
    new = tuple.__new__  # Block(...) without the Python-level __new__ of a NamedTuple
    paragraphs = 0
    for index, chunk in enumerate(chunks):
        if index:  # a table (its caption's lines first), then the text after it
            caption, rows, spans = tables[index - 1]
            if caption:
                paragraphs = _lines(caption, blocks, paragraphs)
            where = f"表格{index} 第"
            for number, cells in _grid(rows, spans):
                blocks.append(new(Block, ("row", cells, len(blocks) + 1, f"{where}{number}行")))
        paragraphs = _lines(chunk, blocks, paragraphs)
    return blocks


def _lines(text: str, blocks: list[Block], paragraphs: int) -> int:
    """Append the lines of ``text`` (with line marks) to ``blocks`` as text blocks, after
    ``paragraphs`` of them; how many there are then."""
    if _has_invisible(text):
        text = _INVISIBLE.sub("", text)
    new = tuple.__new__
    for piece in _LINE_BREAKS.split(text):
        line = " ".join(piece.split())
        if line:
            if "\n" in piece:  # a source line wrap between CJK characters is nothing
                line = " ".join(_CJK_WRAP.sub(r"\1", piece).split())
            paragraphs += 1
            where = _PARAGRAPHS[paragraphs] if paragraphs < 1000 else f"第{paragraphs}段"
            blocks.append(new(Block, ("text", (line,), len(blocks) + 1, where)))
    return paragraphs


_PARAGRAPHS = [f"第{n}段" for n in range(1000)]


def _has_invisible(text: str) -> bool:
    return any(char in text for char in _INVISIBLE_CHARS)  # a search per character: fast


def _grid(
    rows: list[list[str]], spans: dict[tuple[int, int], tuple[str, str]]
) -> list[tuple[int, tuple[str, ...]]]:
    """The table's rows (1-based number, cells) on a grid with spans expanded.

    Rows whose cells are all empty are left out (their number is still counted).
    """
    texts = "".join(map("".join, rows))
    if _has_invisible(texts):
        rows = [[_INVISIBLE.sub("", cell) for cell in row] for row in rows]
    if _BR in texts or "\n" in texts:
        rows = [[_cell_text(cell) for cell in row] for row in rows]
    else:
        rows = [[" ".join(cell.split()) for cell in row] for row in rows]
    if not spans:  # the common case: a plain grid
        width = max(map(len, rows), default=0)
        return [
            (r + 1, (*cells, *("",) * (width - len(cells))))
            for r, cells in enumerate(rows)
            if any(cells)
        ]
    key = (tuple(map(len, rows)), tuple(spans.items()))
    layout = _LAYOUTS.get(key)
    if layout is None:
        if len(_LAYOUTS) >= 256:
            _LAYOUTS.clear()
        layout = _LAYOUTS[key] = _layout(key[0], spans)
    out: list[tuple[int, tuple[str, ...]]] = []
    for r, (cells, sources) in enumerate(zip(rows, layout, strict=True)):
        cells.append("")  # what source -1 names: a covered or empty position
        line = tuple(map(cells.__getitem__, sources))
        if any(line):
            out.append((r + 1, line))
    return out


# Layouts of tables with spans by their shape (row lengths, spans): the national report
# tables come in few shapes, and placing cells is the costly part of reading a table.
_LAYOUTS: dict[
    tuple[tuple[int, ...], tuple[tuple[tuple[int, int], tuple[str, str]], ...]],
    list[tuple[int, ...]],
] = {}


def _layout(
    lengths: tuple[int, ...], spans: dict[tuple[int, int], tuple[str, str]]
) -> list[tuple[int, ...]]:
    """For each row of the grid, for each position: the index of the row's cell whose
    text goes there, or -1 for ``""`` (covered by a span, or no cell at all).

    A cell goes to the first free position at or after the previous cell's end; a span
    covers its positions that are still free.
    """
    grid: list[dict[int, int]] = [{} for _ in lengths]
    for r, length in enumerate(lengths):
        placed = grid[r]
        c = 0
        for i in range(length):
            while c in placed:
                c += 1
            placed[c] = i
            span = spans.get((r, i))
            if span is None:
                c += 1
                continue
            cs = _span(span[0])
            for dr in range(min(_span(span[1]), len(lengths) - r)):
                covered = grid[r + dr]
                for dc in range(cs):
                    if dr or dc:
                        covered.setdefault(c + dc, -1)
            c += cs
    width = max((max(placed) + 1 for placed in grid if placed), default=0)
    return [tuple(placed.get(c, -1) for c in range(width)) for placed in grid]


def _cell_text(content: str) -> str:
    """A cell's paragraphs and lines, whitespace collapsed, joined CJK-aware."""
    if "\n" in content:  # a source line wrap between CJK characters is nothing
        content = _CJK_WRAP.sub(r"\1", content)
    if _BR in content:
        content = content.strip(_STRIP)
        if _BR in content:
            return join_cell_lines(content.split(_BR))
    return " ".join(content.split())


def _span(value: str) -> int:
    try:
        span = int(value.strip().rstrip(";")) if value else 1
    except ValueError:
        return 1
    return min(max(span, 1), MAX_SPAN)
