"""The resumable results cache: ``OUTDIR/.audit-cache/results.jsonl``.

One JSON line per audited file, appended and flushed a batch at a time, so that a run that is
killed loses at most the batch in flight and the next run takes up where it stopped. A cached
line is reused while the file's size and mtime are unchanged (and, when the mtime is too close
to the moment of auditing to prove anything, its sha1 too) and the engine has not changed.
Only a small index stays in memory; the lines are read back from disk one at a time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import UnreadableFile
from .work import Carry, Done, carry_of, engine_version, is_racy, read_file

CACHE_DIR = ".audit-cache"
CACHE_FILE = "results.jsonl"

_STAMP = struct.Struct("<qqqq")  # offset of the line, size, mtime_ns, audited_ns


class Cache:
    """``OUTDIR/.audit-cache/results.jsonl``: one JSON line per audited file, append only.

    In memory, per file: where its latest line is and the stat it was audited with (packed in
    32 bytes), and its ``Carry``; the rest stays on disk and is read back a line at a time.
    Lines of another engine version, and a line cut short by a kill, are ignored.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / CACHE_FILE
        self.index: dict[str, bytes] = {}
        self.carry: dict[str, Carry] = {}
        self.lines = 0
        self._out: io.BufferedWriter | None = None
        self._reader: io.BufferedReader | None = None

    def load(self) -> None:
        engine = engine_version()
        if not self.path.exists():
            return
        with open(self.path, "rb") as f:
            offset = 0
            for raw in f:
                self.lines += 1
                try:
                    record = json.loads(raw)
                    if record.get("engine") == engine and raw.endswith(b"\n"):
                        self._remember(record["key"], offset, record["size"], record["mtime_ns"],
                                       record["audited_ns"], carry_of(record))
                except (ValueError, KeyError, TypeError, IndexError):
                    pass
                offset += len(raw)

    def _remember(self, key: str, offset: int, size: int, mtime_ns: int, audited_ns: int, carry: Carry | None) -> None:
        # Interned: a file's key, an agency's name and an edition are held once however often they occur.
        key = sys.intern(key)
        self.index[key] = _STAMP.pack(offset, size, mtime_ns, audited_ns)
        if carry is None:
            self.carry.pop(key, None)
        else:
            self.carry[key] = carry._replace(agency=sys.intern(carry.agency), edition=sys.intern(carry.edition))

    def usable(self, key: str, st: os.stat_result | None) -> tuple[bool, bool]:
        """Whether the cached result of ``key`` still holds, and whether it took a sha1 to tell."""
        found = self.index.get(key)
        if found is None or st is None:
            return False, False
        _, size, mtime_ns, audited_ns = _STAMP.unpack(found)
        if size != st.st_size or mtime_ns != st.st_mtime_ns:
            return False, False
        if not is_racy(mtime_ns, audited_ns):
            return True, False
        try:
            data = read_file(key)
        except UnreadableFile:
            return False, True
        return hashlib.sha1(data).hexdigest() == self.read(key).get("sha1"), True

    def append(self, batch: Sequence[Done]) -> None:
        """Append a batch's lines and flush them, so a kill loses at most the batch in flight."""
        if self._out is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._out = open(self.path, "ab")  # noqa: SIM115 — kept open across batches
            if self._out.tell() and not _ends_with_newline(self.path):
                self._out.write(b"\n")
                self.lines += 1
        for done in batch:
            offset = self._out.tell()
            self._out.write(done.line)
            self._remember(done.key, offset, done.size, done.mtime_ns, done.audited_ns, done.carry)
            self.lines += 1
        self._out.flush()

    def read(self, key: str) -> dict[str, Any]:
        if self._out is not None:
            self._out.flush()
        if self._reader is None:
            self._reader = open(self.path, "rb")  # noqa: SIM115 — kept open across reads
        self._reader.seek(_STAMP.unpack(self.index[key])[0])
        record: dict[str, Any] = json.loads(self._reader.readline())
        return record

    def close(self) -> None:
        for f in (self._out, self._reader):
            if f is not None:
                f.close()
        self._out = self._reader = None

    def compact(self) -> bool:
        """Rewrite the file with only the latest line per file, when it has grown much longer."""
        if self.lines <= len(self.index) * 3 // 2 + 100:
            return False
        self.close()
        tmp = self.path.with_suffix(".compact")
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            for key, packed in sorted(self.index.items(), key=lambda kv: _STAMP.unpack(kv[1])[0]):
                offset, size, mtime_ns, audited_ns = _STAMP.unpack(packed)
                src.seek(offset)
                self.index[key] = _STAMP.pack(dst.tell(), size, mtime_ns, audited_ns)
                dst.write(src.readline())
        os.replace(tmp, self.path)
        self.lines = len(self.index)
        return True


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"
