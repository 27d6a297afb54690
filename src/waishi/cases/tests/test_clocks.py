"""Clocks: started, paused, resumed and stopped by transitions; reminders to who must act."""

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from waishi.cases.actions import do_transition, do_update_case
from waishi.cases.clocks import compute_due, sweep_clocks
from waishi.cases.constants import ClockOwner, ClockState, ClockUnit
from waishi.cases.models import Case, Clock, ClockReminder, TimelineEntry
from waishi.cases.notify import register_listener, unregister_listener
from waishi.cases.registry import get_case_type
from waishi.cases.tasks import sweep_deadlines_task
from waishi.core.workdays import add_workdays

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)  # a Monday


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def heard() -> Any:
    events: list[Any] = []
    register_listener(events.append)
    yield events
    unregister_listener(events.append)


def due(case: Case, day: datetime.date | None, actor: Any, assignee: Any = None) -> Case:
    changes: dict[str, Any] = {"due_date": day}
    if assignee is not None:
        changes["assignee"] = assignee
    return do_update_case(case=case, actor=actor, changes=changes, expected_version=case.version)


def clock(case: Case, code: str) -> Clock:
    return Clock.objects.get(case=case, code=code)


def run(case: Case, name: str, actor: Any, **inputs: str) -> Case:
    return do_transition(case=case, transition=name, actor=actor, inputs=inputs)


# Counting.


def test_working_days_skip_the_2027_spring_festival():
    # From Wednesday 3 February 2027, three working days: Thursday, then 除夕 (Friday 5th)
    # to 初三 (Monday 8th) are holidays, so Tuesday 9th and Wednesday 10th.
    _, day = compute_due(at(datetime.date(2027, 2, 3)), 3, ClockUnit.WORKING_DAYS)
    assert day == datetime.date(2027, 2, 10)


def test_calendar_days_roll_to_the_next_working_day_only_when_asked():
    start = at(datetime.date(2026, 9, 24))  # 7 days later is 1 October, National Day
    assert compute_due(start, 7, ClockUnit.DAYS)[1] == datetime.date(2026, 10, 1)
    rolled = compute_due(start, 7, ClockUnit.DAYS, roll=True)[1]
    assert rolled == add_workdays(datetime.date(2026, 10, 1), 0) > datetime.date(2026, 10, 7)


def test_hours_and_months():
    start = at(datetime.date(2026, 1, 31), hour=20)
    due_at, day = compute_due(start, 48, ClockUnit.HOURS)
    assert due_at == start + datetime.timedelta(hours=48)
    assert day == datetime.date(2026, 2, 2)
    assert compute_due(start, 1, ClockUnit.MONTHS)[1] == datetime.date(2026, 2, 28)


# The life of a case's clocks.


def test_filing_starts_the_processing_limit_and_the_case_repeats_it(new_case):
    case = new_case()
    processing = clock(case, "processing")
    assert processing.owner == ClockOwner.BUREAU
    assert processing.due_date == add_workdays(timezone.localdate(), 5)
    assert (case.due_date, case.due_owner) == (processing.due_date, ClockOwner.BUREAU)


def test_return_pauses_the_review_and_starts_the_agency_s_revision(new_case, liaison, officer):
    case = run(new_case(), "submit", liaison)
    case = run(case, "accept", officer)
    review = clock(case, "review")
    assert review.due_date == add_workdays(timezone.localdate(), 3)
    case = run(case, "return_for_revision", officer, reason="缺邀请函")
    assert clock(case, "review").state == ClockState.PAUSED
    revision = clock(case, "revision")
    assert revision.owner == ClockOwner.AGENCY
    assert revision.due_date == timezone.localdate() + datetime.timedelta(days=10)
    # The paused review no longer counts: the nearest running clock is the case's.
    case.refresh_from_db()
    nearest = min(revision, clock(case, "processing"), key=lambda c: c.due_date)
    assert (case.due_date, case.due_owner) == (nearest.due_date, nearest.owner)
    case = run(case, "submit", liaison)
    assert clock(case, "revision").state == ClockState.MET
    assert clock(case, "review").state == ClockState.RUNNING


def test_a_resumed_clock_keeps_the_working_days_it_had_left(new_case, liaison, officer):
    from waishi.cases.clocks import pause_clock, resume_clock, start_clock

    case = new_case()
    start_clock(case, "review", at=at(datetime.date(2026, 11, 23)))  # Monday: due Thursday
    assert clock(case, "review").due_date == datetime.date(2026, 11, 26)
    pause_clock(case, "review", at=at(datetime.date(2026, 11, 24)))  # Tuesday: 2 days left
    resume_clock(case, "review", at=at(datetime.date(2026, 12, 1)))  # next Tuesday
    assert clock(case, "review").due_date == datetime.date(2026, 12, 3)
    # Across a holiday: paused before National Day, resumed after it.
    pause_clock(case, "review", at=at(datetime.date(2026, 12, 2)))  # 1 day left
    resume_clock(case, "review", at=at(datetime.date(2026, 12, 31)))
    assert clock(case, "review").due_date == add_workdays(datetime.date(2026, 12, 31), 1)


def test_closing_a_case_stops_every_clock(new_case, liaison):
    case = run(new_case(), "withdraw", liaison)
    assert not Clock.objects.filter(case=case, state=ClockState.RUNNING).exists()
    case.refresh_from_db()
    assert (case.due_date, case.due_owner) == (None, "")


def test_the_header_s_due_date_is_the_division_s_own_clock(new_case, head):
    case = due(new_case(), datetime.date(2026, 11, 25), head)
    assert clock(case, "manual").due_date == datetime.date(2026, 11, 25)
    assert case.due_date == datetime.date(2026, 11, 25)  # nearer than the processing limit
    case = due(case, None, head)
    assert clock(case, "manual").state == ClockState.STOPPED
    assert case.due_date == clock(case, "processing").due_date


def test_an_external_step_s_answer_runs_on_a_clock(new_case, officer):
    from waishi.cases.steps import Due, do_record_answer, do_send_step

    case = new_case()
    step = do_send_step(
        case=case,
        actor=officer,
        body="provincial_fao",
        body_name="",
        request_text="请省外办审批",
        sent_on=timezone.localdate(),
        due=Due("days", 1),
        their_reference="",
    )
    answer = Clock.objects.get(case=case, step=step)
    assert (answer.owner, answer.due_date) == (ClockOwner.OUTSIDE, step.due_on)
    assert Case.objects.get(pk=case.pk).due_owner == ClockOwner.OUTSIDE
    do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=officer,
        answered_on=timezone.localdate(),
        answer_text="同意",
        expected_version=step.version,
    )
    assert Clock.objects.get(pk=answer.pk).state == ClockState.MET


# Reminders.


def test_the_assignee_is_reminded_before_on_and_after_the_due_date_once_each(
    new_case, head, officer, heard, django_capture_on_commit_callbacks
):
    case = due(new_case(), datetime.date(2026, 11, 25), head, assignee=officer)
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = sweep_clocks(today=TODAY)
        again = sweep_clocks(today=TODAY)
        on_the_day = sweep_clocks(today=datetime.date(2026, 11, 25))
        after = sweep_clocks(today=datetime.date(2026, 11, 26))
        later = sweep_clocks(today=datetime.date(2026, 12, 4))
    assert (first.reminded, again.reminded, on_the_day.reminded) == (1, 0, 1)
    assert (after.escalated, later.escalated) == (1, 0)
    kinds = [(e.kind, set(e.recipients)) for e in heard if e.subject]
    assert kinds == [
        ("reminder", {officer.pk}),
        ("reminder", {officer.pk}),
        ("escalation", {officer.pk, head.pk}),
    ]
    assert all(e.due == datetime.date(2026, 11, 25) for e in heard)
    entries = case.timeline.filter(kind="reminder")
    assert entries.count() == 3 and not entries.filter(is_public=True).exists()


def test_the_agency_s_clock_reminds_its_liaison_officers_and_signatory_repeatedly(
    new_case, liaison, signatory, officer, head, heard, django_capture_on_commit_callbacks
):
    from waishi.cases.clocks import start_clock

    case = new_case()
    start_clock(case, "revision", at=at(TODAY))  # due 3 December, a Thursday
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sweep_clocks(today=datetime.date(2026, 12, 2))  # one working day before
        sweep_clocks(today=datetime.date(2026, 12, 4))  # overdue: escalated
        sweep_clocks(today=datetime.date(2026, 12, 7))  # not yet two working days on
        sweep_clocks(today=datetime.date(2026, 12, 8))  # again
    events = [e for e in heard if e.case.pk == case.pk]
    assert [e.kind for e in events] == ["reminder", "escalation", "escalation"]
    assert set(events[0].recipients) == {liaison.pk, signatory.pk}
    # Escalated: the agency's people, and the division's officers and head.
    assert set(events[1].recipients) == {liaison.pk, signatory.pk, officer.pk, head.pk}
    assert ClockReminder.objects.filter(clock__case=case, level="overdue").count() == 2
    # The agency sees its own clock's reminders on the timeline.
    assert case.timeline.filter(kind="reminder", is_public=True).count() == 3


def test_a_late_sweep_sends_the_reminder_the_day_calls_for(new_case, head, officer):
    due(new_case(), datetime.date(2026, 11, 25), head, assignee=officer)
    assert sweep_clocks(today=datetime.date(2026, 11, 30)).escalated == 1
    assert ClockReminder.objects.filter(level="due_soon").count() == 0


def test_stopped_and_far_clocks_are_left_alone(new_case, head, liaison):
    closed = due(new_case(), datetime.date(2026, 11, 1), head)
    run(closed, "withdraw", liaison)
    due(new_case(), datetime.date(2027, 1, 30), head)
    result = sweep_clocks(today=TODAY)
    assert (result.reminded, result.escalated) == (0, 0)


def test_a_moved_due_date_arms_a_new_reminder(new_case, head):
    case = due(new_case(), datetime.date(2026, 11, 24), head)
    assert sweep_clocks(today=TODAY).reminded == 1
    due(Case.objects.get(pk=case.pk), datetime.date(2026, 11, 25), head)
    assert sweep_clocks(today=TODAY).reminded == 1


def test_command_and_task_run_the_sweep(new_case, head, capsys):
    due(new_case(), datetime.date(2020, 1, 6), head)
    call_command("sweep_deadlines")
    assert "escalated=1 keys_purged=0" in capsys.readouterr().out
    result = sweep_deadlines_task.enqueue()
    assert result.return_value == {"reminded": 0, "escalated": 0, "dormant": 0}


# The case page.


def test_the_case_page_says_what_is_due_by_when_and_who_must_act(
    client, new_case, liaison, officer, head
):
    case = due(new_case(), add_workdays(timezone.localdate(), 3), head)
    client.force_login(officer)
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-clock="manual"' in page and 'data-clock="processing"' in page
    assert "Due in 3 working days" in page
    assert "Who must act: the bureau" in page
    client.force_login(liaison)
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-clock="processing"' in page
    assert 'data-clock="manual"' not in page  # the division's own deadline is internal


def test_an_overdue_clock_is_marked_on_the_page_and_in_the_timeline(client, new_case, head):
    case = due(new_case(), datetime.date(2026, 11, 20), head)
    sweep_clocks(today=TODAY)
    client.force_login(head)
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'data-testid="clock-overdue"' in page
    assert "已逾期" in page
    assert TimelineEntry.objects.filter(case=case, kind="reminder").exists()


@pytest.mark.django_db(transaction=True)
def test_sweeps_running_at_once_send_each_reminder_once(liaison, agency, division):
    import threading

    from django.db import connection, connections

    if connection.vendor == "sqlite":
        pytest.skip("threads cannot share an in-memory SQLite database")
    cases = Case.objects.bulk_create(
        Case(
            reference=f"DM-2026-{n:05d}",
            case_type="DM",
            status="submitted",
            agency=agency,
            division=division,
            title=f"逾期{n}",
            due_date=datetime.date(2026, 11, 2),
        )
        for n in range(1, 31)
    )
    due_on = datetime.date(2026, 11, 2)
    Clock.objects.bulk_create(
        Clock(
            case=case,
            code="manual",
            owner=ClockOwner.BUREAU,
            started_at=at(datetime.date(2026, 10, 1)),
            due_at=at(due_on),
            due_date=due_on,
            next_reminder_on=due_on,
            reminder_level="due_today",
        )
        for case in cases
    )
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def sweep() -> None:
        try:
            barrier.wait()
            sweep_clocks(today=TODAY)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ClockReminder.objects.count() == 30
    assert TimelineEntry.objects.filter(kind="reminder").count() == 30


def test_the_inbox_lists_nearest_time_limit_first_and_filters_whose_turn(
    client, new_case, head, liaison, officer
):
    from waishi.cases.clocks import start_clock, stop_clock

    later = due(new_case("晚"), add_workdays(timezone.localdate(), 9), head)
    sooner = due(new_case("早"), add_workdays(timezone.localdate(), 1), head)
    agency_s = new_case("补正")
    start_clock(agency_s, "revision")
    stop_clock(agency_s, "processing")  # only the agency's revision runs
    for case in (later, sooner, agency_s):
        Case.objects.filter(pk=case.pk).update(status="submitted")
    client.force_login(officer)
    page = client.get("/office/inbox/?tab=recent&order=due", HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert body.index(sooner.reference) < body.index(later.reference)
    page = client.get("/office/inbox/?tab=recent&waiting_for=agency", HTTP_ACCEPT_LANGUAGE="en")
    body = page.content.decode()
    assert agency_s.reference in body
    assert sooner.reference not in body and later.reference not in body
    assert "the filing agency" in body


def test_a_system_check_names_clocks_declared_wrong():
    from dataclasses import replace

    from waishi.cases.checks import check_clocks
    from waishi.cases.clocks import Start
    from waishi.cases.registry import ClockSpec, register_case_type, unregister_case_type
    from waishi.cases.workflow import Transition, Workflow

    assert check_clocks() == []
    broken = replace(
        get_case_type("DM"),
        code="DX",
        clocks=(
            ClockSpec("a", "A", "nobody", ClockUnit.DAYS, length=1),
            ClockSpec("b", "B", ClockOwner.BUREAU, "fortnights", length=1),
            ClockSpec("c", "C", ClockOwner.BUREAU, ClockUnit.DAYS),
            ClockSpec("d", "D", ClockOwner.BUREAU, ClockUnit.DAYS, rule_area="x", rule_code="y"),
        ),
        workflow=Workflow(
            states={"one": "1", "two": "2"},
            initial="one",
            transitions=[Transition("go", ["one"], "two", "Go", may=bool, clocks=[Start("z")])],
        ),
    )
    register_case_type(broken)
    try:
        messages = [m.msg for m in check_clocks()]
    finally:
        unregister_case_type("DX")
    assert len(messages) == 5
    assert all(m.startswith("Case type DX") for m in messages)
