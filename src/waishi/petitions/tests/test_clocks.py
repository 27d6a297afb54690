"""The clocks of the 信访工作条例, each at its boundary: day N is in time, day N + 1 is late."""

import datetime
from typing import Any

import pytest

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.clocks import clocks_of
from waishi.cases.constants import ClockState, StepStatus
from waishi.cases.models import Case, Clock, ExternalStep
from waishi.cases.refusals import TransitionRefused
from waishi.core.workdays import add_workdays
from waishi.petitions.actions import do_end_hearing, do_start_hearing
from waishi.petitions.constants import (
    CONCLUDE_CLOCK,
    NOTICE_CLOCK,
    OBJECTION_CLOCK,
    REREVIEW_CLOCK,
    REREVIEW_WINDOW_CLOCK,
    REVIEW_CLOCK,
    REVIEW_WINDOW_CLOCK,
)

from .conftest import days_ago

pytestmark = pytest.mark.django_db
D = datetime.timedelta


def clock(case: Any, code: str) -> Clock:
    return Clock.objects.get(case_id=case.pk, code=code)


def overdue_on(case: Any, code: str, day: datetime.date) -> bool:
    return next(v for v in clocks_of(case, today=day) if v.clock.code == code).overdue


def run(case: Any, name: str, actor: Any, **inputs: str) -> Any:
    return do_transition(
        case=Case.objects.get(pk=case.pk), transition=name, actor=actor, inputs=inputs
    )


def snapshot(case: Any) -> tuple[Any, ...]:
    return (
        Case.objects.filter(pk=case.pk).values().get(),
        list(Clock.objects.filter(case_id=case.pk).values()),
        AuditEvent.objects.count(),
    )


def test_the_written_notice_is_due_15_days_after_receipt(record: Any) -> None:
    received = days_ago(3)
    case = record(received_on=received)
    notice = clock(case, NOTICE_CLOCK)
    assert notice.due_date == received + D(days=15)
    assert notice.rule_id is not None  # the length is the rule in force, cited on the page
    assert not overdue_on(case, NOTICE_CLOCK, received + D(days=15))
    assert overdue_on(case, NOTICE_CLOCK, received + D(days=16))
    case.refresh_from_db()
    assert case.due_date == received + D(days=15) and case.due_owner == "bureau"


def test_the_conclusion_is_due_60_days_after_acceptance(record: Any, officer: Any) -> None:
    case = record(received_on=days_ago(12))
    accepted = days_ago(10)
    run(case, "accept", officer, on=accepted.isoformat())
    assert clock(case, NOTICE_CLOCK).state == ClockState.MET
    conclude = clock(case, CONCLUDE_CLOCK)
    assert conclude.due_date == accepted + D(days=60)
    assert not overdue_on(case, CONCLUDE_CLOCK, accepted + D(days=60))
    assert overdue_on(case, CONCLUDE_CLOCK, accepted + D(days=61))


def test_the_head_extends_by_30_days_to_day_90(record: Any, officer: Any, head: Any) -> None:
    case = record(received_on=days_ago(12))
    accepted = days_ago(10)
    run(case, "accept", officer, on=accepted.isoformat())
    run(case, "extend", head, days="30", reason="需要现场核查房屋产权")
    conclude = clock(case, CONCLUDE_CLOCK)
    assert conclude.due_date == accepted + D(days=90)
    assert not overdue_on(case, CONCLUDE_CLOCK, accepted + D(days=90))
    assert overdue_on(case, CONCLUDE_CLOCK, accepted + D(days=91))
    case.refresh_from_db()
    assert case.petition.extension_days == 30
    # The petitioner is told why: the reason is on the public timeline.
    entry = case.timeline.get(transition="extend")
    assert entry.is_public and "现场核查" in entry.text


def test_an_extension_beyond_30_days_is_refused_and_writes_nothing(
    record: Any, officer: Any, head: Any
) -> None:
    case = record(received_on=days_ago(12))
    run(case, "accept", officer, on=days_ago(10).isoformat())
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        run(case, "extend", head, days="31", reason="复杂")
    assert not refused.value.forbidden
    assert snapshot(case) == before
    # Without a reason the petitioner could not be told why.
    with pytest.raises(TransitionRefused):
        run(case, "extend", head, days="30", reason=" ")
    assert snapshot(case) == before


def test_only_the_head_approves_an_extension(record: Any, officer: Any) -> None:
    case = record(received_on=days_ago(12))
    run(case, "accept", officer)
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        run(case, "extend", officer, days="10", reason="复杂")
    assert refused.value.forbidden
    assert snapshot(case) == before


def test_a_wrong_transfer_is_objected_to_within_5_working_days(record: Any, officer: Any) -> None:
    transferred = days_ago(40)
    case = record(received_on=days_ago(42))
    run(case, "transfer", officer, to="四会市自然资源局", on=transferred.isoformat())
    last = add_workdays(transferred, 5)
    objection = clock(case, OBJECTION_CLOCK)
    assert objection.due_date == last and objection.owner == "outside"
    # The transfer is the kernel's external step, with its own clock (60 days, rule data).
    step = ExternalStep.objects.get(case_id=case.pk)
    assert step.body_name == "四会市自然资源局" and step.due_on == transferred + D(days=60)
    assert step.status == StepStatus.WAITING
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        run(case, "return_transfer", officer, on=add_workdays(last, 1).isoformat(), reason="非我")
    assert snapshot(case) == before
    run(case, "return_transfer", officer, on=last.isoformat(), reason="不属本机关职责")
    case.refresh_from_db()
    assert case.status == "received"
    assert ExternalStep.objects.get(case_id=case.pk).status == StepStatus.WITHDRAWN
    assert clock(case, NOTICE_CLOCK).state == ClockState.RUNNING


def _replied(record: Any, officer: Any, replied: datetime.date) -> Any:
    case = record(received_on=replied - D(days=20))
    run(case, "accept", officer, on=(replied - D(days=15)).isoformat())
    run(case, "reply", officer, opinion="支持腾退请求", on=replied.isoformat())
    return case


def test_a_review_is_requested_within_30_days_of_the_reply(record: Any, officer: Any) -> None:
    replied = days_ago(45)
    case = _replied(record, officer, replied)
    window = clock(case, REVIEW_WINDOW_CLOCK)
    assert window.due_date == replied + D(days=30) and window.owner == "applicant"
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        run(
            case,
            "request_review",
            officer,
            on=(replied + D(days=31)).isoformat(),
            body="肇庆市人民政府",
        )
    assert snapshot(case) == before
    requested = replied + D(days=30)
    run(case, "request_review", officer, on=requested.isoformat(), body="肇庆市人民政府")
    review = clock(case, REVIEW_CLOCK)
    assert review.due_date == requested + D(days=30) and review.owner == "outside"
    assert not overdue_on(case, REVIEW_CLOCK, requested + D(days=30))
    assert overdue_on(case, REVIEW_CLOCK, requested + D(days=31))


def test_a_re_review_is_requested_within_30_days_of_the_review(record: Any, officer: Any) -> None:
    case = _replied(record, officer, days_ago(100))
    run(case, "request_review", officer, on=days_ago(90).isoformat(), body="肇庆市人民政府")
    reviewed = days_ago(70)
    run(case, "record_review", officer, result="维持", opinion="维持", on=reviewed.isoformat())
    case.refresh_from_db()
    assert case.petition.review_result == "upheld"  # typed in Chinese, kept as the choice
    assert clock(case, REREVIEW_WINDOW_CLOCK).due_date == reviewed + D(days=30)
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        run(
            case,
            "request_rereview",
            officer,
            on=(reviewed + D(days=31)).isoformat(),
            body="广东省人民政府侨务办公室",
        )
    assert snapshot(case) == before
    requested = reviewed + D(days=30)
    run(
        case,
        "request_rereview",
        officer,
        on=requested.isoformat(),
        body="广东省人民政府侨务办公室",
    )
    assert clock(case, REREVIEW_CLOCK).due_date == requested + D(days=30)
    run(
        case,
        "record_rereview",
        officer,
        result="upheld",
        opinion="维持",
        on=days_ago(1).isoformat(),
    )
    case.refresh_from_db()
    assert case.status == "closed" and not case.is_open


def test_a_hearing_is_not_counted(record: Any, officer: Any) -> None:
    case = record(received_on=days_ago(25))
    accepted = days_ago(20)
    run(case, "accept", officer, on=accepted.isoformat())
    do_start_hearing(case=case, actor=officer, on=days_ago(10), note="听证会")
    assert clock(case, CONCLUDE_CLOCK).state == ClockState.PAUSED
    do_end_hearing(case=case, actor=officer, on=days_ago(4))
    conclude = clock(case, CONCLUDE_CLOCK)
    assert conclude.state == ClockState.RUNNING
    # Six days of hearing are added to the 60 days.
    assert conclude.due_date == accepted + D(days=66)
    assert not overdue_on(case, CONCLUDE_CLOCK, accepted + D(days=66))
    assert overdue_on(case, CONCLUDE_CLOCK, accepted + D(days=67))


def test_a_hearing_without_a_running_limit_is_refused_and_writes_nothing(
    record: Any, officer: Any
) -> None:
    from django.core.exceptions import ValidationError

    case = _replied(record, officer, days_ago(5))
    run(case, "close", officer)
    before = snapshot(case)
    with pytest.raises(ValidationError):
        do_start_hearing(case=case, actor=officer, on=days_ago(1))
    assert snapshot(case) == before
