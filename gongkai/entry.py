"""The ``gongkai`` command's entry point.

``gongkai audit`` with plain arguments runs without importing typer (``commands.audit_run``):
a batch audit pays the start-up in series before its workers start. Everything else goes to
the typer application in ``gongkai.cli``.
"""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["audit"]:
        from .commands.audit_run import run_plain

        status = run_plain(args[1:])
        if status is not None:
            sys.exit(status)
    from .cli import main as cli_main

    cli_main()


if __name__ == "__main__":  # pragma: no cover
    main()
