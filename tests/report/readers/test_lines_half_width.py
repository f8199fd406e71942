"""half_width_all must give exactly what half_width gives, string by string."""

from gongkai.report.readers.lines import half_width_all
from gongkai.report.textnorm import _WIDTH, half_width


def test_every_character_half_width_changes() -> None:
    texts = [chr(code) for code in _WIDTH] + ["".join(chr(code) for code in _WIDTH)]
    assert half_width_all(texts) == [half_width(t) for t in texts]


def test_mixed_texts_and_separator_fallback() -> None:
    texts = ["（一）主动公开情况", "２０２", "", "ab", "\u200b 12\ufeff", "〔2021〕１号\u3000", "行政\x1f复议（５）"]
    assert half_width_all(texts) == [half_width(t) for t in texts]
    assert half_width_all(texts[:4]) == [half_width(t) for t in texts[:4]]
    plain = ["abc", "中文"]
    assert half_width_all(plain) == plain
