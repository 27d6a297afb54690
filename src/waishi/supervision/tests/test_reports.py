"""Reports upward: figures from the areas' registry, frozen once sent."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from waishi.supervision import actions
from waishi.supervision.models import Report

from .conftest import client_for

pytestmark = pytest.mark.django_db


def figure(report: Report, source: str, code: str) -> Any:
    for section in actions.report_figures(report):
        if section["source"] == source:
            for f in section["figures"]:
                if f["code"] == code:
                    return f
    return None


def test_a_sent_report_keeps_its_figures_after_later_changes(
    leader: Any, discipline_inspector: Any, agency: Any
) -> None:
    year = timezone.localdate().year
    first = actions.do_open_inspection(actor=discipline_inspector, agency=agency, grounds="举报一")
    report = actions.do_create_report(actor=leader, year=year, period=0)
    assert figure(report, "supervision", "inspections")["value"] == 1
    report = actions.do_send_report(
        actor=leader,
        report=report,
        sent_on=timezone.localdate(),
        expected_version=1,
        their_reference="粤外办收〔2026〕1号",
    )
    actions.do_open_inspection(actor=discipline_inspector, agency=agency, grounds="举报二")
    report.refresh_from_db()
    frozen = figure(report, "supervision", "inspections")
    assert frozen["value"] == 1 and frozen["cases"] == [first.reference]
    # A draft of the same period follows the data.
    Report.objects.filter(pk=report.pk).update(status="draft")
    report.refresh_from_db()
    assert figure(report, "supervision", "inspections")["value"] == 2


def test_sending_twice_or_from_a_stale_form_is_refused(leader: Any) -> None:
    year = timezone.localdate().year
    report = actions.do_create_report(actor=leader, year=year, period=1)
    with pytest.raises(ValidationError):
        actions.do_send_report(
            actor=leader, report=report, sent_on=timezone.localdate(), expected_version=7
        )
    with pytest.raises(ValidationError):
        actions.do_send_report(
            actor=leader,
            report=report,
            sent_on=timezone.localdate() + datetime.timedelta(1),
            expected_version=1,
        )
    report.refresh_from_db()
    assert not report.is_frozen and report.figures == []
    actions.do_send_report(
        actor=leader, report=report, sent_on=timezone.localdate(), expected_version=1
    )
    with pytest.raises(ValidationError):
        actions.do_send_report(
            actor=leader, report=report, sent_on=timezone.localdate(), expected_version=2
        )


def test_the_report_pages_and_downloads(leader: Any, liaison: Any) -> None:
    year = timezone.localdate().year
    client = client_for(leader)
    response = client.post(reverse("supervision:reports"), {"year": year, "period": 0})
    report = Report.objects.get()
    assert response["Location"] == reverse("supervision:report", args=[report.pk])
    assert client.get(reverse("supervision:report", args=[report.pk])).status_code == 200
    xlsx = client.get(reverse("supervision:report_xlsx", args=[report.pk]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    pdf = client.get(reverse("supervision:report_pdf", args=[report.pk]))
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    assert client_for(liaison).get(reverse("supervision:reports")).status_code == 403
