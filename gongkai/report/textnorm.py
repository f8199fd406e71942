"""Normalisation shared by readers and rules: full-width forms, spaces, numerals, numbers."""

from __future__ import annotations

import re

# Full-width ASCII (！…～) to ASCII, ideographic and no-break spaces to spaces.
_WIDTH: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: None, 0xFEFF: None})
_WIDTH.update({ord("〔"): ord("["), ord("〕"): ord("]")})
_SPACES = re.compile(r"\s+")

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_NEEDS_WIDTH = re.compile("[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u200b\ufeff〔〕]")


def half_width(text: str) -> str:
    # translate() looks every character up in a dict; most strings need nothing.
    return text.translate(_WIDTH) if _NEEDS_WIDTH.search(text) else text


def squash(text: str) -> str:
    """Half-width and without any whitespace: the form labels are matched in."""
    return _SPACES.sub("", text.translate(_WIDTH))


def cn_numeral(text: str) -> int | None:
    """一 … 九十九 as an int."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)
    return CN_DIGITS[text] if len(text) == 1 else None


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs: no space between CJK characters, one space between
    ASCII words; a line ending a sentence (。！？：；), a heading, or a line before a numbered
    item ends its paragraph ("\n")."""
    out: list[str] = []
    heading = False  # the previous line was a heading
    for line in lines:
        line = line.strip()
        if not line:
            continue
        item = _STARTS_ITEM.match(line) is not None
        if out:
            last = out[-1][-1]
            if last in _PARAGRAPH_END or item or heading:
                out.append("\n")
            elif _is_ascii_word(last) and _is_ascii_word(line[0]):
                out.append(" ")
        out.append(line)
        heading = item and len(line) <= 30 and "。" not in line
    return "".join(out)


_PARAGRAPH_END = frozenset("。！？：；!?:;")
# A line starting a numbered item or heading starts a paragraph: 一、 （一） (一) 一是 1. 1、
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d))")


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# Cell text that means "no value": a blank cell is reported, never read as 0.
BLANK_MARKS = frozenset({"", "/", "-", "--", "—", "——", "–", "\\", "－", "一", "无", "空", "—/—", "x", "X"})
# Looks like a number damaged by OCR or typing (1O, l2, 3..5): reported as unreadable.
DAMAGED = re.compile(r"^(?=.*\d)[\dOoIl|.,，。]{1,12}$")


def parse_number(token: str) -> int | float | None:
    """A cell's value, or None if it is not a plain number."""
    token = token.replace(",", "")
    try:
        return int(token)
    except ValueError:
        try:
            value = float(token)
        except ValueError:
            return None
        return value


# CJK ideographs, compatibility ideographs and forms, full-width forms. Compared by range, not
# by a regex class: compiling a class this wide costs milliseconds at every start.
_CJK_RANGES = (("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\ufe30", "\ufe4f"), ("\uff00", "\uffef"))


def _is_cjk(ch: str) -> bool:
    return any(low <= ch <= high for low, high in _CJK_RANGES)


def join_cell_lines(pieces: list[str]) -> str:
    """The lines or paragraphs of one table cell as one string: whitespace collapsed, nothing
    between two CJK characters, a space otherwise (商业/企业 → 商业企业, 5/件 → 5 件)."""
    out = ""
    for piece in pieces:
        part = " ".join(piece.split())
        if not part:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(part[0])):
            out += " "
        out += part
    return out
