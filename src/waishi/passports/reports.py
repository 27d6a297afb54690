"""The quarterly custody report for the provincial office: figures per agency, XLSX and PDF."""

import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import DocumentStatus, HandOutOutcome
from .models import HandOut, LossReport, TravelDocument


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, 3 * (quarter - 1) + 1, 1)
    end_month = start.month + 2
    next_start = (
        datetime.date(year + 1, 1, 1) if end_month == 12 else datetime.date(year, end_month + 1, 1)
    )
    return start, next_start - datetime.timedelta(days=1)


@dataclass
class AgencyRow:
    agency: str
    registered: int = 0
    in_custody: int = 0
    out: int = 0
    handed_out: int = 0
    returned: int = 0
    returned_late: int = 0
    overdue: int = 0
    lost: int = 0
    cancelled: int = 0


@dataclass
class CustodyReport:
    year: int
    quarter: int
    start: datetime.date
    end: datetime.date
    rows: list[AgencyRow] = field(default_factory=list)

    @property
    def total(self) -> AgencyRow:
        total = AgencyRow(agency=_("Total"))
        for row in self.rows:
            for name in vars(total):
                if name != "agency":
                    setattr(total, name, getattr(total, name) + getattr(row, name))
        return total


def custody_report(year: int, quarter: int) -> CustodyReport:
    """The figures of one quarter; a fixed number of queries whatever the register's size."""
    start, end = quarter_bounds(year, quarter)
    today = min(end, timezone.localdate())
    report = CustodyReport(year, quarter, start, end)
    rows: dict[int, AgencyRow] = {}

    def row(agency_id: int, name: str) -> AgencyRow:
        return rows.setdefault(agency_id, AgencyRow(agency=name))

    documents = TravelDocument.objects.values("custodian_id", "custodian__name_zh_hans").annotate(
        registered=Count("id"),
        in_custody=Count("id", filter=Q(status=DocumentStatus.IN_CUSTODY)),
        out=Count("id", filter=Q(status__in=[DocumentStatus.OUT, DocumentStatus.AT_VISA])),
        cancelled=Count(
            "id",
            filter=Q(status=DocumentStatus.CANCELLED, status_changed_on__range=(start, end)),
        ),
    )
    for item in documents:
        target = row(item["custodian_id"], item["custodian__name_zh_hans"])
        target.registered = item["registered"]
        target.in_custody = item["in_custody"]
        target.out = item["out"]
        target.cancelled = item["cancelled"]
    outs = HandOut.objects.values("agency_id", "agency__name_zh_hans").annotate(
        handed_out=Count("id", filter=Q(handed_out_at__date__range=(start, end))),
        returned=Count(
            "id", filter=Q(closed_on__range=(start, end), outcome=HandOutOutcome.RETURNED)
        ),
        returned_late=Count(
            "id",
            filter=Q(
                closed_on__range=(start, end),
                outcome=HandOutOutcome.RETURNED,
                closed_on__gt=F("due_date"),
            ),
        ),
        overdue=Count(
            "id",
            filter=Q(due_date__lt=today) & (Q(closed_on__isnull=True) | Q(closed_on__gt=today)),
        ),
    )
    for out_item in outs:
        target = row(out_item["agency_id"], out_item["agency__name_zh_hans"])
        target.handed_out = out_item["handed_out"]
        target.returned = out_item["returned"]
        target.returned_late = out_item["returned_late"]
        target.overdue = out_item["overdue"]
    losses = (
        LossReport.objects.filter(lost_on__range=(start, end))
        .values("document__custodian_id", "document__custodian__name_zh_hans")
        .annotate(lost=Count("id"))
    )
    for loss_item in losses:
        row(
            loss_item["document__custodian_id"], loss_item["document__custodian__name_zh_hans"]
        ).lost = loss_item["lost"]
    report.rows = sorted(rows.values(), key=lambda r: r.agency)
    return report


COLUMNS = [
    ("agency", "Agency"),
    ("registered", "Documents registered"),
    ("in_custody", "In custody"),
    ("out", "Out (mission or visa)"),
    ("handed_out", "Handed out in the quarter"),
    ("returned", "Returned in the quarter"),
    ("returned_late", "Returned late"),
    ("overdue", "Overdue"),
    ("lost", "Lost"),
    ("cancelled", "Cancelled"),
]


def column_labels() -> list[str]:
    labels = {
        "agency": _("Agency"),
        "registered": _("Documents registered"),
        "in_custody": _("In custody"),
        "out": _("Out (mission or visa)"),
        "handed_out": _("Handed out in the quarter"),
        "returned": _("Returned in the quarter"),
        "returned_late": _("Returned late"),
        "overdue": _("Overdue"),
        "lost": _("Lost"),
        "cancelled": _("Cancelled"),
    }
    return [str(labels[key]) for key, _english in COLUMNS]


def report_title(report: CustodyReport) -> str:
    return _("Custody of official passports, %(year)d Q%(quarter)d") % {
        "year": report.year,
        "quarter": report.quarter,
    }


def report_xlsx(report: CustodyReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet: Any = book.active
    sheet.title = f"{report.year}Q{report.quarter}"
    sheet.append([report_title(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"{report.start.isoformat()} – {report.end.isoformat()}"])
    sheet.append(column_labels())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in [*report.rows, report.total]:
        sheet.append([getattr(row, key) for key, _english in COLUMNS])
    sheet.column_dimensions["A"].width = 36
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_pdf(report: CustodyReport) -> bytes:
    from .pdf import html_to_pdf

    html = render_to_string(
        "passports/pdf/custody_report.html",
        {
            "report": report,
            "title": report_title(report),
            "labels": column_labels(),
            "rows": [
                [getattr(r, key) for key, _e in COLUMNS] for r in [*report.rows, report.total]
            ],
        },
    )
    return html_to_pdf(html)
