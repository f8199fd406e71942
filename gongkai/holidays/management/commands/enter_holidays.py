"""``manage.py enter_holidays FILE.json``: enter a newly announced year's holiday schedule."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from gongkai.workdays import ScheduleError, YearSchedule

from ...services import enter_year


class Command(BaseCommand):
    help = "录入新公布年度的节假日安排（gongkai-year-schedule/1 JSON，见 docs/workdays.md），并重算受影响的办理期限。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="JSON file of the year's schedule")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        try:
            schedule = YearSchedule.load(file)
        except ScheduleError as exc:
            raise CommandError(exc.message) from None
        for warning in schedule.warnings():
            self.stderr.write(f"提示：{warning}")
        row, changed = enter_year(schedule)
        self.stdout.write(f"已录入{row.year}年节假日安排；{changed}件在办申请的答复期限已重新计算。")
