"""Commands beyond ``check`` and ``rule``, one module each, registered on ``gongkai.cli.app``.

A module here defines its command with ``@app.command(...)`` at import time; add its name to
``COMMANDS`` to ship it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import import_module

COMMANDS: tuple[str, ...] = ("merge", "diff", "audit", "convert", "deadline", "serve", "demo", "manage")
BUILTIN: tuple[str, ...] = ("check", "rule")  # defined in gongkai.cli itself


def register_all() -> None:
    register(COMMANDS)


def register(names: Sequence[str]) -> None:
    for name in names:
        import_module(f"{__name__}.{name}")


def wanted(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules to import for this process.

    Run as the ``gongkai`` command naming a command, only that command's module: the others
    import what it does not need (the writers, the holiday calendar …), which a batch of
    short runs pays at every start. Anything else (``--help``, an unknown name, tests,
    ``python -m``) gets them all."""
    if len(argv) > 1 and os.path.basename(argv[0]) == "gongkai":
        if argv[1] in COMMANDS:
            return (argv[1],)
        if argv[1] in BUILTIN:
            return ()
    return COMMANDS
