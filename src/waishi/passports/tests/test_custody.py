"""Custody: due dates, hand-out and return, reminders, suspension and its automatic end."""

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from waishi.audit.models import AuditEvent
from waishi.cases.models import Rule, Suspension
from waishi.core.workdays import add_workdays
from waishi.notifications.models import Notification
from waishi.passports import actions
from waishi.passports.checks import agency_lock_reasons
from waishi.passports.constants import DocumentStatus, RuleCode
from waishi.passports.custody import sweep_custody
from waishi.passports.models import HandOut
from waishi.passports.rules import return_due_date

from .factories import DocumentFactory, TravellerFactory, make_mission

pytestmark = pytest.mark.django_db


def test_due_date_is_seven_calendar_days_after_the_day_of_return() -> None:
    # Back on Monday 8 June 2026: due seven days later on Monday 15 June, not a day later.
    due, rule = return_due_date(datetime.date(2026, 6, 8))
    assert due == datetime.date(2026, 6, 15)
    assert rule.rule_id is not None and "7" in rule.citation


def test_due_date_on_a_weekend_moves_to_the_next_working_day() -> None:
    # Back on 6 June, seven days later is Saturday 13 June: due on Monday 15 June.
    due, _rule = return_due_date(datetime.date(2026, 6, 6))
    assert due == datetime.date(2026, 6, 15)


def test_due_date_in_the_national_day_holiday_moves_past_it() -> None:
    # Back on 29 September 2026; 6 October falls in the National Day holiday (1–7 October),
    # so the document is due on the first working day after it.
    due, _rule = return_due_date(datetime.date(2026, 9, 29))
    assert due == datetime.date(2026, 10, 8)


def test_due_date_in_the_spring_festival_moves_past_the_lunar_holiday() -> None:
    # Back on 23 January 2025; seven days later, 30 January, is in the Spring Festival holiday
    # (28 January – 4 February): due on Wednesday 5 February.
    due, _rule = return_due_date(datetime.date(2025, 1, 23))
    assert due == datetime.date(2025, 2, 5)


def test_due_date_on_a_make_up_working_saturday_stays_there() -> None:
    # Back on 4 October 2025; Saturday 11 October is a working day (调休) after the
    # National Day holiday.
    due, _rule = return_due_date(datetime.date(2025, 10, 4))
    assert due == datetime.date(2025, 10, 11)


def test_a_new_version_of_the_return_rule_applies_from_its_effective_date() -> None:
    Rule.objects.filter(area="passports", code=RuleCode.RETURN_DAYS).update(
        effective_to=datetime.date(2026, 12, 31)
    )
    Rule.objects.create(
        area="passports",
        code=RuleCode.RETURN_DAYS,
        value={"days": 10, "roll_to_workday": False},
        effective_from=datetime.date(2027, 1, 1),
        citation="新规定：回国后10日内交回",
    )
    old, _ = return_due_date(datetime.date(2026, 6, 8))
    new, rule = return_due_date(datetime.date(2027, 3, 6))
    assert old == datetime.date(2026, 6, 15)
    assert new == datetime.date(2027, 3, 16)
    assert rule.citation == "新规定：回国后10日内交回"


@pytest.fixture
def trip(agency: Any) -> dict[str, Any]:
    """An approved mission that came back a month ago with two members' passports."""
    today = datetime.date.today()
    people = [TravellerFactory(agency=agency, name=n) for n in ("陈一", "林二")]
    documents = [DocumentFactory(holder=p) for p in people]
    mission = make_mission(
        agency=agency, travellers=people, departure=today - datetime.timedelta(days=40), days=5
    )
    return {"mission": mission, "documents": documents, "people": people}


def test_hand_out_signs_the_document_out_with_its_due_date(trip: Any, officer: Any) -> None:
    document, mission = trip["documents"][0], trip["mission"]
    out = actions.do_hand_out(actor=officer, document=document, mission=mission, handed_to="陈一")
    document.refresh_from_db()
    assert document.status == DocumentStatus.OUT
    expected, _ = return_due_date(mission.return_date)
    assert out.due_date == expected
    assert out.receipt_number.startswith("BG-")
    assert AuditEvent.objects.filter(action="passports.document.hand_out").count() == 1


def test_an_agency_person_may_not_hand_out(trip: Any, liaison: Any) -> None:
    with pytest.raises(PermissionDenied):
        actions.do_hand_out(
            actor=liaison, document=trip["documents"][0], mission=trip["mission"], handed_to="x"
        )
    assert not HandOut.objects.exists()
    assert not AuditEvent.objects.filter(action="passports.document.hand_out").exists()


def test_a_document_is_handed_out_only_for_an_approved_mission(agency: Any, officer: Any) -> None:
    person = TravellerFactory(agency=agency)
    document = DocumentFactory(holder=person)
    draft = make_mission(
        agency=agency,
        travellers=[person],
        departure=datetime.date.today(),
        days=3,
        status="division_review",
    )
    with pytest.raises(ValidationError):
        actions.do_hand_out(actor=officer, document=document, mission=draft, handed_to="x")
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_CUSTODY
    assert not HandOut.objects.exists()


def test_a_non_member_s_document_is_not_handed_out(trip: Any, officer: Any, agency: Any) -> None:
    stranger = DocumentFactory(holder=TravellerFactory(agency=agency))
    with pytest.raises(ValidationError):
        actions.do_hand_out(
            actor=officer, document=stranger, mission=trip["mission"], handed_to="x"
        )


def test_three_unheeded_reminders_lock_the_agency_and_the_return_unlocks_it(
    trip: Any,
    officer: Any,
    liaison: Any,
    agency: Any,
    clock: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    first, second = trip["documents"]
    mission = trip["mission"]
    today = clock.today
    # Both passports went out the day before departure; it is now a month after the trip.
    clock.set(mission.departure_date - datetime.timedelta(days=1))
    on_time = actions.do_hand_out(actor=officer, document=first, mission=mission, handed_to="陈一")
    late = actions.do_hand_out(actor=officer, document=second, mission=mission, handed_to="林二")
    clock.set(today)
    due = late.due_date
    actions.do_return_document(actor=officer, hand_out=on_time, returned_by="陈一", returned_on=due)
    with django_capture_on_commit_callbacks(execute=True):
        for offset in (0, 3, 6):
            result = sweep_custody(today=add_workdays(due, offset))
            assert result.reminded == 1 and result.locked == 0
        # The same day again sends nothing more.
        assert sweep_custody(today=add_workdays(due, 6)).reminded == 0
        assert agency_lock_reasons(agency) == []
        result = sweep_custody(today=add_workdays(due, 9))
    assert result.locked == 1
    late.refresh_from_db()
    assert late.reminders_sent == 3
    notes = Notification.objects.filter(recipient=liaison)
    assert notes.filter(kind="passports.custody_reminder").count() == 3
    assert notes.filter(kind="passports.agency_locked").count() == 1
    assert any("林二" in m.subject for m in mail.outbox if liaison.email in m.to)
    reasons = agency_lock_reasons(agency)
    assert len(reasons) == 1 and "林二" in reasons[0].message and reasons[0].citation
    assert AuditEvent.objects.filter(action="cases.suspension.impose").count() == 1
    # A second sweep does not lock twice.
    assert sweep_custody(today=add_workdays(due, 12)).locked == 0

    with django_capture_on_commit_callbacks(execute=True):
        actions.do_return_document(actor=officer, hand_out=late, returned_by="林二")
    assert agency_lock_reasons(agency) == []
    lock = Suspension.objects.get(agency=agency, source="passports.overdue_custody")
    assert lock.lifted_at is not None and lock.lift_reason
    assert AuditEvent.objects.filter(action="cases.suspension.lift").count() == 1
    assert (
        Notification.objects.filter(recipient=liaison, kind="passports.agency_locked").count() == 2
    )


def test_the_due_date_follows_the_trip_s_actual_return(trip: Any, officer: Any, clock: Any) -> None:
    from waishi.cases.contrib import trip_changed
    from waishi.cases.models import Case

    mission = trip["mission"]
    today = clock.today
    clock.set(mission.departure_date - datetime.timedelta(days=1))
    out = actions.do_hand_out(
        actor=officer, document=trip["documents"][0], mission=mission, handed_to="陈一"
    )
    clock.set(today)
    assert out.due_date == return_due_date(mission.return_date)[0]
    # The travellers came back three days late; the return is registered.
    late = mission.return_date + datetime.timedelta(days=3)
    type(mission).objects.filter(pk=mission.pk).update(returned_on=late)
    trip_changed(Case.objects.get(pk=mission.case_id))
    out.refresh_from_db()
    assert out.due_date == return_due_date(late)[0]
    event = AuditEvent.objects.get(action="passports.document.due_moved")
    assert event.after["due_date"] == out.due_date.isoformat()
    # Told again with nothing new, nothing moves.
    trip_changed(Case.objects.get(pk=mission.case_id))
    assert AuditEvent.objects.filter(action="passports.document.due_moved").count() == 1


def test_reminders_are_spaced_in_working_days_across_a_holiday(
    trip: Any, officer: Any, agency: Any
) -> None:
    out = actions.do_hand_out(
        actor=officer, document=trip["documents"][0], mission=trip["mission"], handed_to="陈一"
    )
    # Due on Wednesday 30 September 2026, the eve of the National Day holiday (1–7 October).
    HandOut.objects.filter(pk=out.pk).update(due_date=datetime.date(2026, 9, 30))
    assert sweep_custody(today=datetime.date(2026, 9, 30)).reminded == 1
    # Three calendar days later the custody office and the agency are on holiday: no reminder.
    assert sweep_custody(today=datetime.date(2026, 10, 3)).reminded == 0
    next_one = add_workdays(datetime.date(2026, 9, 30), 3)
    assert next_one > datetime.date(2026, 10, 7)
    assert sweep_custody(today=next_one - datetime.timedelta(days=1)).reminded == 0
    assert sweep_custody(today=next_one).reminded == 1


def test_the_lock_stays_while_another_overdue_document_is_out(
    trip: Any, officer: Any, agency: Any
) -> None:
    first, second = trip["documents"]
    outs = [
        actions.do_hand_out(actor=officer, document=d, mission=trip["mission"], handed_to="x")
        for d in (first, second)
    ]
    due = outs[0].due_date
    for offset in (0, 3, 6, 9):
        sweep_custody(today=add_workdays(due, offset))
    assert len(agency_lock_reasons(agency)) == 2
    actions.do_return_document(actor=officer, hand_out=outs[0], returned_by="x")
    assert len(agency_lock_reasons(agency)) == 1
    actions.do_return_document(actor=officer, hand_out=outs[1], returned_by="x")
    assert agency_lock_reasons(agency) == []


def test_a_document_returned_twice_is_refused(trip: Any, officer: Any) -> None:
    out = actions.do_hand_out(
        actor=officer, document=trip["documents"][0], mission=trip["mission"], handed_to="x"
    )
    actions.do_return_document(actor=officer, hand_out=out, returned_by="x")
    with pytest.raises(ValidationError):
        actions.do_return_document(actor=officer, hand_out=out, returned_by="x")
    assert AuditEvent.objects.filter(action="passports.document.return").count() == 1


def test_the_sweep_marks_expired_documents(agency: Any) -> None:
    old = DocumentFactory(
        holder=TravellerFactory(agency=agency),
        issue_date=datetime.date(2015, 1, 1),
        expiry_date=datetime.date(2025, 1, 1),
    )
    assert sweep_custody(today=datetime.date(2026, 1, 5)).expired == 1
    old.refresh_from_db()
    assert old.status == DocumentStatus.EXPIRED


def test_a_suspended_agency_cannot_open_a_new_mission_and_is_told_why(
    trip: Any, officer: Any, liaison: Any, agency: Any
) -> None:
    from waishi.cases.models import Case
    from waishi.missions import mission_actions

    out = actions.do_hand_out(
        actor=officer, document=trip["documents"][1], mission=trip["mission"], handed_to="林二"
    )
    for offset in (0, 3, 6, 9):
        sweep_custody(today=add_workdays(out.due_date, offset))
    assert agency_lock_reasons(agency)
    before = Case.objects.count()
    with pytest.raises(ValidationError) as refused:
        mission_actions.do_create_mission(actor=liaison, title="赴日本考察")
    assert "林二" in " ".join(refused.value.messages)
    assert Case.objects.count() == before
    actions.do_return_document(actor=officer, hand_out=out, returned_by="林二")
    assert mission_actions.do_create_mission(actor=liaison, title="赴日本考察").case.pk


def test_the_dashboard_warns_of_documents_expiring_within_six_months(
    client: Any, officer: Any, agency: Any
) -> None:
    today = datetime.date.today()
    soon = DocumentFactory(
        holder=TravellerFactory(agency=agency, name="韩将到期"),
        expiry_date=today + datetime.timedelta(days=120),
    )
    DocumentFactory(
        holder=TravellerFactory(agency=agency, name="秦已注销"),
        expiry_date=today + datetime.timedelta(days=60),
        status=DocumentStatus.CANCELLED,
    )
    DocumentFactory(
        holder=TravellerFactory(agency=agency, name="魏还很久"),
        expiry_date=today + datetime.timedelta(days=800),
    )
    client.force_login(officer)
    page = client.get(reverse("passports:dashboard")).content.decode()
    assert "韩将到期" in page and soon.expiry_date.isoformat() in page
    assert "秦已注销" not in page and "魏还很久" not in page


def test_the_sweep_writes_the_expiry_into_the_history(agency: Any) -> None:
    from waishi.passports.history import register_on

    document = DocumentFactory(
        holder=TravellerFactory(agency=agency),
        expiry_date=datetime.date(2025, 1, 1),
        history=datetime.date(2024, 6, 1),
    )
    sweep_custody(today=datetime.date(2025, 1, 5))
    assert register_on(datetime.date(2025, 1, 4)).get(pk=document.pk).status_at == "in_custody"
    assert register_on(datetime.date(2025, 1, 5)).get(pk=document.pk).status_at == "expired"
