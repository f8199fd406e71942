"""The two files people write for the audit: the agency hierarchy and the dismissals.

The hierarchy file (``--hierarchy``) names each parent agency's sub-agencies, for the
consolidation check. ``OUTDIR/dismissed.csv`` lists the findings reviewers have dismissed, by
fingerprint, so that a finding dismissed once stays dismissed in every later run; it is
created with its header when absent. Both are edited by hand, with any editor or spreadsheet,
so both are read leniently: UTF-8 with or without BOM or GB18030, Chinese or English headers,
full-width punctuation, blank and comment lines (docs/audit.md).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

from ..errors import UnreadableFile
from ..output import write_atomic

DISMISSED_FILE = "dismissed.csv"
DISMISSED_HEADER = ("fingerprint", "reason", "reviewer", "date")

# -- the hierarchy file ------------------------------------------------------------------

_CHILD_SEPARATORS = str.maketrans({c: "," for c in "，、;；\t"})


def parse_hierarchy(text: str) -> dict[str, list[str]]:
    """``上级机关: 下级1, 下级2`` per line (see docs/audit.md); an indented line continues the list."""
    tree: dict[str, list[str]] = {}
    parent: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace() and parent is not None:
            head, rest = parent, line
        else:
            head, sep, rest = line.replace("：", ":").partition(":")
            if not sep or not head.strip():
                raise UnreadableFile(f"机关层级文件第{number}行缺少“上级机关:”", f"hierarchy file line {number}: no 'parent:'")
            head = head.strip()
        parent = head
        children = tree.setdefault(head, [])
        for name in rest.translate(_CHILD_SEPARATORS).split(","):
            if name.strip() and name.strip() not in children:
                children.append(name.strip())
    return tree


def load_hierarchy(path: Path) -> dict[str, list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"无法读取机关层级文件 {path}：{exc.strerror or exc}", f"cannot read hierarchy file {path}: {exc}") from exc
    return parse_hierarchy(_decode(data))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


# -- dismissals --------------------------------------------------------------------------


class Dismissal(NamedTuple):
    fingerprint: str
    reason: str
    reviewer: str
    date: str


_HEADER_ALIASES = {"指纹": "fingerprint", "理由": "reason", "原因": "reason", "审核人": "reviewer", "日期": "date"}


def load_dismissals(out: Path) -> dict[str, Dismissal]:
    """``OUTDIR/dismissed.csv`` (created with its header if absent): fingerprint → dismissal."""
    path = out / DISMISSED_FILE
    if not path.exists():
        write_atomic(path, (",".join(DISMISSED_HEADER) + "\n").encode("utf-8"))
        return {}
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise UnreadableFile(f"无法读取 {path}：{exc.strerror or exc}", f"cannot read {path}: {exc}") from exc
    return parse_dismissals(text)


def parse_dismissals(text: str) -> dict[str, Dismissal]:
    rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if r and any(c.strip() for c in r)]
    if not rows:
        return {}
    head = [_HEADER_ALIASES.get(c.strip(), c.strip().lower()) for c in rows[0]]
    if "fingerprint" in head:
        rows = rows[1:]
    else:
        head = list(DISMISSED_HEADER)
    out: dict[str, Dismissal] = {}
    for row in rows:
        values = dict(zip(head, (c.strip() for c in row), strict=False))
        fp = values.get("fingerprint", "")
        if fp and not fp.startswith("#"):
            out[fp] = Dismissal(fp, values.get("reason", ""), values.get("reviewer", ""), values.get("date", ""))
    return out
