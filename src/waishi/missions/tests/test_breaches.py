"""The missions' breaches on the inspector's list: each appears the day after the rule's
limit and is cleared (or gone) when the agency puts it right."""

import datetime
import itertools
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone, translation

from waishi.cases.breaches import BreachQuery, find_breaches
from waishi.cases.models import Case
from waishi.cases.references import next_reference
from waishi.missions import breaches as mb
from waishi.missions.models import Mission, MissionMember, Override, Verdict
from waishi.registers.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 9, 15)
_numbers = itertools.count(1)


def mission(agency: Any, *, status: str = "back_home", **fields: Any) -> Mission:
    with transaction.atomic():
        reference = next_reference("CG", "CG")
    case = Case.objects.create(
        reference=reference,
        case_type="CG",
        status=status,
        agency=agency,
        title=f"出访{next(_numbers)}",
    )
    m = Mission.objects.create(
        case=case,
        departure_date=datetime.date(2026, 8, 1),
        return_date=datetime.date(2026, 8, 5),
        **fields,
    )
    MissionMember.objects.create(
        mission=m, traveller=PersonFactory(agency=agency, name="周团长"), is_leader=True
    )
    MissionMember.objects.create(mission=m, traveller=PersonFactory(agency=agency), sort_order=1)
    return m


def keys(source: str, **kw: Any) -> list[str]:
    kw.setdefault("today", TODAY)
    return [b.key for b in find_breaches(BreachQuery(**kw), sources=[source])]


def test_a_trip_report_is_overdue_the_day_after_its_due_day_and_cleared_when_filed(
    agency: Any, other_agency: Any
) -> None:
    due_today = mission(agency, returned_on=datetime.date(2026, 8, 16), report_due=TODAY)
    late = mission(
        agency, returned_on=datetime.date(2026, 8, 15), report_due=TODAY - datetime.timedelta(1)
    )
    assert keys(mb.REPORT_OVERDUE) == [f"mission:{late.pk}"]
    found = find_breaches(BreachQuery(today=TODAY), sources=[mb.REPORT_OVERDUE])[0]
    assert (found.person_name, found.case_reference) == ("周团长", late.case.reference)
    assert found.agency_name == str(agency) and not found.cleared
    # Anyone of the delegation finds it in their history; another agency does not.
    member = late.members.get(is_leader=False).traveller_id
    assert keys(mb.REPORT_OVERDUE, person_id=member) == [f"mission:{late.pk}"]
    assert keys(mb.REPORT_OVERDUE, agency_id=other_agency.pk) == []

    Mission.objects.filter(pk=late.pk).update(report_submitted_at=timezone.now())
    assert keys(mb.REPORT_OVERDUE) == []
    cleared = find_breaches(BreachQuery(today=TODAY, cleared=True), sources=[mb.REPORT_OVERDUE])
    assert [b.key for b in cleared] == [f"mission:{late.pk}"]
    assert cleared[0].cleared_on == timezone.localdate()
    # Filed on time: never a breach.
    Mission.objects.filter(pk=due_today.pk).update(report_submitted_at=timezone.now())
    assert f"mission:{due_today.pk}" not in keys(mb.REPORT_OVERDUE, today=TODAY, cleared=None)


def test_a_delegation_back_a_day_late_stays_on_the_list_until_new_dates_cover_it(
    agency: Any,
) -> None:
    on_time = mission(agency, returned_on=datetime.date(2026, 8, 5))
    late = mission(agency, returned_on=datetime.date(2026, 8, 6))
    assert keys(mb.EXTENDED_STAY) == [f"mission:{late.pk}"]
    with translation.override("en"):
        row = find_breaches(BreachQuery(today=TODAY), sources=[mb.EXTENDED_STAY])[0]
    assert "1 day(s) after the approved return on 2026-08-05" in row.what
    Mission.objects.filter(pk=late.pk).update(return_date=datetime.date(2026, 8, 6))
    assert keys(mb.EXTENDED_STAY) == []
    assert on_time.pk


def _accept(m: Mission, officer: Any, rule_code: str, key: str) -> Override:
    verdict = Verdict.objects.create(
        mission=m,
        checked_on=TODAY,
        stage="submit",
        violations=[
            {
                "rule_code": rule_code,
                "field": "members",
                "severity": "warning",
                "citation": "中办发〔2013〕16号",
                "rule_version_id": None,
                "message_key": key,
                "params": {
                    "name": "周团长",
                    "trips": 1,
                    "years": 1,
                    "limit": 1,
                    "agency": "市教育局",
                    "count": 2,
                },
            }
        ],
    )
    return Override.objects.create(
        verdict=verdict,
        rule_code=rule_code,
        message_key=key,
        reason="市政府交办任务",
        officer=officer,
    )


def test_an_accepted_frequency_warning_is_listed_with_its_reason_until_the_trip_is_dropped(
    agency: Any, officer: Any
) -> None:
    m = mission(agency, status="approved")
    override = _accept(m, officer, "trip_frequency", "trip_frequency")
    today = timezone.localdate()
    found = find_breaches(BreachQuery(today=today), sources=[mb.FREQUENCY])
    assert [b.key for b in found] == [f"override:{override.pk}"]
    assert "市政府交办任务" in found[0].what and found[0].citation == "中办发〔2013〕16号"
    assert keys(mb.ACCEPTED_WARNING, today=today) == []
    Case.objects.filter(pk=m.case_id).update(status="withdrawn")
    assert keys(mb.FREQUENCY, today=today) == []
    assert keys(mb.FREQUENCY, today=today, cleared=True) == [f"override:{override.pk}"]


def test_another_accepted_warning_is_listed_until_the_trip_is_dropped(
    agency: Any, officer: Any
) -> None:
    m = mission(agency, status="approved")
    override = _accept(m, officer, "agency_leaders", "agency_leaders")
    today = timezone.localdate()
    assert keys(mb.ACCEPTED_WARNING, today=today) == [f"override:{override.pk}"]
    assert keys(mb.FREQUENCY, today=today) == []
    Case.objects.filter(pk=m.case_id).update(status="rejected")
    assert keys(mb.ACCEPTED_WARNING, today=today) == []
