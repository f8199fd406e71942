"""The year's statistics page: tables 三 and 四 of the annual report, counted from the records.

The layout is the national one (国办公开办函〔2021〕30号) with its merged headers; the numbers
come from ``applications.counting.table3`` and ``litigation.counting.table4``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.agencies.scope import visible_agencies
from gongkai.litigation.counting import table4
from gongkai.report.editions.y2021 import EDITION

from .counting import TYPES, empty, table3

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T4_RESULTS = ("upheld", "corrected", "other", "pending", "total")
T4_RESULT_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
FIRST_YEAR = 2008  # the first Regulation took effect on 1 May 2008


def _cell(text: str, scope: str = "", colspan: int = 1, rowspan: int = 1) -> dict[str, Any]:
    return {"text": text, "scope": scope, "colspan": colspan, "rowspan": rowspan}


def table3_rows(counts: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """Each row of table 三: its header cells (with the official row spans) and 7 numbers."""
    l1_span: dict[str, int] = {}
    l2_span: dict[str, int] = {}
    for spec in EDITION.table3:
        l1_span[spec.level1] = l1_span.get(spec.level1, 0) + 1
        if spec.level3:
            l2_span[spec.level2] = l2_span.get(spec.level2, 0) + 1
    seen: set[str] = set()
    rows = []
    for spec in EDITION.table3:
        heads = []
        if not spec.level2:
            heads.append(_cell(spec.level1, "row", colspan=3))
        else:
            if spec.level1 not in seen:
                seen.add(spec.level1)
                heads.append(_cell(spec.level1, "rowgroup", rowspan=l1_span[spec.level1]))
            if not spec.level3:
                heads.append(_cell(spec.level2, "row", colspan=2))
            else:
                if spec.level2 not in seen:
                    seen.add(spec.level2)
                    heads.append(_cell(spec.level2, "rowgroup", rowspan=l2_span[spec.level2]))
                heads.append(_cell(spec.level3, "row"))
        values = [counts[spec.key][t] for t in TYPES]
        rows.append({"key": spec.key, "label": spec.label, "heads": heads, "values": [*values, sum(values)]})
    return rows


def table4_values(counts: dict[str, dict[str, int]]) -> list[int]:
    """The 15 numbers of table 四 in the official column order."""
    return [counts[kind][result] for kind in ("reconsideration", "lawsuit_direct", "lawsuit_after")
            for result in T4_RESULTS]


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    agencies = list(visible_agencies(request.user).only("id", "name", "path"))
    this_year = timezone.localdate().year
    errors = []
    try:
        year = int(request.GET.get("year") or this_year)
        if not FIRST_YEAR <= year <= this_year + 1:
            raise ValueError
    except ValueError:
        errors.append(_("Choose a year between %(first)d and %(last)d.") % {"first": FIRST_YEAR, "last": this_year})
        year = this_year
    choice = request.GET.get("agency") or ("all" if len(agencies) > 1 else "")
    by_id = {str(a.pk): a for a in agencies}
    if choice in by_id:
        ids, scope_label = [by_id[choice].pk], by_id[choice].name
    else:
        if choice not in {"", "all"}:
            errors.append(_("That agency is not in your scope; the whole scope is shown."))
            choice = "all"
        ids = [a.pk for a in agencies]
        scope_label = agencies[0].name if len(agencies) == 1 else \
            _("%(name)s and the agencies under it (sum)") % {"name": agencies[0].name} if agencies else ""
    t3 = table3(year, ids)[None] if ids else empty()
    t4 = table4(year, ids)[None]
    rows = table3_rows(t3)
    t4_values = table4_values(t4)
    if request.GET.get("format") == "json":
        return JsonResponse({"ok": True, "year": year, "agencies": ids,
                             "table3": {r["key"]: r["values"] for r in rows}, "table4": t4_values})
    return render(request, "applications/statistics.html", {
        "year": year, "years": range(this_year, FIRST_YEAR - 1, -1), "agencies": agencies, "choice": choice,
        "scope_label": scope_label, "rows": rows, "t4_values": t4_values, "errors": errors,
        "columns": EDITION.table3_columns, "t3_note": T3_NOTE, "t4_results": T4_RESULT_LABELS,
    })
