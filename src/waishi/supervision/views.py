"""The discipline inspector's pages: the workbench of breaches, histories, the export, opening
inspections, measures, and the reports upward."""

import datetime
import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from waishi.accounts.models import Agency
from waishi.audit.actions import log_action
from waishi.cases.querysets import access_case_detail
from waishi.core.spreadsheets import safe_row
from waishi.core.views import require_perm
from waishi.registers.models import Person

from . import actions
from .constants import CASE_TYPE, ReportPeriod
from .models import Inspection, Report
from .workbench import (
    PAGE_ROWS,
    area_choices,
    breaches_xlsx,
    export_filename,
    labels,
    open_inspections,
    parse_filters,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Exports read more rows than a page (still one query per source).
EXPORT_ROWS = 10_000


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_perm("supervision.read_breaches")
def workbench(request: HttpRequest) -> HttpResponse:
    filters = parse_filters(request.GET)
    rows = filters.breaches()
    agencies = list(
        Agency.objects.filter(is_active=True).only("pk", "name_zh_hans", "name_zh_hant", "name_en")
    )
    person = (
        Person.objects.filter(pk=filters.person_id).only("pk", "name").first()
        if filters.person_id
        else None
    )
    agency = next((a for a in agencies if a.pk == filters.agency_id), None)
    under = open_inspections()
    history = None
    if person is not None or agency is not None:
        inspections = Inspection.objects.select_related("case").order_by("-case__created_at")
        if person is not None:
            inspections = inspections.filter(person=person)
        if agency is not None:
            inspections = inspections.filter(case__agency=agency)
        history = list(inspections[:50])
    return render(
        request,
        "supervision/workbench.html",
        {
            "rows": [(b, under.get(b.uid, "")) for b in rows],
            "filters": filters,
            "labels": labels(),
            "areas": area_choices(),
            "kinds": sorted(labels().items(), key=lambda kv: kv[1]),
            "agencies": agencies,
            "person": person,
            "agency": agency,
            "history": history,
            "limit": PAGE_ROWS,
            "can_open": request.user.has_perm("supervision.open_inspection"),
            "query": request.GET.urlencode(),
        },
    )


@require_perm("supervision.export_breaches")
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    """The filtered list as XLSX; the reason is required and the export audited."""
    filters = parse_filters(request.POST)
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Give the reason for the export."))
        return redirect(f"{request.path.rsplit('export/', 1)[0]}?{request.POST.get('query', '')}")
    rows = filters.breaches(limit=EXPORT_ROWS)
    log_action(
        action="supervision.breaches.export",
        actor=request.user,
        object_type="supervision.breaches",
        reason=reason,
        after={"rows": len(rows), "state": filters.state, "kind": filters.kind},
        request=request,
    )
    response = HttpResponse(breaches_xlsx(rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(filters)}"'
    return response


@require_perm("supervision.open_inspection")
def new_inspection(request: HttpRequest) -> HttpResponse:
    """Open an inspection: from a breach (POST ``breach``) or on the inspector's own grounds."""
    agencies = list(Agency.objects.filter(is_active=True))
    if request.method == "POST":
        agency = next((a for a in agencies if str(a.pk) == request.POST.get("agency")), None)
        try:
            case = actions.do_open_inspection(
                actor=request.user,
                agency=agency,
                breach_uid=request.POST.get("breach", ""),
                grounds=request.POST.get("grounds", ""),
                idempotency_key=request.POST.get("idempotency_key", ""),
                request=request,
            )
        except ValidationError as error:
            _errors(request, error)
            if request.POST.get("breach"):
                return redirect("supervision:workbench")
        else:
            messages.success(
                request, _("Inspection %(reference)s opened.") % {"reference": case.reference}
            )
            return redirect(case.get_absolute_url())
    import uuid

    return render(
        request,
        "supervision/new_inspection.html",
        {"agencies": agencies, "idempotency_key": uuid.uuid4().hex},
    )


@require_perm("supervision.take_measure")
@require_POST
def take_measure(request: HttpRequest, reference: str) -> HttpResponse:
    inspection = access_case_detail(request.user, reference, CASE_TYPE)
    try:
        actions.do_take_measure(
            actor=request.user,
            case=inspection.case,
            kind=request.POST.get("kind", ""),
            note=request.POST.get("note", ""),
            request=request,
        )
    except ValidationError as error:
        _errors(request, error)
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, _("Measure recorded."))
    return redirect(inspection.case.get_absolute_url())


# Reports upward ------------------------------------------------------------------------------
@require_perm("supervision.read_reports")
def reports(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
            period = int(request.POST.get("period", ""))
        except ValueError:
            year, period = 0, -1
        try:
            report = actions.do_create_report(
                actor=request.user, year=year, period=period, request=request
            )
        except ValidationError as error:
            _errors(request, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            return redirect("supervision:report", pk=report.pk)
    today = timezone.localdate()
    return render(
        request,
        "supervision/reports.html",
        {
            "reports": Report.objects.all()[:100],
            "years": range(today.year, today.year - 10, -1),
            "periods": ReportPeriod.choices,
            "can_manage": request.user.has_perm("supervision.manage_reports"),
        },
    )


def _report(pk: int) -> Report:
    return get_object_or_404(Report, pk=pk)


@require_perm("supervision.read_reports")
def report(request: HttpRequest, pk: int) -> HttpResponse:
    found = _report(pk)
    return render(
        request,
        "supervision/report.html",
        {
            "report": found,
            "sections": actions.report_figures(found),
            "period": actions.report_period(found),
            "can_manage": request.user.has_perm("supervision.manage_reports"),
            "today": timezone.localdate(),
        },
    )


@require_perm("supervision.manage_reports")
@require_POST
def send_report(request: HttpRequest, pk: int) -> HttpResponse:
    found = _report(pk)
    try:
        sent_on = datetime.date.fromisoformat(request.POST.get("sent_on", ""))
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("Enter the day sent as YYYY-MM-DD."))
        return redirect("supervision:report", pk=pk)
    try:
        actions.do_send_report(
            actor=request.user,
            report=found,
            sent_on=sent_on,
            their_reference=request.POST.get("their_reference", ""),
            summary=request.POST.get("summary", ""),
            expected_version=version,
            request=request,
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Report recorded as sent; its figures are frozen."))
    return redirect("supervision:report", pk=pk)


def _rows(found: Report) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for section in actions.report_figures(found):
        for figure in section["figures"]:
            rows.append(
                [
                    section["label"],
                    figure["group"],
                    figure["label"],
                    figure["value"],
                    " ".join(figure["cases"]),
                ]
            )
    return rows


@require_perm("supervision.read_reports")
def report_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    found = _report(pk)
    book = Workbook()
    sheet = book.active
    sheet.title = str(found.year)
    sheet.append([_("Area"), _("Breakdown"), _("Figure"), _("Value"), _("Cases")])
    for row in _rows(found):
        sheet.append(safe_row(row))
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="report-{found.year}-{found.period}.xlsx"'
    )
    return response


@require_perm("supervision.read_reports")
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML

    found = _report(pk)
    sections = actions.report_figures(found)
    html = render_to_string(
        "supervision/pdf/report.html",
        {"report": found, "sections": sections, "period": actions.report_period(found)},
    )
    response = HttpResponse(bytes(HTML(string=html).write_pdf()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{found.year}-{found.period}.pdf"'
    return response
