"""HTML pages (a report as published on a government site) into blocks, with Lexbor.

Speed matters (hundreds of pages per second), so Python does not visit every node:
Lexbor (through selectolax) parses, removes junk, site chrome and hidden elements with
CSS selections, and serialises what is left; regular expressions (C) then turn that
normalised markup into one string with marks for line breaks, tables, rows and cells, and
Python splits that string.

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

from selectolax.lexbor import LexborHTMLParser

from ..errors import UnreadableFile
from .blocks import Block
from .detect import decode_text

# Marks in the flattened string: Unicode noncharacters, reserved for internal use.
_BR, _TABLE, _ROW, _CELL, _ROWSPAN, _CONTENT, _END, _SEP = (chr(0xFDD0 + i) for i in range(8))
_OWN_MARKS = re.compile(b"\xef\xb7[\x90-\x97]")  # the marks in UTF-8

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
# Spans hidden inline (inside paragraphs and cells, where the chrome walk does not go).
_HIDDEN_SPANS = ",".join(
    f'{tag}[style*="{style}"]' for tag in ("span", "font") for style in ("display:none", "display: none")
)
_HIDES = re.compile(rb"display\s*:\s*none")
# The first pass over the tree: what is not counted as text, and the tables. The second
# (after the chrome is gone): the rest of the junk, cells that span, hidden spans.
_FIRST_PASS = ",".join((*_UNCOUNTED, "table"))
# Junk that holds no text (void elements; head and frames never in a body) is left in.
_TEXTLESS = frozenset(("head", "frame", "frameset", "embed", "input"))
_JUNK_SELECTOR = ",".join(
    (*(t for t in _JUNK_TAGS if t not in _UNCOUNTED and t not in _TEXTLESS), "[colspan]", "[rowspan]")
)
_JUNK_AND_HIDDEN = f"{_JUNK_SELECTOR},{_HIDDEN_SPANS}"
_CELL_TAGS = frozenset(("td", "th"))
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
    """A regular expression matching any of ``words``, as a trie (one branch per letter
    tried, not one per word)."""
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


# Lexbor's serialisation is regular: lower-case tag names, attribute values in double
# quotes with <, >, & and " escaped, text with <, >, & and no-break space escaped. So
# every "<" opens a tag or a comment, and a tag ends at the first ">".
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINE_TAG = re.compile(rf"</?{_trie((*_BLOCK_TAGS, 'br'))}(?=[\s>])[^>]*>")
_TAG = re.compile(r"<[^>]*>")

# A line mark with whitespace around it (the split catches any other whitespace).
_STRIP = _BR + " \t\r\n\f\v\xa0\u3000"

_CJK_CLASS = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Whitespace with a line break between two CJK characters is a source line wrap: nothing.
_CJK_WRAP = re.compile(rf"([{_CJK_CLASS}])[^\S\n]*\n\s*(?=[{_CJK_CLASS}])")
_LINE_BREAKS = re.compile(rf"{_BR}[\s{_BR}]*")
_CJK_END = re.compile(rf"[{_CJK_CLASS}]$")
_CJK_START = re.compile(rf"[{_CJK_CLASS}]")

MAX_SPAN = 100  # colspan/rowspan beyond this is junk markup, not a report table
_MAX_ENTERED = 256  # chrome holding half the page entered (libxml2 stopped at depth 256)


def read_html(data: bytes) -> list[Block]:
    """Turn the bytes of an HTML page into blocks."""
    bom_or_binary = data.startswith(_BOMS) or b"\x00" in data[:8192]
    source = _utf8(data) if bom_or_binary else data
    while True:
        if not source.strip():
            return []
        if b"\xef\xb7" in source:  # U+FDD0.. are the marks of the flattened string
            source = _OWN_MARKS.sub(b"", source)
        try:
            flat, tables = _read(source)
        except (ValueError, UnicodeError, RecursionError, MemoryError) as exc:
            raise UnreadableFile("HTML 文件无法解析", "unparsable HTML") from exc
        # Lexbor reads bytes as UTF-8, invalid sequences as U+FFFD. Only when the text
        # holds one is it worth checking the bytes (the check costs as much as reading
        # a tenth of the page); if they are not UTF-8, read the page again decoded.
        if bom_or_binary or not _replaced(flat, tables):
            return _blocks(flat, tables)
        decoded = _utf8(data)
        if decoded is data:
            return _blocks(flat, tables)  # UTF-8 that holds U+FFFD
        source, bom_or_binary = decoded, True


def _replaced(flat: str, tables: list[_Table]) -> bool:
    return "\ufffd" in flat or any("\ufffd" in "".join(map("".join, rows)) for rows, _ in tables)


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


# -- the tree: parse, drop what is never shown --------------------------------------------

# A data table as read from the tree: rows of cell contents (text with line marks), and
# the (row, cell) positions of the cells that have colspan/rowspan with those values.
_Table = tuple[list[list[str]], dict[tuple[int, int], tuple[str, str]]]


def _read(source: bytes, measure_first: bool = False) -> tuple[str, list[_Table]]:
    """The page's text with line marks and a ``_TABLE`` mark for each data table, and the
    data tables.

    Data tables are read cell by cell from the tree; the rest of the body is serialised
    (once junk, chrome, hidden spans and data tables are gone, that is little markup)
    and its tags turned into line marks or nothing by regular expressions.
    """
    tree = LexborHTMLParser(source, scripting=True)
    body = tree.body
    if body is None:
        return "", []  # a frameset
    tables = []
    for node in body.css(_FIRST_PASS):
        if node.tag == "table":
            tables.append(node)
        else:  # the page's text is measured without scripts and styles
            node.decompose(recursive=False)
    holders = _holders(tables)
    needed = _drop_chrome(body, holders, measure_first)
    spanning: set[int] = set()
    junk = 0  # text length of the junk taken out, while it is needed
    attached: dict[int, bool] = {body.mem_id: True}
    for node in body.css(_JUNK_AND_HIDDEN if _HIDES.search(source) else _JUNK_SELECTOR):
        tag = node.tag
        if tag in _JUNK or (tag in ("span", "font") and _hidden_span(node)):
            if needed >= 0 and _attached(node, attached):
                junk += _text_length(node)
            node.decompose(recursive=False)
            attached[node.mem_id] = False
        elif tag in _CELL_TAGS:
            spanning.add(node.mem_id)
    data: list[_Table] = []
    for node in tables:
        if node.mem_id not in holders and _attached(node, attached):
            table = _read_table(node, spanning)
            if table is not None:
                data.append(table)
    flat = _flatten(_markup(body))
    if needed >= 0 and junk + _text_amount(flat, data) <= needed:
        return _read(source, measure_first=True)  # rare: chrome holds half the page
    return flat, data


def _text_amount(flat: str, tables: list[_Table]) -> int:
    """Characters of text, whitespace and marks not counted, in what ``_read`` returns."""
    amount = len("".join(flat.split())) - flat.count(_BR) - flat.count(_TABLE)
    for rows, _ in tables:
        cells = "".join(map("".join, rows))
        amount += len("".join(cells.split())) - cells.count(_BR)
    return amount


def _hidden_span(node: Any) -> bool:
    style = node.attributes.get("style") or ""
    return "display:none" in style or "display: none" in style


def _holders(tables: list[Any]) -> set[int]:
    """The tables (mem_id) that hold a table: each table's nearest table ancestor."""
    holders = set()
    for table in tables:
        node = table.parent
        while node is not None and node.tag != "table":
            node = node.parent
        if node is not None:
            holders.add(node.mem_id)
    return holders


def _attached(node: Any, known: dict[int, bool]) -> bool:
    """Whether ``node`` is still in the page (no ancestor was removed); ``known``
    remembers the answer for every node passed on the way up."""
    path = []
    while node is not None:
        answer = known.get(node.mem_id)
        if answer is not None:
            break
        path.append(node.mem_id)
        node = node.parent
    else:
        answer = False  # reached the top of a subtree taken out of the tree
    for mem_id in path:
        known[mem_id] = answer
    return answer


def _markup(node: Any) -> str:
    """The node serialised; elements kept as raw text (xmp, …) turned into plain text."""
    markup: str = node.html or ""
    if "<xmp" in markup or "<plaintext" in markup or "<noembed" in markup or "<noframes" in markup:
        for raw in node.css(",".join(_RAW_TEXT)):
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

    Measuring the page's text costs as much as reading it, so it is avoided: all the
    chrome found is taken out, and when none of it holds as much as the rest of it put
    together, none can hold half of the page: -1. Else the length the rest of the page's
    text must exceed is returned (``_read`` knows that length once it has read the page,
    and starts again with ``measure_first`` in the rare case it falls short).
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
    found = []
    verdicts: dict[str, bool] = {}
    entered = 0  # chrome entered; bounded, as measuring nested chrome is quadratic
    stack = list(body.iter())
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _JUNK or tag[0] == "-":  # "-comment"
            continue
        if _is_chrome(el, tag, verdicts):
            length = _text_length(el)
            if total is None or length * 2 < total:
                found.append((el, length))
                continue
            entered += 1
            if entered > _MAX_ENTERED:
                continue
        if tag not in _LEAVES and (tag != "table" or el.mem_id in holders):
            stack.extend(el.iter())
    return found


def _text_length(el: Any) -> int:
    """Characters of text under ``el``, whitespace not counted."""
    return len("".join(el.text().split()))


def _is_chrome(el: Any, tag: str, verdicts: dict[str, bool]) -> bool:
    attrib = el.attributes
    if not attrib:
        return tag in _CHROME_TAGS and (tag not in ("header", "footer") or _outside_article(el))
    style = (attrib.get("style") or "").lower()
    if "hidden" in attrib or (("display" in style or "visibility" in style) and _HIDDEN.search(style)):
        return True
    if tag in ("header", "footer"):
        return _outside_article(el)  # an article's own header holds its title
    if tag in _CHROME_TAGS:
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
        if parent.tag in ("article", "main"):
            return False
        parent = parent.parent
    return True


# -- data tables, read from the tree ------------------------------------------------------


def _read_table(table: Any, spanning: set[int]) -> _Table | None:
    """A data table's cells, the table replaced in the tree by its caption's lines and a
    ``_TABLE`` mark; None for a table with no row of two cells (layout), left as it is.

    ``spanning``: the cells with colspan or rowspan (their mem_id). The tree is walked
    with first_child/next and Lexbor's tag ids: a row group, row or cell costs a few
    attribute reads, as many a table has hundreds of cells.
    """
    rows = []
    captions = []
    part = table.first_child
    while part is not None:  # HTML5 puts every row in a thead, tbody or tfoot
        tag = part.tag_id
        if tag in _ROW_GROUP_IDS:
            row = part.first_child
            while row is not None:
                if row.tag_id == _TR_ID:
                    cells = []
                    cell = row.first_child
                    while cell is not None:
                        if cell.tag_id in _CELL_IDS:
                            cells.append(cell)
                        cell = cell.next
                    rows.append(cells)
                row = row.next
        elif tag == _CAPTION_ID:
            captions.append(part)
        part = part.next
    if max(map(len, rows), default=0) < 2:
        return None
    spans: dict[tuple[int, int], tuple[str, str]] = {}
    contents: list[list[str]] = []
    for r, row in enumerate(rows):
        texts: list[str] = []
        for cell in row:
            text = cell.text(True, _SEP, False, True)  # text nodes not all whitespace
            if _SEP in text:  # several pieces of text: the markup tells the lines
                text = _flatten(_markup(cell))
            if spanning and cell.mem_id in spanning:
                attrs = cell.attributes
                spans[r, len(texts)] = (attrs.get("colspan") or "", attrs.get("rowspan") or "")
            texts.append(text)
        contents.append(texts)
    caption = "".join(_flatten(_markup(c)) for c in captions)
    table.replace_with(caption + _TABLE)
    return contents, spans


def _tag_ids() -> dict[str, int]:
    """Lexbor's ids of the table tags (they are fixed, but not part of selectolax's API)."""
    tree = LexborHTMLParser(
        "<table><caption></caption><thead><tr><th></th></tr></thead>"
        "<tbody><tr><td></td></tr></tbody><tfoot></tfoot></table>"
    )
    ids: dict[str, int] = {}
    for tag in _TABLE_PARTS:
        node = tree.css_first(tag)
        if node is None:  # pragma: no cover - Lexbor always builds these
            raise RuntimeError(f"Lexbor did not parse <{tag}>")
        ids[tag] = node.tag_id
    return ids


_TABLE_PARTS = ("caption", "thead", "tbody", "tfoot", "tr", "td", "th")
_IDS = _tag_ids()
_ROW_GROUP_IDS = frozenset((_IDS["thead"], _IDS["tbody"], _IDS["tfoot"]))
_CELL_IDS = frozenset((_IDS["td"], _IDS["th"]))
_TR_ID = _IDS["tr"]
_CAPTION_ID = _IDS["caption"]


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


# -- the flattened string into blocks ---------------------------------------------------


def _blocks(flat: str, tables: list[_Table]) -> list[Block]:
    if _INVISIBLE.search(flat):
        flat = _INVISIBLE.sub("", flat)
    flat = _LINE_BREAKS.sub(_BR, flat)  # runs of line marks and whitespace: one mark
    blocks: list[Block] = []
    new = tuple.__new__  # Block(...) without the Python-level __new__ of a NamedTuple
    paragraphs = 0
    for index, chunk in enumerate(flat.split(_TABLE)):
        if index:  # a table, then the text after it
            for number, cells in _grid(*tables[index - 1]):
                blocks.append(new(Block, ("row", cells, len(blocks) + 1, f"表格{index} 第{number}行")))
        for piece in chunk.split(_BR):
            line = " ".join(piece.split())
            if line:
                if "\n" in piece:  # a source line wrap between CJK characters is nothing
                    line = " ".join(_CJK_WRAP.sub(r"\1", piece).split())
                paragraphs += 1
                blocks.append(new(Block, ("text", (line,), len(blocks) + 1, f"第{paragraphs}段")))
    return blocks


def _grid(
    rows: list[list[str]], spans: dict[tuple[int, int], tuple[str, str]]
) -> list[tuple[int, tuple[str, ...]]]:
    """The table's rows (1-based number, cells) on a grid with spans expanded.

    Rows whose cells are all empty are left out (their number is still counted).
    """
    texts = _CELL.join([_CELL.join(row) for row in rows])
    if _INVISIBLE.search(texts):  # read the cells again without invisible characters
        cleaned = iter(_INVISIBLE.sub("", texts).split(_CELL))
        rows = [[next(cleaned) for _ in row] for row in rows]
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
        cells.append("")  # what sources -1 names: a covered or empty position
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
