"""Return-to-settle certificates (DJ): the presence test, the checks, the police hand-over."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from waishi.cases.actions import do_transition
from waishi.cases.constants import StepBody, StepStatus
from waishi.cases.models import ExternalStep
from waishi.cases.refusals import TransitionRefused
from waishi.overseas.actions import do_file_settlement, do_record_checks

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_settlement(huaqiao: Any, sihui_officer: Any, sihui: Any) -> Any:
    def make(stays: list[tuple[datetime.date, datetime.date]]) -> Any:
        return do_file_settlement(
            actor=sihui_officer,
            person=huaqiao.person,
            country="MY",
            county=sihui,
            applied_on=timezone.localdate(),
            stays=stays,
        )

    return make


def months_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def test_the_presence_test_is_kept_and_refuses_the_issue_when_unmet(
    file_settlement: Any, sihui_officer: Any
) -> None:
    case = file_settlement([(months_ago(200), months_ago(200 - 60))])
    detail = case.settlement_application
    assert not detail.presence_met and "90" in detail.presence_note
    do_record_checks(
        actor=sihui_officer,
        case=case,
        housing_checked=True,
        housing_evidence="房产证",
        livelihood_checked=True,
        livelihood_evidence="退休金证明",
    )
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="issue", actor=sihui_officer)


def test_issue_needs_the_checks_then_the_police_registers(
    file_settlement: Any, sihui_officer: Any, officer: Any
) -> None:
    case = file_settlement([(months_ago(300), months_ago(150))])
    assert case.settlement_application.presence_met
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="issue", actor=sihui_officer)
    assert len(refused.value.reasons) == 2
    do_record_checks(
        actor=sihui_officer,
        case=case,
        housing_checked=True,
        housing_evidence="房产证",
        livelihood_checked=True,
        livelihood_evidence="退休金证明",
    )
    do_transition(case=case, transition="issue", actor=sihui_officer)
    do_transition(case=case, transition="hand_over", actor=officer)
    step = ExternalStep.objects.get(case=case)
    assert step.body == StepBody.POLICE and step.status == StepStatus.WAITING
    do_transition(case=case, transition="record_registration", actor=officer, inputs={})
    step.refresh_from_db()
    case.refresh_from_db()
    assert step.status == StepStatus.ANSWERED and case.status == "registered"


def test_a_check_without_evidence_is_refused(file_settlement: Any, sihui_officer: Any) -> None:
    from django.core.exceptions import ValidationError

    case = file_settlement([(months_ago(300), months_ago(150))])
    with pytest.raises(ValidationError):
        do_record_checks(
            actor=sihui_officer,
            case=case,
            housing_checked=True,
            housing_evidence="",
            livelihood_checked=False,
            livelihood_evidence="",
        )
    case.settlement_application.refresh_from_db()
    assert not case.settlement_application.housing_checked
