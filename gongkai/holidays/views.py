from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.workdays import package_years

from .calendar import current_calendar
from .models import HolidayYear


@login_required
def year_list(request: HttpRequest) -> HttpResponse:
    """Which years the deadlines are counted on exactly, and where each year comes from."""
    calendar = current_calendar()
    this_year = date.today().year
    years = [{"year": y, "covered": calendar.covers(y), "source": calendar.source_label(y)}
             for y in range(this_year - 1, this_year + 3)]
    return render(request, "holidays/year_list.html", {
        "years": years, "entered": HolidayYear.objects.all(), "package_years": package_years()})
