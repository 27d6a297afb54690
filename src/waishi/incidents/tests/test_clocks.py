"""The treaty clocks: each country's limit at its boundary, and the 48-hour police report."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from waishi.cases.clocks import clocks_of, sweep_clocks
from waishi.cases.constants import ClockState, StepStatus
from waishi.cases.models import Clock, ClockReminder, ExternalStep
from waishi.incidents.constants import NOTIFICATION_CLOCK, POLICE_REPORT_CLOCK, IncidentKind

from .conftest import moment

pytestmark = pytest.mark.django_db


def last_friday() -> datetime.date:
    today = timezone.localdate() - datetime.timedelta(days=7)
    return today - datetime.timedelta(days=(today.weekday() - 4) % 7)


def notification(case: Any) -> Any:
    return next(v for v in clocks_of(case) if v.clock.code == NOTIFICATION_CLOCK)


def overdue_on(case: Any, day: datetime.date) -> bool:
    view = next(v for v in clocks_of(case, today=day) if v.clock.code == NOTIFICATION_CLOCK)
    return view.overdue


def test_a_us_national_detained_on_a_friday_is_notified_by_tuesday(open_incident: Any) -> None:
    friday = last_friday()
    case = open_incident(nationalities="US", began=moment(friday, 22))
    clock = notification(case).clock
    assert clock.length == 4 and clock.unit == "days"
    # Calendar days by the convention: Saturday to Tuesday, the weekend counted.
    assert clock.due_date == friday + datetime.timedelta(days=4)
    assert clock.due_date.weekday() == 1
    assert not overdue_on(case, clock.due_date)
    assert overdue_on(case, clock.due_date + datetime.timedelta(days=1))
    assert case.incident.treaty.country == "US"
    assert not case.incident.treaty.regardless_of_request


def test_japan_is_notified_within_4_days_regardless_of_request(open_incident: Any) -> None:
    began = moment(timezone.localdate() - datetime.timedelta(days=2))
    case = open_incident(nationalities="JP", began=began)
    assert case.incident.treaty.regardless_of_request
    assert notification(case).clock.due_date == began.date() + datetime.timedelta(days=4)


def test_australia_is_notified_within_3_days(open_incident: Any) -> None:
    began = moment(timezone.localdate() - datetime.timedelta(days=2))
    case = open_incident(nationalities="AU", began=began)
    clock = notification(case).clock
    assert clock.length == 3
    assert clock.due_date == began.date() + datetime.timedelta(days=3)
    assert not overdue_on(case, began.date() + datetime.timedelta(days=3))
    assert overdue_on(case, began.date() + datetime.timedelta(days=4))


def test_a_country_without_a_treaty_is_notified_without_delay_and_escalated_after_3_days(
    open_incident: Any,
) -> None:
    began = moment(timezone.localdate() - datetime.timedelta(days=1))
    case = open_incident(nationalities="DE", began=began)
    treaty = case.incident.treaty
    assert treaty.country == "" and treaty.without_delay and treaty.escalate_after == 3
    clock = notification(case).clock
    assert clock.due_date == began.date() + datetime.timedelta(days=3)
    day3 = clock.due_date
    sweep_clocks(today=day3)
    assert not ClockReminder.objects.filter(clock=clock, level="overdue").exists()
    sweep_clocks(today=day3 + datetime.timedelta(days=1))
    assert ClockReminder.objects.filter(clock=clock, level="overdue").exists()


def test_the_shortest_treaty_of_several_nationalities_binds(open_incident: Any) -> None:
    case = open_incident(nationalities="DE,AU")
    assert case.incident.treaty.country == "AU"


def test_the_provincial_police_notification_is_an_external_step_due_with_the_treaty(
    open_incident: Any,
) -> None:
    case = open_incident(nationalities="US")
    step = ExternalStep.objects.get(case=case)
    assert step.body == "police" and step.status == StepStatus.WAITING
    assert step.due_on == max(notification(case).clock.due_date, timezone.localdate())


def test_the_police_report_is_due_48_hours_after_the_measure(open_incident: Any) -> None:
    began = moment(timezone.localdate() - datetime.timedelta(days=3), hour=9)
    case = open_incident(began=began)
    clock = Clock.objects.get(case=case, code=POLICE_REPORT_CLOCK)
    assert clock.unit == "hours" and clock.due_at == began + datetime.timedelta(hours=48)
    reported = open_incident(began=began, police_report_at=began + datetime.timedelta(hours=30))
    clock = Clock.objects.get(case=reported, code=POLICE_REPORT_CLOCK)
    assert clock.state == ClockState.MET


def test_a_death_runs_the_4_day_notice_and_no_treaty_clock(open_incident: Any) -> None:
    began = moment(timezone.localdate() - datetime.timedelta(days=1))
    case = open_incident(kind=IncidentKind.DEATH, began=began)
    codes = set(Clock.objects.filter(case=case).values_list("code", flat=True))
    assert codes == {"death_notice", POLICE_REPORT_CLOCK}
    death = Clock.objects.get(case=case, code="death_notice")
    assert death.due_date == began.date() + datetime.timedelta(days=4)
