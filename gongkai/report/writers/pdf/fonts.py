"""The PDF's faces (小标宋, 仿宋, 黑体, 楷体, 宋体): each the official font where the machine
has it, else the free stand-in, found with fontconfig or in Debian's font folders and registered
with ReportLab once a process (TrueType only; nothing is fetched). A ``_Face`` measures text in
ems and splits it into runs of one font, setting a character the face lacks in the first other
face that has it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Sequence
from typing import Any

from ...errors import OutputError

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
