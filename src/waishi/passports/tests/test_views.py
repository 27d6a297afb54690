"""Screens: what each person sees, and list pages with a fixed number of queries."""

import datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.passports import actions
from waishi.passports.constants import DocumentStatus
from waishi.passports.models import HandOut
from waishi.passports.tests.factories import suspend

from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db


def count_queries(client: Any, url: str) -> int:
    client.get(url)  # Warm per-process caches (content types, site) before counting.
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_trips(agency: Any, officer: Any, n: int) -> None:
    people = [TravellerFactory(agency=agency) for _ in range(n)]
    documents = [DocumentFactory(holder=p) for p in people]
    mission = make_mission(
        agency=agency,
        travellers=people,
        departure=datetime.date.today() - datetime.timedelta(days=20),
        days=5,
    )
    for document in documents:
        actions.do_hand_out(actor=officer, document=document, mission=mission, handed_to="x")


@pytest.mark.parametrize(
    "name", ["passports:register", "passports:custody", "passports:dashboard", "passports:visas"]
)
def test_office_lists_run_a_fixed_number_of_queries(
    client: Any, officer: Any, agency: Any, name: str
) -> None:
    client.force_login(officer)
    add_trips(agency, officer, 2)
    few = count_queries(client, reverse(name))
    add_trips(agency, officer, 12)
    assert count_queries(client, reverse(name)) == few


def test_the_agency_page_runs_a_fixed_number_of_queries(
    client: Any, officer: Any, liaison: Any, agency: Any
) -> None:
    client.force_login(liaison)
    add_trips(agency, officer, 2)
    few = count_queries(client, reverse("passports:workspace"))
    add_trips(agency, officer, 12)
    assert count_queries(client, reverse("passports:workspace")) == few


def test_an_agency_sees_only_its_own_documents(
    client: Any, liaison: Any, other_liaison: Any, agency: Any
) -> None:
    mine = DocumentFactory(holder=TravellerFactory(agency=agency, name="本单位人"))
    theirs = DocumentFactory(holder=TravellerFactory(agency=other_liaison.agency, name="外单位人"))
    client.force_login(liaison)
    page = client.get(reverse("passports:register")).content.decode()
    assert "本单位人" in page and "外单位人" not in page
    assert client.get(reverse("passports:document", args=[mine.pk])).status_code == 200
    assert client.get(reverse("passports:document", args=[theirs.pk])).status_code in (302, 404)


def test_the_number_is_masked_on_screens(client: Any, officer: Any, agency: Any) -> None:
    document = DocumentFactory(holder=TravellerFactory(agency=agency), number="SE9876543")
    client.force_login(officer)
    page = client.get(reverse("passports:document", args=[document.pk])).content.decode()
    assert "SE9876543" not in page and "SE*****43" in page


def test_the_division_hands_out_and_takes_back_on_the_mission_page(
    client: Any, officer: Any, agency: Any
) -> None:
    person = TravellerFactory(agency=agency, name="郑三")
    document = DocumentFactory(holder=person)
    mission = make_mission(
        agency=agency, travellers=[person], departure=datetime.date.today(), days=3
    )
    client.force_login(officer)
    url = reverse("passports:mission", args=[mission.case.reference])
    assert "郑三" in client.get(url).content.decode()
    client.post(
        reverse("passports:hand_out", args=[mission.case.reference]),
        {"document": document.pk, "handed_to": "郑三"},
    )
    out = HandOut.objects.get(document=document)
    receipt = client.get(reverse("passports:receipt", args=[out.pk])).content.decode()
    assert out.receipt_number in receipt and out.due_date.isoformat() in receipt
    client.post(reverse("passports:return", args=[out.pk]), {"returned_by": "郑三"})
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_CUSTODY


def test_a_suspended_agency_is_told_why_when_it_asks_for_documents(
    client: Any, officer: Any, liaison: Any, agency: Any
) -> None:
    add_trips(agency, officer, 1)
    suspend(agency, "逾期")
    client.force_login(liaison)
    page = client.get(reverse("passports:request_new")).content.decode()
    assert 'data-testid="lock-reasons"' in page
    assert "passport" in page.lower() or "护照" in page


def test_the_quarterly_report_downloads_as_xlsx_and_pdf(
    client: Any, make_user: Any, officer: Any, agency: Any
) -> None:
    from waishi.accounts.constants import Role

    add_trips(agency, officer, 2)
    client.force_login(make_user(Role.BUREAU_LEADER))
    today = datetime.date.today()
    quarter = (today.month - 1) // 3 + 1
    for fmt, magic in (("xlsx", b"PK"), ("pdf", b"%PDF")):
        response = client.get(reverse("passports:report_download", args=[today.year, quarter, fmt]))
        assert response.status_code == 200 and response.content.startswith(magic)
    from waishi.passports.reports import custody_report

    report = custody_report(today.year, quarter)
    assert report.total.registered == 2 and report.total.out == 2
