"""While an agency is suspended for overdue passports, everything its suspension covers is
refused with the reasons: new filings, approvals of its pending missions, hand-outs,
issuance and visa applications (Guangdong's rule ``suspension_covers``; without it, filings
only). Each refusal writes nothing.
"""

import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_add_attachment, do_transition
from waishi.cases.models import Case, Rule
from waishi.cases.testing import DivisionFactory
from waishi.cases.workflow import TransitionRefused
from waishi.core.validators import DocumentKind
from waishi.passports import actions, issuance_actions, visa_actions
from waishi.passports.models import HandOut, VisaApplication

from .conftest import PDF
from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db

START = datetime.date.today() + datetime.timedelta(days=30)
REASON = "公务护照SE*****01逾期未交"


def lock(agency: Any) -> Any:
    return actions.lock_agency(
        agency_id=agency.pk, reason=REASON, rule_id=None, today=datetime.date.today()
    )


@pytest.fixture
def member(agency: Any) -> Any:
    person = TravellerFactory(agency=agency, name="钱出访")
    DocumentFactory(holder=person)
    return person


@pytest.fixture
def approved(agency: Any, member: Any) -> Any:
    return make_mission(
        agency=agency, travellers=[member], departure=START, days=5, countries=["US"]
    )


def test_the_guangdong_suspension_covers_every_business(agency: Any) -> None:
    suspension = lock(agency)
    assert suspension.businesses == ["approval", "filing", "hand_out", "issuance", "visa"]


def test_a_hand_out_is_refused_with_the_reasons(
    agency: Any, member: Any, approved: Any, officer: Any
) -> None:
    lock(agency)
    document = member.travel_documents.get()
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        actions.do_hand_out(actor=officer, document=document, mission=approved, handed_to="钱出访")
    assert REASON in str(refused.value)
    assert not HandOut.objects.exists() and AuditEvent.objects.count() == events


def test_opening_visa_applications_is_refused(agency: Any, approved: Any, officer: Any) -> None:
    lock(agency)
    with pytest.raises(ValidationError) as refused:
        visa_actions.do_open_visa_applications(actor=officer, mission=approved)
    assert REASON in str(refused.value)
    assert not VisaApplication.objects.exists()


def test_the_approval_of_a_pending_mission_is_refused(agency: Any, member: Any) -> None:
    mission = make_mission(
        agency=agency, travellers=[member], departure=START, days=5, status="leader_approval"
    )
    Case.objects.filter(pk=mission.case_id).update(division=DivisionFactory(case_type="CG"))
    leader = make_user(Role.BUREAU_LEADER, full_name="林局长")
    lock(agency)
    case = Case.objects.get(pk=mission.case_id)
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="approve", actor=leader)
    assert any(REASON in r for r in refused.value.reasons)
    after = Case.objects.get(pk=case.pk)
    assert (after.status, after.version) == ("leader_approval", case.version)


def test_an_issuance_request_filed_before_is_not_accepted(
    agency: Any, approved: Any, liaison: Any, officer: Any
) -> None:
    holders = [m.traveller for m in approved.members.all()]
    issuance = issuance_actions.do_open_request(
        actor=liaison, mission=approved, holders=holders, kind=DocumentKind.SERVICE_PASSPORT
    )
    for name in ("a.pdf", "b.pdf"):
        do_add_attachment(case=issuance.case, actor=liaison, upload=io.BytesIO(PDF), name=name)
    do_transition(case=issuance.case, transition="submit", actor=liaison)
    lock(agency)
    case = Case.objects.get(pk=issuance.case_id)
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="accept", actor=officer)
    assert any(REASON in r for r in refused.value.reasons)
    assert Case.objects.get(pk=case.pk).status == "submitted"


def test_without_the_guangdong_rule_only_filings_are_refused(
    agency: Any, member: Any, approved: Any, officer: Any
) -> None:
    Rule.objects.filter(area="passports", code="suspension_covers").update(active=False)
    suspension = lock(agency)
    assert suspension.businesses == ["filing"]
    document = member.travel_documents.get()
    out = actions.do_hand_out(actor=officer, document=document, mission=approved, handed_to="x")
    assert out.pk
