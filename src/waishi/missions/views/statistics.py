"""The year's missions in figures, for the bureau: by agency, country, month and kind."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from waishi.core.views import require_perm

from ..statistics import available_years, figures_xlsx, year_figures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_perm("missions.read_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    years = available_years(today)
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    if year not in years:
        year = today.year
    figures = year_figures(year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(figures), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="missions-{year}.xlsx"'
        return response
    return render(
        request,
        "missions/statistics.html",
        {"figures": figures, "years": years, "year": year},
    )
