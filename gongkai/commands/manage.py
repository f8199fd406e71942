"""``gongkai manage ARGS...``: Django's management commands, as ``python manage.py ARGS...``.

For example ``gongkai manage enter_holidays 2027.json`` or ``gongkai manage createsuperuser``."""

from __future__ import annotations

import typer

from ..cli import app
from .serve import django_ready


@app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                                         "allow_interspersed_args": False},
             options_metavar="COMMAND [ARGS]...")
def manage_command(ctx: typer.Context) -> None:
    """运行 Django 管理命令（同 python manage.py …），例如 gongkai manage enter_holidays 2027.json。

    Runs a Django management command; "gongkai manage help" lists them."""
    django_ready()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai manage", *ctx.args])
