"""The passports' breaches on the inspector's list: a document not back by its due day and
an agency locked for it, each cleared when put right."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.breaches import BreachQuery, find_breaches
from waishi.cases.standing import do_lift_suspension
from waishi.passports import breaches as pb
from waishi.passports.models import HandOut

from .factories import DocumentFactory, make_mission, suspend

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 9, 15)


def hand_out(agency: Any, due: datetime.date, receipt: str) -> HandOut:
    document = DocumentFactory(holder__agency=agency, holder__name="何持照")
    mission = make_mission(
        agency=agency, travellers=[document.holder], departure=datetime.date(2026, 8, 1), days=5
    )
    clerk = make_user(Role.DIVISION_OFFICER, full_name="护照科员")
    return HandOut.objects.create(
        document=document,
        mission=mission,
        agency=agency,
        receipt_number=receipt,
        handed_to="李联络",
        handed_out_by=clerk,
        handed_out_at=timezone.now(),
        due_date=due,
    )


def keys(source: str, **kw: Any) -> list[str]:
    kw.setdefault("today", TODAY)
    return [b.key for b in find_breaches(BreachQuery(**kw), sources=[source])]


def test_a_document_is_overdue_the_day_after_its_due_day_and_cleared_when_back(
    agency: Any, other_agency: Any
) -> None:
    hand_out(agency, TODAY, "R-1")
    late = hand_out(agency, TODAY - datetime.timedelta(days=1), "R-2")
    assert keys(pb.OVERDUE_RETURN) == [f"handout:{late.pk}"]
    row = find_breaches(BreachQuery(today=TODAY), sources=[pb.OVERDUE_RETURN])[0]
    assert row.person_name == "何持照" and row.case_reference == late.mission.case.reference
    assert keys(pb.OVERDUE_RETURN, person_id=late.document.holder_id) == [f"handout:{late.pk}"]
    assert keys(pb.OVERDUE_RETURN, agency_id=other_agency.pk) == []

    HandOut.objects.filter(pk=late.pk).update(closed_on=TODAY, outcome="returned")
    assert keys(pb.OVERDUE_RETURN) == []
    cleared = find_breaches(BreachQuery(today=TODAY, cleared=True), sources=[pb.OVERDUE_RETURN])
    assert [(b.key, b.cleared_on) for b in cleared] == [(f"handout:{late.pk}", TODAY)]


def test_an_agency_lock_is_listed_until_lifted(agency: Any, head: Any) -> None:
    suspension = suspend(agency)
    today = timezone.localdate()
    assert keys(pb.AGENCY_LOCK, today=today) == [f"suspension:{suspension.pk}"]
    do_lift_suspension(
        agency=agency,
        source=suspension.source,
        reason="证照已交回",
        actor=head,
        check_permission=False,
    )
    assert keys(pb.AGENCY_LOCK, today=today) == []
    assert keys(pb.AGENCY_LOCK, today=today, cleared=True) == [f"suspension:{suspension.pk}"]
