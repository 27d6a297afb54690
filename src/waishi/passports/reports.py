"""The quarterly custody report for the provincial office: figures per agency, XLSX and PDF.

The report shows the register as it stood at the end of the quarter (read from the
documents' history), the quarter's hand-outs and returns, and each document overdue then
with its days overdue, so a report once sent to the province can be produced again unchanged.
"""

import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.accounts.models import Agency
from waishi.core.spreadsheets import safe_row

from .constants import DocumentStatus, HandOutOutcome
from .history import register_on
from .models import HandOut


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, 3 * (quarter - 1) + 1, 1)
    end_month = start.month + 2
    next_start = (
        datetime.date(year + 1, 1, 1) if end_month == 12 else datetime.date(year, end_month + 1, 1)
    )
    return start, next_start - datetime.timedelta(days=1)


# Figures that are a maximum, not a sum, in the total row.
MAXIMA = frozenset({"longest_overdue"})


@dataclass
class AgencyRow:
    agency: str
    registered: int = 0
    in_custody: int = 0
    out: int = 0
    overdue: int = 0
    longest_overdue: int = 0
    lost: int = 0
    cancelled: int = 0
    expired: int = 0
    handed_out: int = 0
    returned: int = 0
    returned_late: int = 0


@dataclass
class OverdueRow:
    """A document out past its due date at the end of the quarter."""

    agency: str
    holder: str
    kind: str
    number: str
    mission: str
    receipt: str
    due_date: datetime.date
    days_overdue: int
    reminders: int


@dataclass
class CustodyReport:
    year: int
    quarter: int
    start: datetime.date
    end: datetime.date
    as_at: datetime.date
    rows: list[AgencyRow] = field(default_factory=list)
    overdue: list[OverdueRow] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        """The quarter has ended: the figures are those at its last day and stay so."""
        return self.as_at == self.end

    @property
    def total(self) -> AgencyRow:
        total = AgencyRow(agency=_("Total"))
        for row in self.rows:
            for name in vars(total):
                if name == "agency":
                    continue
                mine, theirs = getattr(total, name), getattr(row, name)
                setattr(total, name, max(mine, theirs) if name in MAXIMA else mine + theirs)
        return total


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def custody_report(year: int, quarter: int, *, today: datetime.date | None = None) -> CustodyReport:
    """The register as it stood at the end of the quarter, and the quarter's hand-outs.

    Documents held, out, lost, cancelled and expired are read from each document's history
    (``DocumentEvent``) as at the quarter's last day; hand-outs, returns and what was overdue
    from the hand-outs and their return dates. Nothing recorded after the quarter ended
    changes its figures. A quarter still running is reported as at today. A fixed number of
    queries whatever the register's size.
    """
    start, end = quarter_bounds(year, quarter)
    as_at = min(end, today or timezone.localdate())
    report = CustodyReport(year, quarter, start, end, as_at)
    if as_at < start:
        return report
    rows: dict[int, AgencyRow] = {}

    def row(agency_id: int) -> AgencyRow:
        return rows.setdefault(agency_id, AgencyRow(agency=""))

    stock = (
        register_on(as_at).order_by().values("custodian_id", "status_at").annotate(n=Count("id"))
    )
    for item in stock:
        target = row(item["custodian_id"])
        target.registered += item["n"]
        column = STATUS_COLUMNS.get(item["status_at"])
        if column:
            setattr(target, column, getattr(target, column) + item["n"])
    first, after = _day_start(start), _day_start(as_at + datetime.timedelta(days=1))
    returned = Q(closed_on__range=(start, as_at), outcome=HandOutOutcome.RETURNED)
    flows = (
        HandOut.objects.filter(handed_out_at__lt=after)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
        .order_by()
        .values("agency_id")
        .annotate(
            handed_out=Count("id", filter=Q(handed_out_at__gte=first)),
            returned=Count("id", filter=returned),
            returned_late=Count("id", filter=returned & Q(closed_on__gt=F("due_date"))),
        )
    )
    for flow in flows:
        target = row(flow["agency_id"])
        target.handed_out = flow["handed_out"]
        target.returned = flow["returned"]
        target.returned_late = flow["returned_late"]
    late = (
        HandOut.objects.filter(handed_out_at__lt=after, due_date__lt=as_at)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=as_at))
        .select_related("agency", "document__holder", "mission__case")
        .annotate(reminded=Count("reminders", filter=Q(reminders__sent_on__lte=as_at)))
        .order_by("agency__name_zh_hans", "due_date", "id")
    )
    for out in late:
        days = (as_at - out.due_date).days
        target = row(out.agency_id)
        target.overdue += 1
        target.longest_overdue = max(target.longest_overdue, days)
        document = out.document
        report.overdue.append(
            OverdueRow(
                agency=out.agency.name,
                holder=document.holder.name,
                kind=str(document.get_kind_display()),
                number=document.masked_number,
                mission=out.mission.case.reference,
                receipt=out.receipt_number,
                due_date=out.due_date,
                days_overdue=days,
                reminders=out.reminded,
            )
        )
    # Agencies by their name in the reader's language.
    for agency in Agency.objects.filter(pk__in=list(rows)):
        rows[agency.pk].agency = agency.name
    report.rows = sorted(rows.values(), key=lambda r: r.agency)
    return report


# The columns each status as at the quarter's end counts in (out: on a mission or a visa).
STATUS_COLUMNS = {
    DocumentStatus.IN_CUSTODY: "in_custody",
    DocumentStatus.OUT: "out",
    DocumentStatus.AT_VISA: "out",
    DocumentStatus.LOST: "lost",
    DocumentStatus.CANCELLED: "cancelled",
    DocumentStatus.EXPIRED: "expired",
}


COLUMNS = [
    "agency",
    "registered",
    "in_custody",
    "out",
    "overdue",
    "longest_overdue",
    "lost",
    "cancelled",
    "expired",
    "handed_out",
    "returned",
    "returned_late",
]
OVERDUE_COLUMNS = [
    "agency",
    "holder",
    "kind",
    "number",
    "mission",
    "receipt",
    "due_date",
    "days_overdue",
    "reminders",
]


def column_labels() -> list[str]:
    labels = {
        "agency": _("Agency"),
        "registered": _("Documents registered"),
        "in_custody": _("In custody"),
        "out": _("Out (mission or visa)"),
        "overdue": _("Overdue"),
        "longest_overdue": _("Longest overdue (days)"),
        "lost": _("Lost, not yet cancelled"),
        "cancelled": _("Cancelled"),
        "expired": _("Expired"),
        "handed_out": _("Handed out in the quarter"),
        "returned": _("Returned in the quarter"),
        "returned_late": _("Returned late"),
    }
    return [str(labels[key]) for key in COLUMNS]


def overdue_labels() -> list[str]:
    labels = {
        "agency": _("Agency"),
        "holder": _("Holder"),
        "kind": _("Kind of document"),
        "number": _("Document number"),
        "mission": _("Mission"),
        "receipt": _("Receipt"),
        "due_date": _("Due back on"),
        "days_overdue": _("Days overdue"),
        "reminders": _("Reminders"),
    }
    return [str(labels[key]) for key in OVERDUE_COLUMNS]


def figures(report: CustodyReport) -> list[list[Any]]:
    """The table's rows, the total last, in ``COLUMNS`` order."""
    return [[getattr(r, key) for key in COLUMNS] for r in [*report.rows, report.total]]


def overdue_rows(report: CustodyReport) -> list[list[Any]]:
    return [[getattr(r, key) for key in OVERDUE_COLUMNS] for r in report.overdue]


def report_title(report: CustodyReport) -> str:
    return _("Custody of official passports, %(year)d Q%(quarter)d") % {
        "year": report.year,
        "quarter": report.quarter,
    }


def report_period(report: CustodyReport) -> str:
    """The period and the day the register is shown as at."""
    return _("%(start)s – %(end)s; the register as at %(as_at)s") % {
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "as_at": report.as_at.isoformat(),
    }


def report_xlsx(report: CustodyReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet: Any = book.active
    sheet.title = f"{report.year}Q{report.quarter}"
    sheet.append([report_title(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([report_period(report)])
    sheet.append(column_labels())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for values in figures(report):
        sheet.append(safe_row(values))
    sheet.column_dimensions["A"].width = 36
    late: Any = book.create_sheet(str(_("Overdue")))
    late.append([str(_("Documents overdue as at %(day)s") % {"day": report.as_at.isoformat()})])
    late["A1"].font = Font(bold=True, size=12)
    late.append(overdue_labels())
    for cell in late[2]:
        cell.font = Font(bold=True)
    for values in overdue_rows(report):
        late.append(safe_row(values))
    for column, width in zip("ABCDEFGHI", (30, 14, 24, 14, 16, 16, 12, 10, 10), strict=True):
        late.column_dimensions[column].width = width
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
            "period": report_period(report),
            "labels": column_labels(),
            "rows": figures(report),
            "overdue_labels": overdue_labels(),
            "overdue_rows": overdue_rows(report),
        },
    )
    return html_to_pdf(html)
