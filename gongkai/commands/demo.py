"""``gongkai demo [--reset]``: the demo county 青山县, loaded through the real workflow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import app, fail
from .serve import django_ready, migrate, site_url

if TYPE_CHECKING:
    from ..demo import Summary

ROLE_NAMES = {
    "superuser": "系统超级管理员（后台 /admin/）",
    "officer": "公开工作人员",
    "approver": "审批人（可批准延期答复）",
    "admin": "机构管理员",
    "supervisor": "监督人员（可查看全县）",
}


@app.command("demo")
def demo_command(
    reset: Annotated[bool, typer.Option("--reset", help="删除已有的演示数据并重新生成（其他数据不受影响）")] = False,
) -> None:
    """载入演示数据：虚构的青山县，一年多的依申请公开办理记录。Load the demo county.

    更新数据库结构，载入演示数据（已存在则不变，除非 --reset），然后列出演示账号。"""
    django_ready()
    migrate()
    from django.db import DatabaseError

    from ..demo import DemoError, load

    try:
        summary = load(reset=reset)
    except DemoError as exc:
        raise fail(exc.message) from None
    except DatabaseError as exc:
        raise fail(f"载入演示数据时数据库出错：{' '.join(str(exc).split())}") from None
    if summary.created:
        typer.echo(f"已载入演示数据“青山县”：{summary.applications} 件政府信息公开申请，"
                   f"{summary.remedies} 件行政复议和行政诉讼（用时 {summary.seconds:.0f} 秒）。")
    else:
        typer.echo(f"演示数据“青山县”已存在（{summary.applications} 件申请），未作改动；"
                   "重新生成请运行 gongkai demo --reset。")
    _print_sign_ins(summary)


def _print_sign_ins(summary: Summary) -> None:
    from rich.cells import cell_len

    rows = [("用户名", "密码", "机构", "角色")]
    rows += [(r.username, r.password or "（原有密码）", r.agency or "—", ROLE_NAMES.get(r.role, r.role))
             for r in summary.sign_ins]
    widths = [max(cell_len(row[i]) for row in rows) for i in range(3)]
    typer.echo("演示账号：")
    for row in rows:
        cells = [cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=False)]
        typer.echo("  " + "  ".join([*cells, row[3]]))
    url = site_url("127.0.0.1", 8000)
    typer.echo(f"运行 gongkai serve 后打开 {url}，工作人员登录：{url}accounts/login/")
