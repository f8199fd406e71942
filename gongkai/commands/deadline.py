"""``gongkai deadline``: the answer deadline for an application received on a date."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..cli import app, fail
from ..workdays import (
    Calendar,
    CalendarError,
    DeadlineError,
    Pause,
    ScheduleError,
    YearSchedule,
    due_date,
    parse_date,
)
from ..workdays.deadline import pause_kind


def parse_pause(text: str) -> Pause:
    """``类型:开始:结束``, e.g. ``补正:2025-09-30:2025-10-15``."""
    parts = text.split(":")
    if len(parts) != 3:
        raise DeadlineError(f"--pause “{text}”应写成 类型:开始日期:结束日期，例如 征求意见:2025-10-09:2025-10-20")
    kind = pause_kind(parts[0])
    start = parse_date(parts[1], f"{kind.value}开始日期")
    end = parse_date(parts[2], f"{kind.value}结束日期")
    return Pause(kind, "", start, end)


@app.command("deadline")
def deadline_command(
    received: Annotated[str, typer.Argument(metavar="DATE", help="收到申请之日（YYYY-MM-DD，依条例第三十一条确定）")],
    extended: Annotated[bool, typer.Option("--extended", help="已批准延长答复期限（条例第三十三条第二款，再加20个工作日）")] = False,
    schedule: Annotated[list[str] | None, typer.Option("--schedule", help="新公布年度的节假日安排 JSON 文件（见 docs/workdays.md），可重复")] = None,
    pause: Annotated[list[str] | None, typer.Option("--pause", help="补正/征求意见/收费 时段：类型:开始:结束，可重复")] = None,
    fee_stops_clock: Annotated[bool, typer.Option("--fee-stops-clock", help="收费通知至缴费期间不计入期限（规定未明确，默认计入）")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """计算答复期限（工作日，按节假日安排和调休）。Compute the answer deadline.

    收到申请之日起20个工作日（条例第三十三条第二款），延长后再加20个工作日；某年节假日安排未录入时
    结果标注“（暂定）”。Prints the due date and how it was computed."""
    try:
        day = parse_date(received, "收到申请日期")
        calendar = Calendar()
        for name in schedule or []:
            loaded = YearSchedule.load(name)
            for warning in loaded.warnings():
                typer.echo(f"提示：{name}: {warning}", err=True)
            calendar = calendar.with_schedule(loaded)
        pauses = [parse_pause(p) for p in pause or []]
        result = due_date(day, extended=extended, pauses=pauses, calendar=calendar,
                          fee_stops_clock=fee_stops_clock)
    except (ScheduleError, DeadlineError, CalendarError) as exc:
        raise fail(exc.message) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    typer.echo(result.display)
    typer.echo(result.explanation)
    for warning in result.warnings:
        typer.echo(f"注意：{warning}")
