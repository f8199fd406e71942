"""Finding the files to audit under the paths the user named.

``discover`` walks folders recursively and returns every supported file as a ``Target``: the
name shown in the outputs and the absolute path that keys the cache. The order is
deterministic (sorted path by path, folder by folder), hidden entries and Office lock files are
skipped, a symlinked folder is followed once, and the output folder is left out so that a run
never audits its own results.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

SUPPORTED = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".xlsx", ".pdf", ".json"})


class Target(NamedTuple):
    name: str  # as shown in the outputs: the path as found under what the user named
    key: str  # absolute path: the cache key


def discover(paths: Iterable[str | Path], skip: Iterable[str | Path] = ()) -> list[Target]:
    """Every supported file under ``paths``, in a deterministic order.

    Folders are walked recursively, files sorted by path (folder by folder); hidden entries (``.name``),
    Office lock files (``~$name``) and the folders in ``skip`` are left out; a symlinked
    folder is followed once (never into a loop). A file named directly is always included,
    whatever its extension; a missing path is included too and reported unreadable.
    """
    skipped = {os.path.realpath(p) for p in skip}
    seen_dirs: set[tuple[int, int]] = set()
    seen: set[str] = set()
    out: list[Target] = []

    def add(name: str) -> None:
        key = sys.intern(os.path.abspath(name))  # one string shared with the cache index
        name = key if name == key else name
        if key not in seen:
            seen.add(key)
            out.append(Target(name, key))

    for given in paths:
        given = str(given)
        if os.path.isdir(given):
            for name in sorted(_walk(given, skipped, seen_dirs), key=lambda n: n.split(os.sep)):
                add(name)
        else:
            add(given)
    return out


def _walk(top: str, skipped: set[str], seen_dirs: set[tuple[int, int]]) -> Iterator[str]:
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen_dirs or os.path.realpath(folder) in skipped:
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subfolders: list[str] = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                subfolders.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in SUPPORTED:
                yield entry.path
        stack.extend(reversed(subfolders))
