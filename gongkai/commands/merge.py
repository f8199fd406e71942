"""``gongkai merge``: several agencies' reports of one year summed into one regional report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import EXIT_UNREADABLE, app, fail, load_report
from ..report.errors import OutputError, ReportError
from ..report.model import Report
from ..report.writers import Writer, formats, writer_for


def writer_named(to: str | None, out: str) -> Writer:
    """The writer for ``--to`` (a format name) or, without it, for the output file's extension."""
    if to:
        return writer_for(to)[1]
    if not Path(out).suffix:
        raise OutputError(f"无法从输出文件名“{out}”看出格式，请用 --to 指定（可选：{'、'.join(formats())}）",
                          f"cannot tell the format from {out!r}; use --to")
    return writer_for(out)[1]


@app.command("merge")
def merge_command(
    files: Annotated[list[str], typer.Argument(help="同一年度、同一格式版本的各机关报告（至少两份），“-” 表示标准输入")],
    out: Annotated[str, typer.Option("--output", "-o", help="输出文件；格式取自 --to 或扩展名")],
    to: Annotated[str | None, typer.Option("--to", help="输出格式：json/md/html/docx/xlsx/pdf/txt")] = None,
    agency: Annotated[str, typer.Option("--agency", help="汇总报告的机关（地区）名称")] = "",
) -> None:
    """逐格汇总同一年度多个机关的年度报告。Sum several agencies' reports of one year into one."""
    from ..report.merge import merge
    from ..report.output import write_atomic

    try:
        write = writer_named(to, out)
    except ReportError as exc:
        raise fail(exc.message) from None
    folder = Path(out).parent
    if not folder.is_dir():
        raise fail(f"输出目录不存在：{folder}")
    if files.count("-") > 1:
        raise fail("标准输入（“-”）只能读取一次")
    reports: list[Report] = []
    for name in files:
        try:
            reports.append(load_report(name))
        except ReportError as exc:
            raise fail(f"{name}: {exc.message}") from None
        except Exception as exc:  # noqa: BLE001 — never a traceback for a bad input
            raise fail(f"{name}: 读取时发生内部错误（{type(exc).__name__}），请将此文件报告给开发者") from None
    try:
        result = merge(reports, agency)
        data = write(result.report)
        write_atomic(out, data)
    except ReportError as exc:
        raise fail(exc.message) from None
    except Exception as exc:  # noqa: BLE001
        raise fail(f"生成汇总报告时发生内部错误（{type(exc).__name__}），请报告给开发者", EXIT_UNREADABLE) from None
    typer.echo(f"已汇总 {len(result.contributors)} 份报告 → {out}（{result.report.agency}，{result.report.year or '年度不明'}年）")
    for n, name in enumerate(result.contributors, start=1):
        typer.echo(f"  {n}. {name}")
    for line in result.warnings:
        typer.echo(f"警告：{line}")
    for anomaly in result.report.anomalies:
        where = f"表{anomaly.table} {anomaly.row}".rstrip()
        typer.echo(f"  {where}：{anomaly.detail}")
