"""Writing outputs so that a failure never leaves a partial file behind.

``write_atomic`` writes bytes held in memory; ``AtomicStream`` writes a text output a row at a
time. Both write to a temporary file beside the output and rename it into place at the end.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from .errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary(path: Path, folder: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``, named so that a listing shows what it is for."""
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"无法写入输出目录 {folder}：{exc.strerror or exc}", f"cannot write to {folder}: {exc}") from exc


def _publish(tmp: str | Path, path: Path) -> None:
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for publishing
    os.replace(tmp, path)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出目录不存在：{folder}", f"output folder does not exist: {folder}")
    fd, tmp = _temporary(path, folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        _publish(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"无法写入 {path}：{exc.strerror or exc}", f"cannot write {path}: {exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


class AtomicStream:
    """``write_atomic`` for a text output written a row at a time (UTF-8 with BOM, for Excel):
    rows go to a temporary file beside ``path`` (never all held in memory), renamed into place
    by ``commit``; ``discard`` removes it after an error."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, tmp = _temporary(path, path.parent)
        self.tmp = Path(tmp)
        self.file: io.TextIOWrapper | None = open(fd, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115

    def commit(self) -> Path:
        assert self.file is not None
        try:
            self.file.close()
            self.file = None
            _publish(self.tmp, self.path)
        except OSError as exc:
            self.tmp.unlink(missing_ok=True)  # never leave the .part file behind
            raise OutputError(f"无法写入 {self.path}：{exc.strerror or exc}", f"cannot write {self.path}: {exc}") from exc
        return self.path

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.tmp.unlink(missing_ok=True)
