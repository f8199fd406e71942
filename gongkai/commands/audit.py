"""``gongkai audit``: check a whole folder of reports, in parallel, resumably (docs/audit.md).

The typer face of the command: its help and its handling of unusual arguments. The run itself
is ``commands.audit_run``, which ``gongkai.entry`` also calls directly for plain arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import app
from .audit_run import plain_args, run
from .options import Lang


@app.command("audit")
def audit_command(
    paths: Annotated[list[str], typer.Argument(help="报告文件或目录（递归查找 txt/md/html/htm/docx/xlsx/pdf/json）")],
    outdir: Annotated[Path, typer.Option("--output", "-o", help="输出目录（结果文件、驳回清单和缓存）")] = Path("gongkai-audit"),
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="并行进程数，默认为可用的 CPU 核数")] = None,
    hierarchy: Annotated[Path | None, typer.Option("--hierarchy", help="机关层级文件（上级机关: 下级1, 下级2），用于核对汇总报告")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="消息语言 zh|en")] = Lang.zh,
) -> None:
    """批量检查一个目录的年度报告，输出 CSV 和 HTML 汇总；中断后再次运行可接着检查。Audit many reports."""
    raise typer.Exit(run(paths, outdir, jobs, hierarchy, lang == Lang.en))


__all__ = ["audit_command", "plain_args"]
