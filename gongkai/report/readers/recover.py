"""Recovering cells whose separators were lost (行政规范性文件693665, 713000074).

A run of digits is split into the expected number of cells only when exactly one split
satisfies every sum the table defines; otherwise the cells are reported as ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

MAX_DIGITS = 40  # longer runs are not split (the search would explode and nothing is certain)


def splits(digits: list[str], parts: int) -> Iterator[list[int]]:
    """Every way to cut the digit strings into ``parts`` numbers, each string into ≥ 1 piece.

    Pieces never have leading zeros ("07" is not a cell), so "000" can only be 0, 0, 0.
    """
    if sum(len(d) for d in digits) > MAX_DIGITS or parts < len(digits):
        return
    yield from _cut(digits, 0, parts, [])


def _cut(digits: list[str], at: int, parts: int, acc: list[int]) -> Iterator[list[int]]:
    if at == len(digits):
        if parts == 0:
            yield list(acc)
        return
    text = digits[at]
    remaining_strings = len(digits) - at - 1
    for pieces in range(1, min(len(text), parts - remaining_strings) + 1):
        for cut in _pieces(text, pieces):
            yield from _cut(digits, at + 1, parts - pieces, acc + cut)


def _pieces(text: str, count: int) -> Iterator[list[int]]:
    if count == 1:
        if len(text) == 1 or text[0] != "0":
            yield [int(text)]
        return
    for i in range(1, len(text) - count + 2):
        head = text[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _pieces(text[i:], count - 1):
            yield [int(head), *rest]


def candidates(
    digits: list[str], parts: int, accept: Callable[[list[int]], bool], limit: int = 2000
) -> list[list[int]]:
    """The splits that ``accept`` keeps (at most ``limit``)."""
    found: list[list[int]] = []
    for values in splits(digits, parts):
        if accept(values):
            found.append(values)
            if len(found) >= limit:
                break
    return found
