"""The ``gongkai`` command. Thin: parse arguments, call the engine, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .commands.options import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, Lang, OutputFormat
from .report import ReportError, check, read_bytes, read_path
from .report.findings import Finding, Severity
from .report.model import Report
from .report.serialize import summary

app = typer.Typer(
    help="gongkai（公开）：政府信息公开工作年度报告的检查工具。Checks annual reports on government information disclosure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def load_report(name: str) -> Report:
    """Read a report named on the command line (``-`` is standard input)."""
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    return read_path(name)


def fail(message: str, code: int = EXIT_UNREADABLE) -> typer.Exit:
    """Print one clear line on standard error; the caller raises the returned Exit."""
    typer.echo(message, err=True)
    return typer.Exit(code)


_read = load_report


@app.command("check")
def check_command(
    files: Annotated[list[str], typer.Argument(help="报告文件（txt/html/docx/pdf/xlsx/json），“-” 表示标准输入")],
    previous: Annotated[str | None, typer.Option("--previous", "-p", help="上一年度的报告，用于核对上年结转")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式")] = OutputFormat.text,
    lang: Annotated[Lang, typer.Option("--lang", help="消息语言 zh|en")] = Lang.zh,
) -> None:
    """检查年度报告：读出表格数字，按规则目录逐条核对。Check annual reports."""
    english = lang == Lang.en
    prev: Report | None = None
    status = EXIT_OK
    if previous is not None:
        try:
            prev = _read(previous)
        except ReportError as exc:
            _say_error(previous, exc, english)
            raise typer.Exit(EXIT_UNREADABLE) from None
    printer = _TextPrinter(english) if output == OutputFormat.text else None
    for name in files:
        try:
            report = _read(name)
            findings = check(report, prev)
        except Exception as exc:  # noqa: BLE001 — one bad file must never show a traceback or stop the batch
            if not isinstance(exc, ReportError):
                exc = ReportError(f"读取时发生内部错误（{type(exc).__name__}），请将此文件报告给开发者",
                                  f"internal error ({type(exc).__name__}); please report this file")
            status = EXIT_UNREADABLE
            if printer is None:
                _emit_json({"file": name, "error": exc.message_en if english else exc.message, "report": None, "findings": []})
            else:
                printer.unreadable(name, exc)
            continue
        if any(f.severity == Severity.ERROR for f in findings) and status == EXIT_OK:
            status = EXIT_FINDINGS
        if printer is None:
            _emit_json({
                "file": name,
                "error": None,
                "report": summary(report),
                "findings": [f.as_dict(english) for f in findings],
            })
        else:
            printer.report(name, report, findings)
    if printer is not None:
        printer.close()
    raise typer.Exit(status)


def _emit_json(obj: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _say_error(name: str, exc: ReportError, english: bool) -> None:
    message = exc.message_en if english else exc.message
    typer.echo(f"{name}: {message}", err=True)


class _TextPrinter:
    """Readable Chinese output grouped by file and rule; colours only on a terminal."""

    _STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTICE: "cyan"}

    def __init__(self, english: bool) -> None:
        from rich.console import Console

        self.english = english
        self.out = Console(highlight=False, soft_wrap=True)
        self.counts = {s: 0 for s in Severity}
        self.files = 0

    def unreadable(self, name: str, exc: ReportError) -> None:
        message = exc.message_en if self.english else exc.message
        self.out.print(f"[bold]{_escape(name)}[/bold]: [bold red]{'cannot read' if self.english else '无法读取'}[/]: {_escape(message)}")

    def report(self, name: str, report: Report, findings: list[Finding]) -> None:
        self.files += 1
        head = f"{report.agency or '?'} {report.year or '?'}年 · {report.edition}版"
        self.out.print(f"[bold]{_escape(name)}[/bold]  {_escape(head)}")
        if not findings:
            self.out.print("  [green]✓[/green] " + ("no findings" if self.english else "未发现问题"))
        for f in findings:
            self.counts[f.severity] += 1
            sev = f.severity.value if self.english else f.severity.zh
            msg = f.message_en if self.english else f.message
            self.out.print(
                f"  [{self._STYLE[f.severity]}]{sev}[/] [bold]{f.rule}[/bold]  {_escape(f.location.describe())}  {_escape(msg)}"
            )

    def close(self) -> None:
        c = self.counts
        if self.english:
            line = f"{self.files} report(s): {c[Severity.ERROR]} errors, {c[Severity.WARNING]} warnings, {c[Severity.NOTICE]} notices"
        else:
            line = f"共 {self.files} 份报告：错误 {c[Severity.ERROR]} 条，警告 {c[Severity.WARNING]} 条，提示 {c[Severity.NOTICE]} 条"
        self.out.print(line)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command("rule")
def rule_command(
    rule_id: Annotated[str | None, typer.Argument(help="规则编号，例如 t3-balance；省略则列出全部规则")] = None,
) -> None:
    """列出规则目录，或显示一条规则的说明。List the rule catalogue or show one rule."""
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.table import Table

    from .report.rules import RULES

    out = Console()
    if rule_id is None:
        table = Table("编号 id", "级别 severity", "状态 status", "说明 title")
        for entry in RULES.values():
            table.add_row(entry.id, entry.severity.value, entry.status, entry.title)
        out.print(table)
        return
    chosen = RULES.get(rule_id)
    if chosen is None:
        typer.echo(f"没有编号为“{rule_id}”的规则；运行 gongkai rule 查看全部规则", err=True)
        raise typer.Exit(2)
    from .report.docs import rule_page

    out.print(Markdown(rule_page(chosen)))


# Commands in their own modules register themselves on ``app`` when imported; the gongkai
# command imports only the one it runs (see commands.wanted).
from .commands import register, wanted  # noqa: E402

register(wanted(sys.argv))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("已中断", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    # Run through the imported module, so commands registered on gongkai.cli.app are seen.
    from gongkai.cli import main as _main

    _main()


__all__ = ["app", "main", "Path"]
