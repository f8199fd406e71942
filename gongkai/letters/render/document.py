"""A letter as plain data, before it is laid out: what GB/T 9704-2012 calls the 标题, 发文字号,
主送机关, 正文, 发文机关署名, 成文日期 and 附注. Plain Python: the platform fills it from its
records; the writers lay it out as DOCX or PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# A first-level heading of the body (一、…): short, one phrase, set in 黑体 (GB/T 9704 7.3.3).
_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、[^。；]{1,28}[。：]?$")
# Where a long title reads well when broken: before 政府信息公开…, after the agency's name.
_TITLE_BREAK = "政府信息公开"
TITLE_CHARS = 20  # 二号 characters a title line holds in the 156 mm text block


@dataclass(frozen=True)
class LetterDocument:
    title: str
    number: str = ""  # 发文字号, centred under the title
    recipient: str = ""  # 主送: flush left, ends with a full-width colon
    paragraphs: tuple[str, ...] = ()
    signature: str = ""  # 发文机关署名
    date: str = ""  # 成文日期, as printed: 2025年10月30日
    note: str = ""  # 附注 (contact), in parentheses under the date
    keywords: str = "政府信息公开"

    @property
    def salutation(self) -> str:
        """The recipient as printed: with its colon."""
        text = self.recipient.strip()
        return text if not text or text.endswith(("：", ":")) else f"{text}："


def chinese_date(day: date) -> str:
    """成文日期 in the style GB/T 9704-2012 7.3.5.1 asks: 2025年10月30日 (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def is_heading(paragraph: str) -> bool:
    return bool(_HEADING.match(paragraph))


def _ems(text: str) -> float:
    return sum(0.5 if ord(c) < 128 else 1.0 for c in text)


def title_lines(title: str, limit: float = TITLE_CHARS) -> list[str]:
    """The title whole if it fits a line; else broken before 政府信息公开 (the agency's name on
    the first line), so that no word is cut (GB/T 9704 7.3.2: 回行时词意完整)."""
    if _ems(title) <= limit:
        return [title]
    at = title.find(_TITLE_BREAK)
    if at > 0 and _ems(title[:at]) <= limit and _ems(title[at:]) <= limit:
        return [title[:at], title[at:]]
    return [title]


def paragraphs_of(text: str) -> tuple[str, ...]:
    """The body's paragraphs: one a non-empty line, surrounding blanks dropped."""
    return tuple(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip())
