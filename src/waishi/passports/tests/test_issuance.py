"""Issuance requests: opened for an approved mission, filed, processed in 5 working days, issued."""

import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.cases.actions import do_add_attachment, do_transition
from waishi.cases.models import Case
from waishi.cases.workflow import TransitionRefused
from waishi.core.validators import DocumentKind
from waishi.core.workdays import add_workdays
from waishi.passports import issuance_actions
from waishi.passports.constants import DocumentStatus
from waishi.passports.models import TravelDocument
from waishi.passports.tests.factories import suspend

from .conftest import PDF
from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission(agency: Any) -> Any:
    people = [TravellerFactory(agency=agency, name=n) for n in ("周一", "吴二")]
    return make_mission(
        agency=agency,
        travellers=people,
        departure=datetime.date.today() + datetime.timedelta(days=30),
        days=5,
    )


def open_request(liaison: Any, mission: Any) -> Any:
    holders = [m.traveller for m in mission.members.all()]
    return issuance_actions.do_open_request(
        actor=liaison, mission=mission, holders=holders, kind=DocumentKind.SERVICE_PASSPORT
    )


def test_a_request_runs_from_filing_to_issue(
    liaison: Any, officer: Any, mission: Any, division: Any
) -> None:
    old = DocumentFactory(
        holder=mission.members.first().traveller,
        expiry_date=mission.return_date + datetime.timedelta(days=60),
    )
    issuance = open_request(liaison, mission)
    case = issuance.case
    assert case.reference.startswith("HZ-") and case.division == division
    item_old = issuance.items.get(holder=old.holder)
    assert item_old.surrendered == old
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="submit", actor=liaison)
    for name in ("photo1.pdf", "photo2.pdf"):
        do_add_attachment(case=case, actor=liaison, upload=io.BytesIO(PDF), name=name)
    do_transition(case=case, transition="submit", actor=liaison)
    case = do_transition(case=Case.objects.get(pk=case.pk), transition="accept", actor=officer)
    assert case.due_date == add_workdays(datetime.date.today(), 5)
    numbers = iter(["SE3000001", "SE3000002"])
    issued = {
        item.pk: {
            "number": next(numbers),
            "issue_date": datetime.date.today(),
            "expiry_date": datetime.date.today() + datetime.timedelta(days=3650),
            "issuing_authority": "广东省人民政府外事办公室",
        }
        for item in issuance.items.all()
    }
    issuance_actions.do_issue_documents(actor=officer, issuance=issuance, issued=issued)
    case.refresh_from_db()
    assert case.status == "issued" and case.due_date is None
    new = TravelDocument.objects.pii_exact(number="SE3000001").get()
    assert new.status == DocumentStatus.IN_CUSTODY
    old.refresh_from_db()
    assert old.status == DocumentStatus.CANCELLED and case.reference in old.cancelled_reason


def test_a_suspended_agency_cannot_open_a_request(liaison: Any, mission: Any, agency: Any) -> None:
    suspend(agency, "逾期未交")
    with pytest.raises(ValidationError) as raised:
        open_request(liaison, mission)
    assert "suspended" in str(raised.value) or "暂停" in str(raised.value)
    assert not Case.objects.filter(case_type="HZ").exists()


def test_a_suspended_agency_cannot_file_a_draft(liaison: Any, mission: Any, agency: Any) -> None:
    issuance = open_request(liaison, mission)
    for name in ("a.pdf", "b.pdf"):
        do_add_attachment(case=issuance.case, actor=liaison, upload=io.BytesIO(PDF), name=name)
    suspend(agency, "逾期未交")
    with pytest.raises(TransitionRefused):
        do_transition(case=issuance.case, transition="submit", actor=liaison)
    assert Case.objects.get(pk=issuance.case.pk).status == "draft"


def test_another_agency_cannot_ask_for_documents_for_the_mission(
    other_liaison: Any, mission: Any
) -> None:
    with pytest.raises(PermissionDenied):
        open_request(other_liaison, mission)
    assert not Case.objects.filter(case_type="HZ").exists()


def test_no_request_for_a_mission_not_yet_approved(liaison: Any, agency: Any) -> None:
    person = TravellerFactory(agency=agency)
    draft = make_mission(
        agency=agency,
        travellers=[person],
        departure=datetime.date.today(),
        days=3,
        status="draft",
    )
    with pytest.raises(ValidationError):
        open_request(liaison, draft)
