"""``gongkai convert FILE --to FORMAT [-o OUT]``: a report into another format.

Reads any report the engine reads (txt/html/docx/pdf/xlsx/json) and writes it as HTML, DOCX,
PDF, XLSX, Markdown, the full JSON or plain text. The output is written atomically: a failure
leaves no file behind. Every failure is one line on standard error and exit status 2.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..cli import EXIT_UNREADABLE, app, fail, load_report
from ..report.errors import ReportError
from ..report.output import write_atomic
from ..report.writers import EXTENSIONS, formats, writer_for


def _format_help() -> str:
    return "输出格式：" + "|".join(formats()) + "；省略时按输出文件的扩展名判断"


@app.command("convert")
def convert_command(
    file: Annotated[str, typer.Argument(help="报告文件（txt/html/docx/pdf/xlsx/json），“-” 表示标准输入")],
    to: Annotated[str | None, typer.Option("--to", "-t", help=_format_help())] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="输出文件；默认为当前目录下与输入同名、换上新扩展名的文件；“-” 表示标准输出"),
    ] = None,
) -> None:
    """把年度报告转换为其他格式。Convert a report to HTML, DOCX, PDF, XLSX, Markdown, JSON or text."""
    try:
        if to is not None:
            kind, writer = writer_for(to)
        elif output is not None and output != "-" and Path(output).suffix:
            kind, writer = writer_for(output)
        else:
            raise fail(f"请用 --to 指定输出格式（{'、'.join(formats())}）", EXIT_UNREADABLE)
    except ReportError as exc:
        raise fail(exc.message, EXIT_UNREADABLE) from None

    if output is None:
        if file == "-":
            raise fail("从标准输入读取时请用 -o 指定输出文件（“-” 为标准输出）", EXIT_UNREADABLE)
        target: Path | None = Path(Path(file).stem + EXTENSIONS[kind])
    else:
        target = None if output == "-" else Path(output)
    if target is not None and file != "-" and _same_file(Path(file), target):
        raise fail(f"{target}: 输出文件就是输入文件，请用 -o 另选文件名", EXIT_UNREADABLE)

    try:
        report = load_report(file)
    except ReportError as exc:
        raise fail(f"{file}: {exc.message}", EXIT_UNREADABLE) from None
    try:
        data = writer(report)
    except ReportError as exc:
        raise fail(f"{file}: {exc.message}", EXIT_UNREADABLE) from None
    except Exception as exc:  # noqa: BLE001 — a writer bug must not show a traceback
        raise fail(f"{file}: 转换为 {kind} 时发生内部错误（{type(exc).__name__}），请将此文件报告给开发者",
                   EXIT_UNREADABLE) from None

    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        typer.echo(f"已将 {file} 转换为 {kind}（{len(data)} 字节）写到标准输出", err=True)
        return
    try:
        write_atomic(target, data)
    except ReportError as exc:
        raise fail(exc.message, EXIT_UNREADABLE) from None
    typer.echo(f"已写入 {target}（{kind}，{len(data)} 字节）")


def _same_file(source: Path, target: Path) -> bool:
    try:
        return target.exists() and os.path.samefile(source, target)
    except OSError:
        return False
