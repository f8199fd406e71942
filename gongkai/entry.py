"""The ``gongkai`` command's entry point.

``gongkai audit`` with plain arguments runs without importing typer (``commands.audit_run``):
a batch audit pays the start-up in series before its workers start. Everything else goes to
the typer application in ``gongkai.cli``.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["audit"]:
        from .commands.audit_run import run_plain

        status = run_plain(args[1:])
        if status is not None:
            _exit_now(status)
    from .cli import main as cli_main

    cli_main()


def _exit_now(status: int) -> None:
    """Exit without tearing the interpreter down (as mypy does): every output is already
    written, closed and renamed into place and the workers have exited, so freeing tens of
    thousands of objects one by one (about 20 ms) would only delay the shell."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    main()
