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

Modules: ``geometry`` (page and type measures), ``fonts`` (the faces), ``lines`` (line
breaking), ``blocks`` (text and table blocks), ``document`` (the report as blocks), ``pages``
(pagination), ``draw`` (blocks on the canvas); ``write_pdf`` here puts them together.
"""

from __future__ import annotations

import io

from ...model import Report
from .._common import title
from .blocks import Block, _Table, _Text
from .document import layout, title_lines
from .draw import _draw_folio, _draw_lines, _draw_table
from .fonts import _LOCK, faces
from .geometry import BOTTOM, LEFT, LINE, MM, PAGE_H, PAGE_W, RIGHT, RULE, TEXT_H, TOP
from .lines import _break
from .pages import paginate

__all__ = [
    "BOTTOM",
    "LEFT",
    "LINE",
    "MM",
    "PAGE_H",
    "PAGE_W",
    "RIGHT",
    "TEXT_H",
    "TOP",
    "_Table",
    "_Text",
    "_break",
    "draw_pdf",
    "faces",
    "layout",
    "paginate",
    "title_lines",
    "write_pdf",
]


def write_pdf(report: Report) -> bytes:
    """The report as PDF bytes: A4, CJK fonts embedded (subset), a text layer that reads back."""
    return draw_pdf(layout(report), title=title(report), author=report.agency or "")


def draw_pdf(blocks: list[Block], *, title: str, author: str = "") -> bytes:
    """Blocks cut into pages and drawn, each page numbered “— N —”: the PDF of a report, or of
    any other document laid out as blocks (the platform's letters)."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    pages = paginate(blocks)
    song = faces()["song"]
    out = io.BytesIO()
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
            canvas.setTitle(title)
            canvas.setAuthor(author)
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
