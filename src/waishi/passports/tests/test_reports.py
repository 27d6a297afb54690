"""The quarterly custody report shows the register as it stood at the end of the quarter."""

import dataclasses
import datetime
import importlib
import io
from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.core.validators import DocumentKind
from waishi.passports import actions
from waishi.passports.constants import DocumentStatus
from waishi.passports.custody import sweep_custody
from waishi.passports.history import register_on
from waishi.passports.models import DocumentEvent, HandOut, TravelDocument
from waishi.passports.reports import custody_report, report_xlsx

from .conftest import PDF
from .factories import TravellerFactory, make_mission

pytestmark = pytest.mark.django_db

D = datetime.date


def figures(report: Any) -> dict[str, Any]:
    return {
        "rows": [dataclasses.asdict(r) for r in report.rows],
        "overdue": [dataclasses.asdict(r) for r in report.overdue],
    }


def register(officer: Any, holder: Any, number: str) -> TravelDocument:
    return actions.do_register_document(
        actor=officer,
        kind=DocumentKind.SERVICE_PASSPORT,
        number=number,
        holder=holder,
        issue_date=D(2024, 6, 1),
        expiry_date=D(2034, 5, 31),
        issuing_authority="广东省人民政府外事办公室",
    )


def report_loss(officer: Any, document: TravelDocument, on: datetime.date) -> None:
    actions.do_report_loss(
        actor=officer,
        document=document,
        lost_on=on,
        place="广州白云机场",
        circumstances="候机时遗失",
        police_report=io.BytesIO(PDF),
        police_report_name="report.pdf",
    )


@pytest.fixture
def first_quarter(officer: Any, agency: Any, clock: Any) -> dict[str, Any]:
    """2025 Q1: four passports; two out for a March trip, one back on time, one overdue at
    the quarter's end after three reminders; one lost and cancelled, one lost in late March.
    """
    clock.set(D(2025, 1, 6))
    people = [TravellerFactory(agency=agency, name=n) for n in ("甲", "乙", "丙", "丁")]
    a, b, c, d = (register(officer, p, f"SE700000{i}") for i, p in enumerate(people, 1))
    trip = make_mission(agency=agency, travellers=people[:2], departure=D(2025, 3, 4), days=5)
    clock.set(D(2025, 2, 20))
    report_loss(officer, c, D(2025, 2, 19))
    clock.set(D(2025, 3, 2))
    out_a = actions.do_hand_out(actor=officer, document=a, mission=trip, handed_to="甲")
    out_b = actions.do_hand_out(actor=officer, document=b, mission=trip, handed_to="乙")
    # Back on Saturday 8 March; seven days later is Saturday 15 March, so Monday 17 March.
    assert out_b.due_date == D(2025, 3, 17)
    clock.set(D(2025, 3, 5))
    actions.do_cancel_document(actor=officer, document=c, reason="遗失")
    clock.set(D(2025, 3, 14))
    actions.do_return_document(actor=officer, hand_out=out_a, returned_by="甲")
    # Reminders three working days apart: 17, 20 and 25 March (the sweep of the 23rd, a
    # Sunday, finds nothing due; the one of the 26th sends the third).
    for day in (D(2025, 3, 17), D(2025, 3, 20), D(2025, 3, 23), D(2025, 3, 26)):
        clock.set(day)
        sweep_custody(today=day)
    clock.set(D(2025, 3, 28))
    report_loss(officer, d, D(2025, 3, 27))
    clock.set(D(2025, 4, 1))
    return {"people": people, "documents": (a, b, c, d), "late": out_b}


def test_a_past_quarter_shows_the_register_at_its_last_day(first_quarter: Any) -> None:
    report = custody_report(2025, 1)
    assert report.as_at == D(2025, 3, 31) and report.is_complete
    [row] = report.rows
    assert (row.registered, row.in_custody, row.out, row.lost, row.cancelled) == (4, 1, 1, 1, 1)
    assert (row.handed_out, row.returned, row.returned_late) == (2, 1, 0)
    assert (row.overdue, row.longest_overdue) == (1, 14)
    [late] = report.overdue
    assert late.holder == "乙" and late.days_overdue == 14 and late.reminders == 3
    assert late.due_date == D(2025, 3, 17) and "*" in late.number


def test_later_events_do_not_change_a_past_quarter(
    first_quarter: Any, officer: Any, agency: Any, clock: Any
) -> None:
    before = figures(custody_report(2025, 1))
    a, b, _c, d = first_quarter["documents"]
    # The second quarter: the late passport comes back, the lost one is cancelled, a new
    # passport is registered and another trip takes the first one out again.
    clock.set(D(2025, 4, 3))
    actions.do_return_document(actor=officer, hand_out=first_quarter["late"], returned_by="乙")
    actions.do_cancel_document(actor=officer, document=d, reason="遗失")
    newcomer = TravellerFactory(agency=agency, name="戊")
    register(officer, newcomer, "SE7000009")
    trip = make_mission(
        agency=agency, travellers=[first_quarter["people"][0]], departure=D(2025, 5, 5), days=5
    )
    clock.set(D(2025, 5, 4))
    out = actions.do_hand_out(actor=officer, document=a, mission=trip, handed_to="甲")
    clock.set(D(2025, 7, 2))
    sweep_custody(today=D(2025, 7, 2))

    assert figures(custody_report(2025, 1)) == before
    [row] = custody_report(2025, 2).rows
    assert (row.registered, row.in_custody, row.out, row.lost, row.cancelled) == (5, 2, 1, 0, 2)
    assert (row.handed_out, row.returned, row.returned_late) == (1, 1, 1)
    assert row.overdue == 1 and row.longest_overdue == (D(2025, 6, 30) - out.due_date).days
    b.refresh_from_db()
    assert b.status == DocumentStatus.IN_CUSTODY


def test_a_running_quarter_is_shown_as_at_today(first_quarter: Any, clock: Any) -> None:
    clock.set(D(2025, 3, 20))
    report = custody_report(2025, 1)
    assert report.as_at == D(2025, 3, 20) and not report.is_complete
    [row] = report.rows
    # The passport lost on 27 March was still in custody on the 20th.
    assert (row.in_custody, row.lost, row.overdue, row.longest_overdue) == (2, 0, 1, 3)


def test_the_xlsx_of_a_past_quarter_carries_its_figures_and_overdue_list(
    first_quarter: Any,
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(report_xlsx(custody_report(2025, 1))))
    figures_sheet, overdue_sheet = book.worksheets
    rows = list(figures_sheet.iter_rows(values_only=True))
    assert "2025-03-31" in rows[1][0]
    assert rows[3][1:] == (4, 1, 1, 1, 14, 1, 1, 0, 2, 1, 0)
    late = list(overdue_sheet.iter_rows(values_only=True))[2]
    assert late[1] == "乙" and late[-2:] == (14, 3)


def test_the_report_page_and_downloads_as_at_the_quarter_end(
    client: Any, make_user: Any, first_quarter: Any
) -> None:
    client.force_login(make_user(Role.BUREAU_LEADER))
    page = client.get(reverse("passports:report") + "?year=2025&quarter=1").content.decode()
    assert "2025-03-31" in page and "乙" in page
    response = client.get(reverse("passports:report_download", args=[2025, 1, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_quarter_not_yet_begun_has_no_report(client: Any, make_user: Any) -> None:
    client.force_login(make_user(Role.BUREAU_LEADER))
    next_year = datetime.date.today().year + 1
    url = reverse("passports:report_download", args=[next_year, 1, "xlsx"])
    assert client.get(url).status_code == 404


def test_the_report_runs_a_fixed_number_of_queries(
    first_quarter: Any, django_assert_max_num_queries: Any
) -> None:
    custody_report(2025, 1)
    with django_assert_max_num_queries(4):
        custody_report(2025, 1)


def test_the_backfill_rebuilds_the_history_from_the_register(first_quarter: Any) -> None:
    expected = {d.pk: d.status_at for d in register_on(D(2025, 3, 31))}
    rebuilt_today = dict(TravelDocument.objects.values_list("pk", "status"))
    DocumentEvent.objects.all().delete()
    migration = importlib.import_module("waishi.passports.migrations.0003_document_history")
    migration.backfill(apps, None)
    # Hand-outs, returns, the loss and the cancellation fall on the days they were recorded.
    assert {d.pk: d.status_at for d in register_on(D(2025, 3, 31))} == expected
    assert {d.pk: d.status_at for d in register_on(D(2025, 4, 1))} == rebuilt_today
    assert HandOut.objects.count() == DocumentEvent.objects.filter(kind="handed_out").count()


def test_the_pdf_of_a_past_quarter_reads_in_chinese_with_its_overdue_list(
    first_quarter: Any, tmp_path: Any
) -> None:
    import subprocess

    from django.utils import translation

    from waishi.passports.reports import report_pdf

    with translation.override("zh-hans"):
        pdf = report_pdf(custody_report(2025, 1))
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    compact = "".join(text.split())
    assert "因公证照集中保管情况（2025年第1季度）" in compact
    assert "登记册截至2025-03-31" in compact
    assert "截至2025-03-31逾期未交的证件" in compact and "乙" in compact
