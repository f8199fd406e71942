"""The page, type sizes and table measures of the PDF, in points (GB/T 9704-2012): an A4
page with a 156 × 225 mm text block of 22 lines of 三号, the sizes of title, body, page number,
captions and table text, cell padding and rules, and the column widths that keep numbers whole
and neighbouring cells apart for a PDF reader.
"""

from __future__ import annotations

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
