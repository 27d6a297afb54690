"""The read-only API for custody and visa status."""

import datetime
from typing import Any

import pytest

from waishi.passports import actions
from waishi.passports.tests.factories import suspend

from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db


def test_an_agency_reads_its_documents_masked_and_its_lock(
    client: Any, liaison: Any, other_liaison: Any, officer: Any, agency: Any
) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person, number="SE5550001")
    DocumentFactory(holder=TravellerFactory(agency=other_liaison.agency))
    mission = make_mission(
        agency=agency,
        travellers=[person],
        departure=datetime.date.today() - datetime.timedelta(days=30),
        days=5,
    )
    actions.do_hand_out(
        actor=officer, document=person.travel_documents.get(), mission=mission, handed_to="x"
    )
    suspend(agency, "逾期")
    client.force_login(liaison)
    documents = client.get("/api/v1/passports/documents").json()
    assert [d["number_masked"] for d in documents["items"]] == ["SE*****01"]
    custody = client.get("/api/v1/passports/custody").json()
    assert custody["items"][0]["overdue"] is True
    lock = client.get("/api/v1/passports/lock").json()
    assert lock["locked"] is True and len(lock["reasons"]) == 1


def test_the_api_writes_nothing(client: Any, liaison: Any) -> None:
    client.force_login(liaison)
    response = client.post("/api/v1/passports/documents", {}, content_type="application/json")
    assert response.status_code == 405
