"""The quarterly custody report: a page to choose the quarter, XLSX and PDF downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core.views import require_perm

from ..reports import (
    column_labels,
    custody_report,
    figures,
    overdue_labels,
    quarter_bounds,
    report_pdf,
    report_period,
    report_xlsx,
)


@require_perm("passports.export_report")
def report_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    raw_year = str(request.GET.get("year", ""))
    year = int(raw_year) if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100 else today.year
    quarter = (today.month - 1) // 3 + 1
    if str(request.GET.get("quarter", "")) in {"1", "2", "3", "4"}:
        quarter = int(request.GET["quarter"])
    report = custody_report(year, quarter)
    return render(
        request,
        "passports/report.html",
        {
            "title": _("Quarterly custody report"),
            "report": report,
            "not_begun": report.start > today,
            "period": report_period(report),
            "labels": column_labels(),
            "rows": figures(report),
            "overdue_labels": overdue_labels(),
            "years": list(range(today.year - 3, today.year + 1)),
            "quarters": [1, 2, 3, 4],
        },
    )


@require_perm("passports.export_report")
def report_download(request: HttpRequest, year: int, quarter: int, fmt: str) -> HttpResponse:
    if quarter not in (1, 2, 3, 4) or not 2000 <= year <= 2100 or fmt not in ("xlsx", "pdf"):
        raise Http404
    if quarter_bounds(year, quarter)[0] > timezone.localdate():
        raise Http404
    report = custody_report(year, quarter)
    log_action(
        action="passports.report.export",
        actor=request.user,
        object_type="passports.report",
        object_id=f"{year}Q{quarter}",
        after={"format": fmt, "rows": len(report.rows), "as_at": report.as_at.isoformat()},
        request=request,
    )
    if fmt == "xlsx":
        body = report_xlsx(report)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body = report_pdf(report)
        content_type = "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="custody-{year}Q{quarter}.{fmt}"'
    return response
