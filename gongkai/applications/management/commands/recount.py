"""``manage.py recount [--check]``: recount table 三's year tallies from the cases."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ...models import Application, YearTally
from ...tally import rebuild, recount


class Command(BaseCommand):
    help = "按办理记录重新统计年度报告表三所用的年度计数（批量导入后或核对时使用）；--check 只核对不修改。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--check", action="store_true", help="only compare; exit 1 when they differ")

    def handle(self, *args: Any, check: bool, **options: Any) -> None:
        if check:
            kept = Counter({(t.agency_id, t.year, t.applicant_type, t.row): t.n
                            for t in YearTally.objects.all() if t.n})
            counted = Counter({k: n for k, n in recount(Application.objects.all()).items() if n})
            if kept != counted:
                differ = len(set(kept.items()) ^ set(counted.items()))
                raise CommandError(f"年度计数与办理记录不一致（{differ}处），请运行 manage.py recount 重新统计。")
            self.stdout.write(f"年度计数与办理记录一致（{len(kept)}项）。")
            return
        self.stdout.write(f"已按办理记录重新统计，共{rebuild()}项年度计数。")
