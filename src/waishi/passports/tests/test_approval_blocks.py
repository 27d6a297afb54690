"""A block among the members' documents stops the steps that approve a mission.

Passports contributes its document check to the mission's ``forward_to_leader``,
``refer_to_province`` and ``approve`` through the kernel (``cases.contrib``); missions never
names passports. Each refusal writes nothing.
"""

import datetime
from typing import Any

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.models import Case
from waishi.cases.testing import DivisionFactory
from waishi.cases.workflow import TransitionRefused
from waishi.passports import bar_actions
from waishi.passports.constants import EndorsementKind, EndorsementValidity
from waishi.passports.rules import add_months

from .factories import DocumentFactory, TravellerFactory, endorse, make_mission

pytestmark = pytest.mark.django_db

START = datetime.date.today() + datetime.timedelta(days=30)
PASS = "hk_macao_official"


@pytest.fixture
def mission_division(db: Any) -> Any:
    return DivisionFactory(case_type="CG", name_zh_hans="出国管理科")


@pytest.fixture
def mission_head(mission_division: Any) -> Any:
    return make_user(Role.DIVISION_HEAD, division=mission_division, full_name="陈处长")


@pytest.fixture
def bureau_leader(db: Any) -> Any:
    return make_user(Role.BUREAU_LEADER, full_name="林局长")


def mission_in(status: str, agency: Any, division: Any, person: Any, **kwargs: Any) -> Any:
    mission = make_mission(
        agency=agency, travellers=[person], departure=START, status=status, **kwargs
    )
    Case.objects.filter(pk=mission.case_id).update(division=division)
    return mission


def run(mission: Any, name: str, actor: Any) -> Case:
    case = Case.objects.get(pk=mission.case_id)
    return do_transition(case=case, transition=name, actor=actor, inputs={})


def assert_refused(mission: Any, name: str, actor: Any, *needles: str) -> None:
    before = Case.objects.get(pk=mission.case_id)
    events = AuditEvent.objects.count()
    with pytest.raises(TransitionRefused) as refused:
        run(mission, name, actor)
    text = " ".join(str(r) for r in refused.value.reasons)
    for needle in needles:
        assert needle in text
    after = Case.objects.get(pk=mission.case_id)
    assert (after.status, after.version) == (before.status, before.version)
    assert after.timeline.count() == before.timeline.count()
    assert AuditEvent.objects.count() == events


def test_a_barred_member_stops_forwarding_and_approval(
    agency: Any, mission_division: Any, mission_head: Any, bureau_leader: Any, officer: Any
) -> None:
    person = TravellerFactory(agency=agency, name="梁失照")
    DocumentFactory(holder=person)
    review = mission_in("division_review", agency, mission_division, person, days=5)
    waiting = mission_in("leader_approval", agency, mission_division, person, days=5)
    bar_actions.do_bar_holder(actor=officer, holder=person, reason="遗失公务护照")
    assert_refused(review, "forward_to_leader", mission_head, "梁失照", "遗失公务护照")
    assert_refused(waiting, "approve", bureau_leader, "梁失照")


def test_a_bar_ending_the_day_before_departure_does_not_stop_approval(
    agency: Any, mission_division: Any, bureau_leader: Any, officer: Any
) -> None:
    person = TravellerFactory(agency=agency)
    DocumentFactory(holder=person)
    waiting = mission_in("leader_approval", agency, mission_division, person, days=5)
    bar_actions.do_bar_holder(
        actor=officer,
        holder=person,
        reason="遗失公务护照",
        until=START - datetime.timedelta(days=1),
    )
    assert run(waiting, "approve", bureau_leader).status == "approved"


def test_a_passport_expiring_a_day_short_of_six_months_stops_approval(
    agency: Any, mission_division: Any, bureau_leader: Any
) -> None:
    person = TravellerFactory(agency=agency, name="周短期")
    end = START + datetime.timedelta(days=4)
    six_months = add_months(end, 6)
    document = DocumentFactory(holder=person, expiry_date=six_months - datetime.timedelta(days=1))
    waiting = mission_in("leader_approval", agency, mission_division, person, days=5)
    assert_refused(waiting, "approve", bureau_leader, "周短期", "广东省")
    document.expiry_date = six_months
    document.save()
    assert run(waiting, "approve", bureau_leader).status == "approved"


def test_a_member_without_a_passport_yet_does_not_stop_approval(
    agency: Any, mission_division: Any, bureau_leader: Any
) -> None:
    person = TravellerFactory(agency=agency)
    waiting = mission_in("leader_approval", agency, mission_division, person, days=5)
    assert run(waiting, "approve", bureau_leader).status == "approved"


def test_a_stay_in_hong_kong_longer_than_the_endorsement_allows_stops_forwarding(
    agency: Any, mission_division: Any, mission_head: Any
) -> None:
    person = TravellerFactory(agency=agency, name="何港澳")
    document = DocumentFactory(holder=person, kind=PASS)
    endorse(document, valid_from=START, validity=EndorsementValidity.ONE_YEAR_MULTIPLE)
    too_long = mission_in(
        "division_review", agency, mission_division, person, days=31, countries=["HK"]
    )
    assert_refused(too_long, "forward_to_leader", mission_head, "何港澳", "31")
    fits = mission_in(
        "division_review", agency, mission_division, person, days=30, countries=["HK"]
    )
    assert run(fits, "forward_to_leader", mission_head).status == "leader_approval"


def test_a_study_endorsement_stops_approval_of_an_official_visit(
    agency: Any, mission_division: Any, bureau_leader: Any
) -> None:
    person = TravellerFactory(agency=agency, name="孙学习")
    document = DocumentFactory(holder=person, kind=PASS)
    study = endorse(document, valid_from=START, validity=EndorsementValidity.ONE_YEAR_MULTIPLE)
    study.kind = EndorsementKind.STUDY
    study.save()
    waiting = mission_in(
        "leader_approval", agency, mission_division, person, days=4, countries=["MO"]
    )
    assert_refused(waiting, "approve", bureau_leader, "孙学习")
    endorse(document, valid_from=START, validity=EndorsementValidity.THREE_MONTHS_SINGLE)
    assert run(waiting, "approve", bureau_leader).status == "approved"
