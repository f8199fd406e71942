"""Commands beyond ``check`` and ``rule``, one module each, registered on ``gongkai.cli.app``.

A module here defines its command with ``@app.command(...)`` at import time; add its name to
``COMMANDS`` to ship it.
"""

from __future__ import annotations

from importlib import import_module

COMMANDS: tuple[str, ...] = ("merge", "diff", "audit", "convert", "deadline")


def register_all() -> None:
    for name in COMMANDS:
        import_module(f"{__name__}.{name}")
