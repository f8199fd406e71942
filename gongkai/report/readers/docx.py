"""Word (.docx) into blocks, with python-docx for the package and lxml for the body.

The body is walked in document order: paragraphs become text blocks (one per line: a
manual line break ends a line), tables become row blocks. Cells sit on the table grid:
a cell merged across columns (gridSpan) keeps its text in its first column and ``""``
in the others; a vertically merged continuation cell (vMerge) is ``""``. Paragraphs and
lines inside one cell are joined with nothing between two CJK characters, else a space.
A paragraph line with tab-separated text on both sides of a tab (a table typed with
tabs) becomes a row block of its non-empty pieces.

Not read: headers, footers, text boxes, footnotes, comments, deleted revisions, and
automatic list numbering (Word computes "一、" of a numbered heading; it is not text).
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.package import OpcPackage

from ..errors import ReportError, UnreadableFile
from ..textnorm import join_cell_lines
from .blocks import Block

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
_T, _TAB, _BR, _CR, _NB_HYPHEN, _PTAB = (
    _W + "t",
    _W + "tab",
    _W + "br",
    _W + "cr",
    _W + "noBreakHyphen",
    _W + "ptab",
)
_VAL = _W + "val"
# Wrappers whose children are read as if they stood in their place.
_WRAPPERS = frozenset(
    _W + name
    for name in (
        "sdt", "sdtContent", "customXml", "hyperlink", "smartTag", "fldSimple", "ins", "moveTo", "dir", "bdo"
    )
)
_WORD_TYPES = frozenset(
    (
        CT.WML_DOCUMENT_MAIN,
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    )
)

_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def read_docx(data: bytes) -> list[Block]:
    """Turn the bytes of a .docx file into blocks."""
    try:
        part = OpcPackage.open(BytesIO(data)).main_document_part
        if part.content_type not in _WORD_TYPES:
            raise UnreadableFile("这个 Office 文件不是 Word 文档", f"not a Word document ({part.content_type})")
        body = part.element.body
        reader = _Reader()
        reader.flow(body)
        return reader.blocks
    except ReportError:
        raise
    except Exception as exc:  # zipfile, lxml, python-docx, KeyError, ValueError …
        raise UnreadableFile("Word（.docx）文件已损坏，无法读取", "corrupt DOCX") from exc


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def flow(self, parent: Any) -> None:
        """Paragraphs and tables under ``parent`` (the body, a wrapper or a layout cell)."""
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _P:
                for line in paragraph_text(child).split("\n"):
                    self._line(line)
            elif tag == _TBL:
                self._table(child)
            elif tag in _WRAPPERS:
                self.flow(child)

    def _line(self, line: str) -> None:
        pieces = [" ".join(piece.split()) for piece in line.split("\t")]
        cells = tuple(piece for piece in pieces if piece)
        if not cells:
            return
        if len(cells) > 1 and pieces[0] and pieces[-1]:
            self.blocks.append(Block("row", cells, len(self.blocks) + 1, f"第{self.paragraphs + 1}段"))
        else:
            self.blocks.append(Block("text", (" ".join(cells),), len(self.blocks) + 1, f"第{self.paragraphs + 1}段"))
        self.paragraphs += 1

    def _table(self, tbl: Any) -> None:
        if tbl.find(f".//{_TBL}") is not None:
            self._layout(tbl)  # a layout table around other tables
            return
        self.tables += 1
        number = self.tables
        for index, tr in enumerate(_children(tbl, _TR), start=1):
            cells = _row_cells(tr)
            if any(cells):
                where = f"表格{number} 第{index}行"
                self.blocks.append(Block("row", tuple(cells), len(self.blocks) + 1, where))

    def _layout(self, tbl: Any) -> None:
        """Read a layout table's cells as text, and the tables inside them as tables."""
        for tr in _children(tbl, _TR):
            for tc in _children(tr, _TC):
                self.flow(tc)


def _children(parent: Any, tag: str) -> list[Any]:
    """Children with ``tag``, looking through content controls and custom XML."""
    out: list[Any] = []
    for child in parent.iterchildren():
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _row_cells(tr: Any) -> list[str]:
    """A row's cells on the table grid (spans expanded, merged continuations ``""``)."""
    cells: list[str] = [""] * _int_val(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
    for tc in _children(tr, _TC):
        props = tc.find(_W + "tcPr")
        span = 1
        merged = False
        if props is not None:
            span = max(1, min(_int_val(props.find(_W + "gridSpan"), 1), 100))
            vmerge = props.find(_W + "vMerge")
            hmerge = props.find(_W + "hMerge")
            merged = (vmerge is not None and vmerge.get(_VAL, "continue") == "continue") or (
                hmerge is not None and hmerge.get(_VAL, "continue") == "continue"
            )
        cells.append("" if merged else _cell_text(tc))
        cells.extend([""] * (span - 1))
    return cells


def _int_val(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(_VAL, default))
    except ValueError:
        return default


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs joined CJK-aware (text boxes inside runs are not read)."""
    return join_cell_lines([line for p in _children(tc, _P) for line in paragraph_text(p).split("\n")])


def paragraph_text(p: Any) -> str:
    """The visible text of a paragraph; ``\\t`` for tabs, ``\\n`` for manual line breaks."""
    out: list[str] = []
    _collect(p, out)
    return _INVISIBLE.sub("", "".join(out))


def _collect(parent: Any, out: list[str]) -> None:
    for child in parent.iterchildren():
        tag = child.tag
        if tag == _R:
            for item in child.iterchildren():
                kind = item.tag
                if kind == _T:
                    out.append(item.text or "")
                elif kind in (_TAB, _PTAB):
                    out.append("\t")
                elif kind in (_BR, _CR):
                    out.append("\n")
                elif kind == _NB_HYPHEN:
                    out.append("-")
        elif tag in _WRAPPERS:
            _collect(child, out)
