"""``gongkai diff``: one agency's reports of two consecutive years compared cell by cell."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..cli import app, fail, load_report
from ..report.diff import HEAD, TOP, Change, ReportDiff, diff_reports, row_text
from ..report.errors import ReportError
from ..report.model import Report
from ..report.output import write_atomic

FORMATS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json", "txt": "txt", "text": "txt"}


def diff_format(to: str | None, out: str | None) -> str | None:
    """The output format named by ``--to`` or by OUT's extension; None for the terminal table."""
    if to:
        choice = to.strip().lower().lstrip(".")
    elif out:
        choice = Path(out).suffix.lower().lstrip(".")
        if not choice:
            raise ReportError(f"无法从输出文件名“{out}”看出格式，请用 --to 指定（可选：md、html、json、txt）")
    else:
        return None
    if choice not in FORMATS:
        raise ReportError(f"不支持的输出格式“{choice}”，可选：md、html、json、txt")
    return FORMATS[choice]


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="上一年度的报告")],
    new: Annotated[str, typer.Argument(help="本年度的报告")],
    out: Annotated[str | None, typer.Option("--output", "-o", help="输出文件；省略则在终端显示")] = None,
    to: Annotated[str | None, typer.Option("--to", help="输出格式：md|html|json|txt（省略则取自输出文件的扩展名）")] = None,
) -> None:
    """对比同一机关相邻两年的年度报告：逐格变化、上年结转核对、变化最大的数字。Compare two years."""
    try:
        fmt = diff_format(to, out)
    except ReportError as exc:
        raise fail(exc.message) from None
    if out is not None and not Path(out).parent.is_dir():
        raise fail(f"输出目录不存在：{Path(out).parent}")
    if old == "-" and new == "-":
        raise fail("标准输入（“-”）只能读取一次")
    reports: list[Report] = []
    for name in (old, new):
        try:
            reports.append(load_report(name))
        except ReportError as exc:
            raise fail(f"{name}: {exc.message}") from None
        except Exception as exc:  # noqa: BLE001 — never a traceback for a bad input
            raise fail(f"{name}: 读取时发生内部错误（{type(exc).__name__}），请将此文件报告给开发者") from None
    try:
        result = diff_reports(reports[0], reports[1])
    except ReportError as exc:
        raise fail(exc.message) from None
    if fmt is None:
        _print(result)
        return
    text = {"md": result.to_markdown, "html": result.to_html, "json": result.to_json, "txt": result.to_text}[fmt]()
    if out is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(out, text.encode("utf-8"))
    except ReportError as exc:
        raise fail(exc.message) from None
    typer.echo(f"已写入 {out}（{result.summary_line()}）")


def _print(result: ReportDiff) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = Console(highlight=False)
    out.print(f"[bold]{escape(result.heading)}[/bold]")
    out.print(escape(f"旧：{result.old_source or '?'}（{result.old_edition} 版）  新：{result.new_source or '?'}（{result.new_edition} 版）"))
    for w in result.warnings:
        out.print(f"[yellow]警告[/yellow]：{escape(w)}")
    for n in result.notes:
        out.print(f"[cyan]说明[/cyan]：{escape(n)}")
    out.print()
    out.print("[bold]上年结转核对[/bold]")
    style = "green" if result.carryover_checked and not result.carryover else "yellow"
    for line in result.carryover_lines():
        out.print(f"  [{style}]{escape(line)}[/]")

    def table(title: str, changes: tuple[Change, ...]) -> None:
        grid = Table(*HEAD, title=title, title_justify="left")
        grid.columns[1].overflow = "fold"
        grid.columns[2].overflow = "fold"
        for col in grid.columns[3:]:
            col.justify = "right"
            col.no_wrap = True
        for c in changes:
            cells = [escape(x) for x in row_text(c)]
            if c.delta is not None and c.delta != 0:
                colour = "red" if c.delta > 0 else "green"
                cells[5] = f"[{colour}]{cells[5]}[/]"
            grid.add_row(*cells)
        out.print()
        out.print(grid)

    if result.by_absolute:
        table(f"变化最大（绝对值，前 {TOP} 项，不含金额）", result.by_absolute[:TOP])
    if result.by_relative:
        table(f"变化最大（相对上年，前 {TOP} 项）", result.by_relative[:TOP])
    if result.changes:
        table(f"逐格变化（{result.summary_line()}）", result.changes)
    else:
        out.print(f"逐格变化：{result.summary_line()}")
