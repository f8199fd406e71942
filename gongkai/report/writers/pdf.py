"""A report as a printable PDF, laid out like an official document (GB/T 9704-2012, 党政机关公文格式).

The page is the HTML writer's page (the same tables, merged header cells and all) with a print
style sheet: A4, margins 37 mm top, 35 mm bottom, 28 mm left (订口) and 26 mm right, so the text
block is 156 × 225 mm; title in 二号 (22 pt) 小标宋, body in 三号 (16 pt) 仿宋 at 22 lines a page,
first-level headings (一、) in 黑体, a run-in second-level heading (（一）…。) in 楷体; the page
number “— N —” in 四号 (14 pt) at the foot of the page. Tables are in 五号 (10.5 pt), with
borders, bold header cells, the header repeated after a page break, rows kept whole.

Fonts are the machine's, found by fontconfig; nothing is fetched. The free fonts installed by
``scripts/system-packages.sh`` stand in for the official faces where those are absent:

======  ========================================  =========================================
face    official                                  free stand-in (Debian)
======  ========================================  =========================================
小标宋  方正小标宋简体                            Noto Serif CJK SC Bold (fonts-noto-cjk)
仿宋    仿宋_GB2312 / 仿宋                        Noto Serif CJK SC (there is no free 仿宋),
                                                  then AR PL UMing CN (fonts-arphic-uming)
黑体    黑体 (SimHei)                             Noto Sans CJK SC (fonts-noto-cjk)
楷体    楷体_GB2312 / 楷体                        AR PL UKai CN (fonts-arphic-ukai)
宋体    宋体 (SimSun)                             Noto Serif CJK SC, AR PL UMing CN
======  ========================================  =========================================

WeasyPrint is imported when a PDF is written, so ``import gongkai.report`` stays light.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

from ..model import Cell, Report
from ._common import fmt
from .html import write_html

# Font stacks: the official face first (used where installed), then the free stand-ins.
XIAOBIAOSONG = '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "AR PL UMing CN", serif'
FANGSONG = (
    '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", '
    '"Noto Serif CJK SC", "AR PL UMing CN", serif'
)
HEITI = '"黑体", "SimHei", "Noto Sans CJK SC", sans-serif'
KAITI = '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", serif'
SONGTI = '"宋体", "SimSun", "Noto Serif CJK SC", "AR PL UMing CN", serif'

# 225 mm of text block / 22 lines.
LINE = "28.9pt"

STYLE = f"""
@page {{
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center {{
    content: "— " counter(page) " —";
    font-family: {SONGTI}; font-size: 14pt; vertical-align: top; padding-top: 7mm;
  }}
}}
html {{ font-family: {FANGSONG}; font-size: 16pt; line-height: {LINE}; color: #000; }}
body {{ margin: 0; }}
h1 {{ font-family: {XIAOBIAOSONG}; font-size: 22pt; font-weight: bold; line-height: 1.45;
  text-align: center; margin: 0 0 {LINE} 0; }}
h2 {{ font-family: {HEITI}; font-size: 16pt; font-weight: normal; margin: 0;
  break-after: avoid; page-break-after: avoid; }}
p {{ margin: 0; text-indent: 2em; orphans: 2; widows: 2; }}
p.period {{ font-family: {KAITI}; text-indent: 0; text-align: center; margin-bottom: {LINE}; }}
.h3 {{ font-family: {KAITI}; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5em 0 1em 0;
  font-size: 10.5pt; line-height: 1.35; page-break-inside: auto; }}
col.label {{ width: 28%; }}
caption {{ font-family: {HEITI}; font-size: 14pt; line-height: 1.6; padding: 0.3em 0;
  text-align: center; caption-side: top; break-after: avoid; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th, td {{ border: 0.75pt solid #000; padding: 1.5pt 2pt; vertical-align: middle; }}
th {{ font-weight: bold; text-align: center; overflow-wrap: anywhere; }}
th[scope="row"], th[scope="rowgroup"] {{ text-align: left; }}
td {{ text-align: center; white-space: nowrap; }}
td.note {{ text-align: left; font-size: 9pt; font-weight: normal; white-space: normal; }}
#table-4 {{ font-size: 9pt; }}
""".strip()

# Column widths of tables 三 and 四 follow the widest number, so that numbers never wrap and
# two neighbours keep a gap the PDF reader sees as a cell boundary (≥ 2.5 mm).
TEXT_MM = 156.0
PT_MM = 25.4 / 72
DIGIT_EM = 0.6  # a digit of Noto Serif CJK is 0.56 em (bold 0.59)
GAP_MM = 2.5
T3_NUM_MM = 10.5  # the usual width of table 三's seven number columns (four digits)
T3_LABELS = (10.0, 11.5, 31.5)  # l1 : l2 : l3, the label columns share what is left
T4_PT = 9.0


def _chars(cells: Iterable[Cell]) -> int:
    return max((len(fmt(c.value)) for c in cells), default=1)


def table_css(report: Report) -> str:
    """Widths of table 三's columns and the size of table 四's numbers, for this report."""
    css: list[str] = []
    if report.table3 is not None:
        chars = _chars(c for row in report.table3 for c in row)
        num = max(T3_NUM_MM, chars * DIGIT_EM * 10.5 * PT_MM + GAP_MM)
        count = len(report.spec.table3_columns)
        left = max(TEXT_MM - count * num, 30.0)
        css.append(f"#table-3 col.num {{ width: {100 * num / TEXT_MM:.3f}%; }}")
        for name, share in zip(("l1", "l2", "l3"), T3_LABELS, strict=True):
            css.append(
                f"col.{name} {{ width: {100 * left * share / sum(T3_LABELS) / TEXT_MM:.3f}%; }}"
            )
    if report.table4 is not None:
        chars = _chars(report.table4)
        room = TEXT_MM / len(report.table4) - GAP_MM
        size = min(T4_PT, room / (chars * DIGIT_EM * PT_MM))
        css.append(f"#table-4 td {{ font-size: {size:.2f}pt; }}")
    return "\n".join(css)


# A second-level heading run in at the start of a paragraph: （一）政府信息公开。…
_RUN_IN = re.compile(r"^（[一二三四五六七八九十]{1,3}）[^。；：:！？（）]{1,30}(?:[。：:]|$)")


def paragraph_pdf(text: str) -> str:
    match = _RUN_IN.match(text)
    if not match:
        return f"<p>{escape(text)}</p>"
    head, rest = text[: match.end()], text[match.end() :]
    return f'<p><span class="h3">{escape(head)}</span>{escape(rest)}</p>'


# A title line holds 20 characters of 22 pt in the 156 mm text block.
TITLE_EMS = 20.0
_TITLE = re.compile(
    r"^(?P<agency>.+?)(?P<year>(?:19|20)\d{2}年)(?P<what>政府信息公开)(?P<rest>工作年度报告)$"
)


def _ems(text: str) -> float:
    """Width in ems: ASCII (digits) is about half a CJK character."""
    return sum(0.55 if ord(c) < 128 else 1.0 for c in text)


def title_pdf(text: str) -> str:
    """The title broken where it reads well, as official documents do (and as the readers
    expect): whole if it fits; else before 工作年度报告; else after the agency."""
    match = _TITLE.match(text)
    if not match or _ems(text) <= TITLE_EMS:
        return escape(text)
    agency, year, what, rest = match.group("agency", "year", "what", "rest")
    if _ems(agency + year + what) <= TITLE_EMS:
        return f"{escape(agency + year + what)}<br>{escape(rest)}"
    return f"{escape(agency)}<br>{escape(year + what + rest)}"


def write_pdf_html(report: Report) -> str:
    """The page the PDF is rendered from (for inspecting the print layout in a browser)."""
    return write_html(
        report,
        style=STYLE + "\n" + table_css(report),
        paragraph=paragraph_pdf,
        heading_html=title_pdf,
    )


def write_pdf(report: Report) -> bytes:
    """The report as PDF bytes: A4, CJK fonts embedded (subset), a text layer that reads back."""
    import weasyprint

    page = weasyprint.HTML(
        string=write_pdf_html(report), base_url=None, url_fetcher=_offline_fetcher()
    )
    pdf = page.write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


_FETCHER: Any = None


def _offline_fetcher() -> Any:
    """A WeasyPrint URL fetcher that refuses every URL: the page has no resource to fetch, and
    whatever a report's text says is escaped text, never a reference."""
    global _FETCHER
    if _FETCHER is None:
        from weasyprint.urls import URLFetcher

        class Offline(URLFetcher):
            def fetch(self, url: str, headers: object = None) -> Any:
                raise ValueError(f"gongkai: no resource is fetched when writing a PDF ({url[:80]})")

        _FETCHER = Offline(allowed_protocols=())
    return _FETCHER
