"""Tasks from above: the clock on the assigned day, an extension, interim reports, the reply up."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.constants import ClockState, StepBody, StepStatus
from waishi.cases.models import Case, Clock, ExternalStep
from waishi.cases.refusals import TransitionRefused
from waishi.directives.actions import do_add_task_report, do_extend_task, do_open_task
from waishi.directives.constants import TASK_CLOCK, TaskSource
from waishi.directives.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_task(officer: Any) -> Callable[..., Any]:
    def make(**changes: Any) -> Any:
        arguments: dict[str, Any] = {
            "actor": officer,
            "title": "粤港澳大湾区建设2026年重点工作任务",
            "source": TaskSource.PROVINCIAL_FAO,
            "document_number": "粤外办函〔2026〕88号",
            "asked": "报送与港澳合作重点事项进展。",
            "due_on": timezone.localdate() + datetime.timedelta(days=10),
            "key_task": True,
            **changes,
        }
        return do_open_task(**arguments)

    return make


def test_a_task_runs_a_clock_to_the_day_assigned(open_task: Callable[..., Any]) -> None:
    due = timezone.localdate() + datetime.timedelta(days=10)
    case = open_task(due_on=due)
    clock = Clock.objects.get(case=case, code=TASK_CLOCK)
    assert (clock.due_date, clock.state) == (due, ClockState.RUNNING)
    assert case.agency_id is None and case.due_date == due


def test_an_extension_moves_the_clock_and_is_recorded(
    open_task: Callable[..., Any], officer: Any
) -> None:
    due = timezone.localdate() + datetime.timedelta(days=10)
    case = open_task(due_on=due)
    # The same day is no extension: refused, nothing written.
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionRefused):
        do_extend_task(actor=officer, case=case, new_due=due, reason="省外办同意")
    assert AuditEvent.objects.count() == before
    assert Task.objects.get(case=case).extended_to is None
    # The day after is.
    later = due + datetime.timedelta(days=1)
    task = do_extend_task(
        actor=officer, case=case, new_due=later, reason="省外办电话同意延期", expected_version=1
    )
    assert task.extended_to == later and task.current_due == later
    clock = Clock.objects.get(case=case, code=TASK_CLOCK)
    assert clock.due_date == later
    case.refresh_from_db()
    assert case.due_date == later and case.version == 2
    assert AuditEvent.objects.filter(action="directives.task.extend").count() == 1
    # A form opened before the extension is stale.
    from waishi.cases.refusals import Stale

    with pytest.raises(Stale):
        do_extend_task(
            actor=officer,
            case=case,
            new_due=later + datetime.timedelta(days=3),
            reason="再次",
            expected_version=1,
        )
    # Without a reason: refused.
    with pytest.raises(TransitionRefused):
        do_extend_task(
            actor=officer, case=case, new_due=later + datetime.timedelta(days=3), reason=" "
        )


def test_only_the_lead_division_extends_or_reports(
    open_task: Callable[..., Any], case_roles: dict[str, Any]
) -> None:
    case = open_task()
    for role in ("other_officer", "other_head", "leader", "inspector"):
        with pytest.raises(TransitionRefused) as refused:
            do_extend_task(
                actor=case_roles[role],
                case=case,
                new_due=timezone.localdate() + datetime.timedelta(days=30),
                reason="x",
            )
        assert refused.value.forbidden, role
        with pytest.raises(TransitionRefused):
            do_add_task_report(actor=case_roles[role], case=case, text="进展")
    assert Task.objects.get(case=case).extended_to is None
    assert not Task.objects.get(case=case).reports.exists()


def test_interim_reports_then_the_leader_approves_and_the_reply_goes_up(
    open_task: Callable[..., Any], officer: Any, leader: Any
) -> None:
    case = open_task()
    do_add_task_report(actor=officer, case=case, text="已召开专题会议。")
    with pytest.raises(TransitionRefused):
        do_add_task_report(
            actor=officer,
            case=case,
            text="未来",
            reported_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert Task.objects.get(case=case).reports.count() == 1
    case = do_transition(
        case=case, transition="submit_reply", actor=officer, inputs={"reply": "已完成。"}
    )
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="approve_reply", actor=officer)
    case = do_transition(case=case, transition="approve_reply", actor=leader)
    case = do_transition(case=case, transition="send_up", actor=officer)
    assert case.status == "sent_up"
    step = ExternalStep.objects.get(case=case)
    assert (step.body, step.status) == (StepBody.PROVINCIAL_FAO, StepStatus.WAITING)
    assert step.request == "已完成。" and step.their_reference == "粤外办函〔2026〕88号"
    assert Clock.objects.get(case=case, code=TASK_CLOCK).state == ClockState.MET
    with pytest.raises(TransitionRefused):
        do_extend_task(
            actor=officer,
            case=case,
            new_due=timezone.localdate() + datetime.timedelta(days=60),
            reason="x",
        )


def test_a_city_task_is_sent_back_to_the_city_body_named(
    open_task: Callable[..., Any], officer: Any, leader: Any
) -> None:
    case = open_task(source=TaskSource.CITY_GOVERNMENT)
    case = do_transition(
        case=case, transition="submit_reply", actor=officer, inputs={"reply": "好"}
    )
    case = do_transition(case=case, transition="approve_reply", actor=leader)
    do_transition(case=case, transition="send_up", actor=officer)
    step = ExternalStep.objects.get(case=case)
    assert step.body == StepBody.OTHER and step.body_name == "市政府"


def test_a_task_without_number_or_due_in_the_past_is_refused(
    open_task: Callable[..., Any],
) -> None:
    before = Case.objects.count()
    for change in (
        {"document_number": " "},
        {"due_on": timezone.localdate() - datetime.timedelta(days=1)},
        {"asked": ""},
        {"source": "mfa"},
    ):
        with pytest.raises(ValidationError):
            open_task(**change)
    assert Case.objects.count() == before
    # Due today is still allowed.
    assert open_task(due_on=timezone.localdate()).status == "in_progress"
