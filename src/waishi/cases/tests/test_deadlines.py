"""Reminders before the due date and escalation after it, each once per case and level."""

import datetime
from typing import Any

import pytest
from django.core.management import call_command

from waishi.cases.actions import do_update_case
from waishi.cases.deadlines import sweep_deadlines
from waishi.cases.models import Case, ReminderMark
from waishi.cases.notify import register_listener, unregister_listener
from waishi.cases.tasks import sweep_deadlines_task

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)  # a Monday


@pytest.fixture
def heard() -> Any:
    events: list[Any] = []
    register_listener(events.append)
    yield events
    unregister_listener(events.append)


def due(case: Case, day: datetime.date, actor: Any, assignee: Any = None) -> Case:
    changes: dict[str, Any] = {"due_date": day}
    if assignee is not None:
        changes["assignee"] = assignee
    return do_update_case(case=case, actor=actor, changes=changes, expected_version=case.version)


def test_assignee_is_reminded_once_before_the_due_date(
    new_case, head, officer, heard, django_capture_on_commit_callbacks
):
    case = due(new_case(), datetime.date(2026, 11, 25), head, assignee=officer)
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep_deadlines(today=TODAY)
        again = sweep_deadlines(today=TODAY)
    assert (result.reminded, again.reminded) == (1, 0)
    assert [(e.kind, list(e.recipients)) for e in heard] == [("reminder", [officer.pk])]
    entry = case.timeline.filter(kind="reminder").get()
    assert not entry.is_public


def test_overdue_case_is_escalated_to_the_division_head_once(
    new_case, head, officer, heard, django_capture_on_commit_callbacks
):
    case = due(new_case(), datetime.date(2026, 11, 20), head, assignee=officer)
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_deadlines(today=TODAY).escalated == 1
        assert sweep_deadlines(today=TODAY).escalated == 0
    assert heard[0].kind == "escalation"
    assert set(heard[0].recipients) == {head.pk, officer.pk}
    assert ReminderMark.objects.filter(case=case).count() == 1


def test_closed_and_far_cases_are_left_alone(new_case, head, liaison):
    from waishi.cases.actions import do_transition

    closed = due(new_case(), datetime.date(2026, 11, 1), head)
    do_transition(case=closed, transition="withdraw", actor=liaison)
    due(new_case(), datetime.date(2026, 12, 30), head)
    result = sweep_deadlines(today=TODAY)
    assert (result.reminded, result.escalated) == (0, 0)


def test_a_new_due_date_arms_a_new_reminder(new_case, head):
    case = due(new_case(), datetime.date(2026, 11, 24), head)
    sweep_deadlines(today=TODAY)
    case = due(Case.objects.get(pk=case.pk), datetime.date(2026, 11, 25), head)
    assert sweep_deadlines(today=TODAY).reminded == 1


def test_command_and_task_run_the_sweep(new_case, head, capsys):
    due(new_case(), datetime.date(2020, 1, 6), head)
    call_command("sweep_deadlines")
    assert "escalated=1 keys_purged=0" in capsys.readouterr().out
    result = sweep_deadlines_task.enqueue()
    assert result.return_value == {"reminded": 0, "escalated": 0, "dormant": 0}


@pytest.mark.django_db(transaction=True)
def test_sweeps_running_at_once_send_each_reminder_once(liaison, agency, division):
    import threading

    from django.db import connection, connections

    from waishi.cases.models import TimelineEntry

    if connection.vendor == "sqlite":
        pytest.skip("threads cannot share an in-memory SQLite database")
    Case.objects.bulk_create(
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
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def sweep() -> None:
        try:
            barrier.wait()
            sweep_deadlines(today=TODAY)
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
    assert ReminderMark.objects.count() == 30
    assert TimelineEntry.objects.filter(kind="reminder").count() == 30
