"""A report as a printable PDF, laid out like an official document (GB/T 9704-2012, 党政机关公文格式).

A4, margins 37 mm top (天头), 35 mm bottom, 28 mm left (订口) and 26 mm right, so the text block
is 156 × 225 mm; the title in 二号 (22 pt) 小标宋, centred, broken where it reads well; the
statistics period centred in 楷体; body text in 三号 (16 pt) 仿宋 at 22 lines a page, justified,
indented two characters, no orphan or widow line; first-level headings (一、) in 黑体, a run-in
second-level heading (（一）…。) in 楷体; the page number “— N —” in 四号 (14 pt) 宋体 with its
dashes 7 mm below the text block, one character in from the right on odd pages and from the
left on even pages (GB/T 9704 7.5). Tables 二, 三 and 四 are the national grids with their
merged header cells (``_grid``, the grids the DOCX and XLSX writers draw): 五号 (10.5 pt, table
四 9 pt) 宋体, header cells in 黑体, 0.75 pt rules, rows kept whole, the header rows repeated
after a page break, numbers never wrapped.

Engine: ReportLab's PDF canvas, with the line breaking (CJK rules: no line starts with a closing
mark or ends with an opening one, Latin words and numbers kept whole), pagination and tables
done here: about 0.05 s a report, where an HTML/CSS engine (WeasyPrint) took 0.45 s.

Fonts are the machine's TrueType fonts (ReportLab embeds TrueType outlines only, not the
OpenType/CFF of Noto CJK), found with fontconfig or in Debian's font folders; nothing is
fetched; each is embedded as a subset. The official face is used where installed, else the free
stand-in that ``scripts/system-packages.sh`` installs:

======  ========================================  =========================================
face    official                                  free stand-in (Debian package)
======  ========================================  =========================================
小标宋  方正小标宋简体                            AR PL UMing CN, emboldened (fonts-arphic-uming)
仿宋    仿宋_GB2312 / 仿宋                        AR PL UMing CN (Debian has no free 仿宋)
黑体    黑体 (SimHei)                             WenQuanYi Zen Hei (fonts-wqy-zenhei)
楷体    楷体_GB2312 / 楷体                        AR PL UKai CN (fonts-arphic-ukai)
宋体    宋体 (SimSun)                             AR PL UMing CN
======  ========================================  =========================================

A character a face lacks is set in the first other face that has it.

ReportLab is imported when a PDF is written, so ``import gongkai.report`` stays light.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import OutputError
from ..model import Report
from ._common import CAPTIONS, fmt, period, prose, title
from ._grid import Grid, GridCell, section_grid

# -- geometry (points) ---------------------------------------------------------------------

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, BOTTOM, LEFT, RIGHT = 37 * MM, 35 * MM, 28 * MM, 26 * MM
TEXT_W, TEXT_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM  # 156 × 225 mm
LINE = TEXT_H / 22  # 22 lines of 三号 a page: 28.93 pt

TITLE_PT, BODY_PT, FOLIO_PT, CAPTION_PT = 22.0, 16.0, 14.0, 14.0  # 二号, 三号, 四号, 四号
TABLE_PT, T4_PT, NOTE_PT = 10.5, 9.0, 9.0  # 五号; table 四 and table 三's note smaller
TITLE_LEADING = 1.45 * TITLE_PT
CELL_LEADING = 1.35  # × the cell's type size
PAD_X, PAD_Y = 2.0, 1.5  # cell padding
RULE = 0.75  # table rules
FOLIO_DROP = 7 * MM  # the page number's dashes below the text block
EMBOLDEN = 0.03  # stroke width (× size) of a non-bold face standing in for 小标宋
MAX_SPACING = 0.12  # at most this much letter spacing (× size) to justify a line
MIN_SCALE = 0.7  # a title line up to 1/0.7 of the width is condensed, not broken
ASCENT = 0.88  # a CJK em box: 0.88 above the baseline, 0.12 below

# Column widths: numbers never wrap, and two neighbours keep a gap the PDF reader sees as a
# cell boundary (≥ 2.5 mm).
GAP = 2.5 * MM
T3_NUM = 10.5 * MM  # the usual width of table 三's number columns
T3_LABELS = (10.0, 11.5, 31.5)  # l1 : l2 : l3, the label columns share what is left
T3_MIN_LABELS = 60 * MM  # at least this for table 三's three label columns
T2_LABEL = 0.28  # of the text width


# -- fonts ---------------------------------------------------------------------------------

# Each face: the official families first, then the free stand-in, and whether it is bold.
FACES: dict[str, tuple[tuple[str, ...], bool]] = {
    "xbs": (("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "AR PL UMing CN"), True),
    "fangsong": (
        ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "AR PL UMing CN"),
        False,
    ),
    "hei": (("黑体", "SimHei", "WenQuanYi Zen Hei"), False),
    "kai": (("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN"), False),
    "song": (("宋体", "SimSun", "AR PL UMing CN"), False),
}
BOLD_FAMILIES = frozenset({"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"})
# The free stand-ins where Debian puts them (used when fontconfig is not there to ask).
FREE_FILES = {
    "AR PL UMing CN": ("truetype/arphic/uming.ttc", 0),
    "AR PL UKai CN": ("truetype/arphic/ukai.ttc", 0),
    "WenQuanYi Zen Hei": ("truetype/wqy/wqy-zenhei.ttc", 0),
}
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
FALLBACK_ORDER = ("song", "hei", "kai")  # for characters a face lacks


class _Font:
    """One TrueType font registered with ReportLab: its name there, what it covers, its widths."""

    def __init__(self, name: str, ttfont: Any) -> None:
        face = ttfont.face
        self.name = name
        self.ps_name: str = face.name.decode("latin-1")
        self.chars = frozenset(chr(c) for c in face.charToGlyph)
        self.widths = {chr(c): w / 1000 for c, w in face.charWidths.items()}
        self.default = face.defaultWidth / 1000


class _Face:
    """A face of the document (宋体, 仿宋, …): its font, and fonts for characters it lacks."""

    def __init__(self, font: _Font, fallbacks: Sequence[_Font], bold: bool) -> None:
        self.font = font
        self.fallbacks = tuple(f for f in fallbacks if f is not font)
        self.bold = bold  # drawn emboldened (a regular face standing in for a bold one)
        self._widths = dict(font.widths)  # em; characters of the fallbacks added when met

    def font_of(self, char: str) -> _Font:
        if char in self.font.chars:
            return self.font
        return next((f for f in self.fallbacks if char in f.chars), self.font)

    def width(self, text: str) -> float:
        """Width in ems."""
        widths = self._widths
        total = 0.0
        for char in text:
            w = widths.get(char)
            if w is None:
                font = self.font_of(char)
                w = widths[char] = font.widths.get(char, font.default)
            total += w
        return total

    def runs(self, text: str) -> list[tuple[_Font, str]]:
        """The text in runs of one font each."""
        if self.font.chars.issuperset(text):
            return [(self.font, text)]
        out: list[tuple[_Font, str]] = []
        for char in text:
            font = self.font if char.isspace() else self.font_of(char)
            if out and out[-1][0] is font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out


_LOCK = threading.Lock()
_FACES: dict[str, _Face] = {}


def _fontconfig() -> dict[str, tuple[str, int]]:
    """Family name → (file, index) of every TrueType font fontconfig knows."""
    if not shutil.which("fc-list"):
        return {}
    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{fontformat}\n"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, tuple[str, int]] = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or parts[3] != "TrueType" or not parts[1].isdigit():
            continue
        for family in parts[2].split(","):
            found.setdefault(family.strip(), (parts[0], int(parts[1])))
    return found


def faces() -> dict[str, _Face]:
    """The document's faces, their fonts registered with ReportLab once a process."""
    with _LOCK:
        if not _FACES:
            _FACES.update(_load_faces())
        return _FACES


def _load_faces() -> dict[str, _Face]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    installed = _fontconfig()
    for family, (path, index) in FREE_FILES.items():
        if family not in installed:
            for folder in FONT_DIRS:
                if os.path.exists(os.path.join(folder, path)):
                    installed[family] = (os.path.join(folder, path), index)
                    break
    fonts: dict[tuple[str, int], _Font | None] = {}

    def load(family: str) -> _Font | None:
        where = installed.get(family)
        if where is None:
            return None
        if where not in fonts:
            name = f"gongkai-{len(fonts)}"
            try:
                ttfont = TTFont(name, where[0], subfontIndex=where[1])
                pdfmetrics.registerFont(ttfont)
                fonts[where] = _Font(name, ttfont)
            except (TTFError, OSError):  # CFF outlines, embedding not allowed, unreadable
                fonts[where] = None
        return fonts[where]

    chosen: dict[str, tuple[_Font, bool]] = {}
    for role, (families, bold) in FACES.items():
        for family in families:
            font = load(family)
            if font is not None:
                chosen[role] = (font, bold and family not in BOLD_FAMILIES)
                break
        else:
            raise OutputError(
                f"PDF 需要中文字体（{families[-1]}），请先安装（scripts/system-packages.sh）",
                f"no TrueType font for {role} ({', '.join(families)}); "
                "run scripts/system-packages.sh",
            )
    fallbacks = [chosen[role][0] for role in FALLBACK_ORDER]
    return {role: _Face(font, fallbacks, bold) for role, (font, bold) in chosen.items()}


# -- line breaking -------------------------------------------------------------------------

OPENING = "（《“‘「『【〔〈［｛([{"
CLOSING = "，。、；：？！）》”’」』】〕〉］｝…—·～％,.;:?!)]}%"
_TOKEN = re.compile(
    rf"\s+|[{re.escape(OPENING)}]*"
    r"(?:[0-9A-Za-z](?:[0-9A-Za-z.,:;/_+\-=?&#%~@]*[0-9A-Za-z/])?|\S)"
    rf"[{re.escape(CLOSING)}]*"
)

Span = tuple[_Face, str]


@dataclass(slots=True)
class _Line:
    spans: list[Span]
    width: float  # points, without letter spacing, before scaling
    last: bool = False  # a paragraph's last line (never justified)
    scale: float = 1.0  # horizontal scaling (a long agency name condensed on one title line)

    @property
    def chars(self) -> int:
        return sum(len(s) for _, s in self.spans)


def _break(spans: Sequence[Span], size: float, width: float, indent: float = 0.0) -> list[_Line]:
    """Lines of at most ``width`` points (the first indented): breaks between characters of CJK
    text, never before a closing mark or after an opening one, never inside a number or word."""
    lines: list[_Line] = []
    current: list[Span] = []
    used = indent
    room = width

    def flush() -> None:
        nonlocal current, used
        while current and current[-1][1].isspace():
            used -= current[-1][0].width(current[-1][1]) * size
            current.pop()
        if current:
            lines.append(_Line(_merge(current), used - (indent if not lines else 0.0)))
        current, used = [], 0.0

    for face, text in spans:
        for token in _TOKEN.findall(text):
            w = face.width(token) * size
            if token.isspace():
                if current:
                    current.append((face, " "))
                    used += face.width(" ") * size
                continue
            if current and used + w > room + 0.01:
                flush()
            if w > room - used + 0.01:  # longer than a line: break it anywhere
                for char in token:
                    cw = face.width(char) * size
                    if current and used + cw > room + 0.01:
                        flush()
                    current.append((face, char))
                    used += cw
                continue
            current.append((face, token))
            used += w
    flush()
    if lines:
        lines[-1].last = True
    return lines


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for face, text in spans:
        if out and out[-1][0] is face:
            out[-1] = (face, out[-1][1] + text)
        else:
            out.append((face, text))
    return out


# -- blocks ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Text:
    """Lines of one size and leading: the title, a heading, a paragraph, a caption."""

    lines: list[_Line]
    size: float
    leading: float
    align: str = "justify"  # justify | center
    indent: float = 0.0  # of the first line
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False
    splittable: bool = False  # across pages, leaving at least two lines on each

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading

    def first_part(self) -> float:
        """The least of it that may stand at the foot of a page."""
        if self.splittable and len(self.lines) >= 4:
            return 2 * self.leading
        return self.height


@dataclass(slots=True)
class _Cell:
    grid: GridCell
    face: _Face
    size: float
    lines: list[_Line]
    align: str  # left | center

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * CELL_LEADING + 2 * PAD_Y


@dataclass(slots=True)
class _Table:
    grid: Grid
    cols: list[float]  # widths
    cells: list[_Cell]
    heights: list[float] = field(default_factory=list)  # of each grid row
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False
    _breaks: dict[int, list[int]] = field(default_factory=dict)

    @property
    def head(self) -> int:
        return self.grid.header_rows

    def rows_height(self, start: int, end: int) -> float:
        return sum(self.heights[start:end])

    @property
    def height(self) -> float:
        return self.rows_height(0, len(self.heights))

    def first_part(self) -> float:
        breaks = self.breaks(self.head)
        return self.rows_height(0, breaks[0] if breaks else len(self.heights))

    def breaks(self, start: int) -> list[int]:
        """The rows after ``start`` before which a page may break: never inside a merged cell
        too short above the break to hold its text, never right below a row of headers."""
        if start in self._breaks:
            return self._breaks[start]
        not_head = {c.grid.row for c in self.cells if c.grid.kind not in ("head", "note")}
        merged = [c for c in self.cells if c.grid.rowspan > 1 and c.grid.row >= start]
        out = [
            end
            for end in range(start + 1, len(self.heights))
            if end - 1 in not_head
            and not any(
                c.grid.row < end < c.grid.row + c.grid.rowspan
                and self.rows_height(c.grid.row, end) < c.height
                for c in merged
            )
        ]
        self._breaks[start] = out
        return out


Block = _Text | _Table


# -- the document ----------------------------------------------------------------------------

# A second-level heading run in at the start of a paragraph: （一）政府信息公开。…
_RUN_IN = re.compile(r"^（[一二三四五六七八九十]{1,3}）[^。；：:！？（）]{1,30}(?:[。：:]|$)")


def paragraph_spans(text: str, body: _Face, run_in: _Face) -> list[Span]:
    match = _RUN_IN.match(text)
    if not match:
        return [(body, text)]
    head, rest = text[: match.end()], text[match.end() :]
    return [(run_in, head), (body, rest)] if rest else [(run_in, head)]


# A title line holds 20 characters of 22 pt in the 156 mm text block.
TITLE_EMS = 20.0
_TITLE = re.compile(
    r"^(?P<agency>.+?)(?P<year>(?:19|20)\d{2}年)(?P<what>政府信息公开)(?P<rest>工作年度报告)$"
)


def _ems(text: str) -> float:
    """Width in ems: ASCII (digits) is about half a CJK character."""
    return sum(0.55 if ord(c) < 128 else 1.0 for c in text)


def title_lines(text: str) -> list[str]:
    """The title broken where it reads well, as official documents do (and as the readers
    expect): whole if it fits; else before 工作年度报告; else after the agency."""
    match = _TITLE.match(text)
    if not match or _ems(text) <= TITLE_EMS:
        return [text]
    agency, year, what, rest = match.group("agency", "year", "what", "rest")
    if _ems(agency + year + what) <= TITLE_EMS:
        return [agency + year + what, rest]
    return [agency, year + what + rest]


_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def _visible(text: str) -> str:
    """Without zero-width and direction marks (which fonts draw as boxes, if at all)."""
    return _INVISIBLE.sub("", text)


def layout(report: Report) -> list[Block]:
    """The report as blocks, top to bottom, before it is cut into pages."""
    f = faces()
    blocks: list[Block] = []
    heading: list[_Line] = []
    for part in title_lines(_visible(title(report))):
        width = f["xbs"].width(part) * TITLE_PT
        if TEXT_W < width <= TEXT_W / MIN_SCALE:  # condensed, as long agency names are
            heading.append(_Line([(f["xbs"], part)], width, True, TEXT_W / width))
        else:
            heading.extend(_break([(f["xbs"], part)], TITLE_PT, TEXT_W))
    for line in heading:
        line.last = True
    blocks.append(
        _Text(heading, TITLE_PT, TITLE_LEADING, "center", after=LINE, keep_with_next=True)
    )
    if report.year:
        lines = _break([(f["kai"], period(report))], BODY_PT, TEXT_W)
        blocks.append(_Text(lines, BODY_PT, LINE, "center", after=LINE))
    indent = 2 * BODY_PT
    for spec in report.spec.sections:
        text = f"{spec.number}、{spec.title}"
        lines = _break([(f["hei"], text)], BODY_PT, TEXT_W, indent)
        blocks.append(_Text(lines, BODY_PT, LINE, indent=indent, keep_with_next=True))
        for paragraph in map(_visible, prose(report.section(spec.number))):
            spans = paragraph_spans(paragraph, f["fangsong"], f["kai"])
            lines = _break(spans, BODY_PT, TEXT_W, indent)
            blocks.append(_Text(lines, BODY_PT, LINE, indent=indent, splittable=True))
        grid = section_grid(report, spec.number)
        if grid is not None:
            caption = _break([(f["hei"], CAPTIONS[grid.key])], CAPTION_PT, TEXT_W)
            pad = 0.3 * CAPTION_PT
            blocks.append(
                _Text(
                    caption,
                    CAPTION_PT,
                    1.6 * CAPTION_PT,
                    "center",
                    before=0.5 * TABLE_PT + pad,
                    after=pad,
                    keep_with_next=True,
                )
            )
            blocks.append(_table(grid, f))
    if isinstance(blocks[-1], _Text):
        blocks[-1].keep_with_next = False
    return blocks


def _columns(grid: Grid, f: dict[str, _Face], size: float) -> list[float]:
    """Column widths: table 二's label column 28 %; each of table 三's number columns as wide
    as its widest number needs (the label columns keep at least 60 mm); table 四's equal."""
    if grid.key == "二":
        values = grid.columns - 1
        return [T2_LABEL * TEXT_W] + [(1 - T2_LABEL) * TEXT_W / values] * values
    if grid.key == "三":
        widest = [0.0] * grid.columns
        for c in grid.cells:
            if c.kind == "value":
                widest[c.col] = max(widest[c.col], f["song"].width(fmt(c.value)))
        nums = [max(T3_NUM, w * size + 2 * PAD_X + GAP) for w in widest[3:]]
        if sum(nums) > TEXT_W - T3_MIN_LABELS:  # the numbers' type gets smaller instead
            nums = [w * (TEXT_W - T3_MIN_LABELS) / sum(nums) for w in nums]
        left = TEXT_W - sum(nums)
        return [left * share / sum(T3_LABELS) for share in T3_LABELS] + nums
    return [TEXT_W / grid.columns] * grid.columns


def _table(grid: Grid, f: dict[str, _Face]) -> _Table:
    size = T4_PT if grid.key == "四" else TABLE_PT
    cols = _columns(grid, f, size)
    x = [0.0]
    for w in cols:
        x.append(x[-1] + w)
    # One type size for the numbers of a table: the largest with which every number fits its
    # cell with room to spare (never wrapped, never glued to its neighbour).
    value_size = size
    for c in grid.cells:
        if c.kind == "value":
            width = f["song"].width(fmt(c.value, c.money))
            room = x[c.col + c.colspan] - x[c.col] - 2 * PAD_X - GAP
            if width:
                value_size = min(value_size, room / width)
    cells: list[_Cell] = []
    for c in grid.cells:
        inner = x[c.col + c.colspan] - x[c.col] - 2 * PAD_X
        if c.kind == "value":
            text = fmt(c.value, c.money)
            face, cell_size, align = f["song"], value_size, "center"
            lines = [_Line([(face, text)], face.width(text) * cell_size, True)] if text else []
        else:
            face = f["hei"] if c.kind == "head" else f["song"]
            cell_size = NOTE_PT if c.kind == "note" else size
            align = "center" if c.kind == "head" else "left"
            lines = _break([(face, c.text)], cell_size, inner)
            if c.kind == "head" and len(lines) > 1:  # 商业/企业, not 商业企/业
                even = sum(line.width for line in lines) / len(lines) + cell_size / 2
                balanced = _break([(face, c.text)], cell_size, min(inner, even))
                if len(balanced) == len(lines):
                    lines = balanced
        cells.append(_Cell(c, face, cell_size, lines, align))
    table = _Table(grid, cols, cells, before=0.0, after=TABLE_PT)
    heights = [size * CELL_LEADING + 2 * PAD_Y] * grid.rows
    for cell in cells:
        if cell.grid.rowspan == 1:
            heights[cell.grid.row] = max(heights[cell.grid.row], cell.height)
    for cell in cells:  # a merged cell taller than its rows: they share the difference
        r, span = cell.grid.row, cell.grid.rowspan
        short = cell.height - sum(heights[r : r + span])
        if span > 1 and short > 0:
            for i in range(r, r + span):
                heights[i] += short / span
    table.heights = heights
    return table


# -- pages -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Placed:
    block: Block
    top: float  # distance below the top of the text block
    start: int  # lines [start, end) of a text, or body rows [start, end) of a table
    end: int


def paginate(blocks: list[Block]) -> list[list[_Placed]]:
    """Cut the blocks into pages: a heading stays with what follows, a paragraph leaves no
    single line at the foot or head of a page, a table breaks between rows and repeats its
    header rows."""
    pages: list[list[_Placed]] = [[]]
    y = 0.0
    for i, block in enumerate(blocks):
        # What must go on this page with it: itself if it keeps with the next, and so on.
        need = block.before if y else 0.0
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            need += blocks[j].height + blocks[j + 1].before
            j += 1
        need += blocks[j].first_part()
        if y and y + need > TEXT_H + 0.01:
            pages.append([])
            y = 0.0
        if y:
            y += block.before
        start = block.head if isinstance(block, _Table) else 0
        while True:
            end = _fit(block, start, TEXT_H - y, forced=not pages[-1])
            if end is None:  # nothing of it fits here
                pages.append([])
                y = 0.0
                continue
            pages[-1].append(_Placed(block, y, start, end))
            y += _part_height(block, start, end)
            total = len(block.lines) if isinstance(block, _Text) else len(block.heights)
            if end >= total:
                break
            pages.append([])
            y = 0.0
            start = end
        y += block.after
    return pages


def _part_height(block: Block, start: int, end: int) -> float:
    if isinstance(block, _Text):
        return (end - start) * block.leading
    return block.rows_height(0, block.head) + block.rows_height(start, end)


def _fit(block: Block, start: int, room: float, forced: bool) -> int | None:
    """Where the part of ``block`` from ``start`` placed in ``room`` ends (None: nothing of it
    fits). ``forced``: the page is empty, so something must go on it."""
    if isinstance(block, _Text):
        total = len(block.lines)
        fits = int((room + 0.01) // block.leading)
        if fits >= total - start:
            return total
        if block.splittable:
            end = min(start + fits, total - 2)  # no widow
            if end - start >= 2:  # no orphan
                return end
        return min(total, start + max(fits, 1)) if forced else None
    total = len(block.heights)
    if _part_height(block, start, total) <= room + 0.01:
        return total
    room -= block.rows_height(0, block.head)
    ends = [e for e in block.breaks(start) if block.rows_height(start, e) <= room + 0.01]
    if ends:
        return ends[-1]
    if forced:
        possible = block.breaks(start)
        return possible[0] if possible else total
    return None


# -- drawing ---------------------------------------------------------------------------------


def _draw_lines(canvas: Any, block: _Text, start: int, end: int, top: float) -> None:
    text = canvas.beginText()
    emboldened = any(face.bold for line in block.lines for face, _ in line.spans)
    if emboldened:
        canvas.setLineWidth(EMBOLDEN * block.size)
        text.setTextRenderMode(2)
    size = block.size
    for n in range(start, end):
        line = block.lines[n]
        box_top = PAGE_H - TOP - top - (n - start) * block.leading
        baseline = box_top - (block.leading - size) / 2 - ASCENT * size
        x = LEFT + (block.indent if n == 0 else 0.0)
        spacing = 0.0
        if block.align == "center":
            x = LEFT + (TEXT_W - line.width * line.scale) / 2
        elif not line.last and line.chars > 1:
            room = TEXT_W - (x - LEFT) - line.width
            spacing = room / (line.chars - 1) if room < MAX_SPACING * size * line.chars else 0.0
        x = _draw_spans(text, line.spans, x, baseline, size, spacing, line.scale)
    if emboldened:  # the render mode outlives the text object: back to plain fill
        text.setTextRenderMode(0)
    canvas.drawText(text)
    if emboldened:
        canvas.setLineWidth(RULE)


def _draw_spans(
    text: Any,
    spans: list[Span],
    x: float,
    baseline: float,
    size: float,
    spacing: float,
    scale: float = 1.0,
) -> float:
    text.setCharSpace(spacing)
    text.setHorizScale(100 * scale)
    for face, chunk in spans:
        for font, run in face.runs(chunk):
            text.setFont(font.name, size)
            text.setTextOrigin(x, baseline)
            text.textOut(run)
            x += (face.width(run) * size + spacing * len(run)) * scale
    return x


def _draw_table(canvas: Any, table: _Table, start: int, end: int, top: float) -> None:
    """Header rows, then body rows [start, end); a merged cell cut by a page break is drawn in
    each part, its text in the part where it begins."""
    rows = list(range(table.head)) + list(range(start, end))
    tops: dict[int, float] = {}
    y = PAGE_H - TOP - top
    for r in rows:
        tops[r] = y
        y -= table.heights[r]
    bottom_of = {r: tops[r] - table.heights[r] for r in rows}
    x = [LEFT]
    for w in table.cols:
        x.append(x[-1] + w)
    path = canvas.beginPath()
    text = canvas.beginText()
    for cell in table.cells:
        g = cell.grid
        shown = [r for r in range(g.row, g.row + g.rowspan) if r in tops]
        if not shown:
            continue
        left, right = x[g.col], x[g.col + g.colspan]
        upper, lower = tops[shown[0]], bottom_of[shown[-1]]
        path.rect(left, lower, right - left, upper - lower)
        if g.row not in tops or not cell.lines:
            continue
        leading = cell.size * CELL_LEADING
        baseline = (upper + lower) / 2 + len(cell.lines) * leading / 2
        baseline -= (leading - cell.size) / 2 + ASCENT * cell.size
        for line in cell.lines:
            if cell.align == "center":
                at = (left + right - line.width) / 2
            else:
                at = left + PAD_X
            _draw_spans(text, line.spans, at, baseline, cell.size, 0.0)
            baseline -= leading
    canvas.setLineWidth(RULE)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.drawText(text)


def _draw_folio(canvas: Any, number: int, song: _Face) -> None:
    """“— N —”: dashes 7 mm below the text block; odd pages one character in from the right,
    even pages one character in from the left (GB/T 9704-2012 7.5)."""
    folio = f"— {number} —"
    width = song.width(folio) * FOLIO_PT
    baseline = BOTTOM - FOLIO_DROP - 0.35 * FOLIO_PT
    x = PAGE_W - RIGHT - FOLIO_PT - width if number % 2 else LEFT + FOLIO_PT
    text = canvas.beginText()
    _draw_spans(text, [(song, folio)], x, baseline, FOLIO_PT, 0.0)
    canvas.drawText(text)


def write_pdf(report: Report) -> bytes:
    """The report as PDF bytes: A4, CJK fonts embedded (subset), a text layer that reads back."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    blocks = layout(report)
    pages = paginate(blocks)
    song = faces()["song"]
    out = io.BytesIO()
    heading = title(report)
    with _LOCK:  # ReportLab keeps a font's subsets per document in the font object
        a85, rl_config.useA85 = rl_config.useA85, 0  # binary streams: a quarter smaller
        try:
            canvas = Canvas(
                out,
                pagesize=(PAGE_W, PAGE_H),
                invariant=1,
                pageCompression=1,
                initialFontName=song.font.name,
                lang="zh-CN",
            )
            canvas.setTitle(heading)
            canvas.setAuthor(report.agency or "")
            canvas.setCreator("gongkai")
            canvas.setLineWidth(RULE)
            for number, page in enumerate(pages, start=1):
                for placed in page:
                    if isinstance(placed.block, _Text):
                        _draw_lines(canvas, placed.block, placed.start, placed.end, placed.top)
                    else:
                        _draw_table(canvas, placed.block, placed.start, placed.end, placed.top)
                _draw_folio(canvas, number, song)
                canvas.showPage()
            canvas.save()
        finally:
            rl_config.useA85 = a85
    return out.getvalue()
