"""Donated projects: naming only with approval, change of use only with consent, the clocks."""

import datetime
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waishi.cases.actions import do_transition
from waishi.cases.models import Case, Clock, ExternalStep
from waishi.core.workdays import add_months
from waishi.donations import actions
from waishi.donations.constants import ChangeStatus, FlagKind, NamingStatus
from waishi.donations.models import ChangeOfUse, MisuseFlag, Project

from .conftest import PDF

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def built(case: Any, officer: Any, liaison: Any, completed_on: datetime.date) -> Any:
    approved_on = completed_on - datetime.timedelta(days=200)
    do_transition(
        case=case,
        transition="approve_construction",
        actor=officer,
        inputs={"on": approved_on.isoformat(), "reference": "肇府函〔2024〕1号"},
    )
    do_transition(
        case=case,
        transition="record_completion",
        actor=liaison,
        inputs={"on": completed_on.isoformat()},
    )
    return Case.objects.get(pk=case.pk)


def test_a_name_without_the_governments_approval_is_refused(
    file_project: Any, officer: Any
) -> None:
    case = file_project()
    naming = actions.do_request_naming(case=case, actor=officer, proposed_name="陈港生教学楼")
    assert ExternalStep.objects.filter(case=case, status="waiting").count() == 1
    with pytest.raises(ValidationError):
        actions.do_name_project(case=case, actor=officer, naming_pk=naming.pk)
    assert Project.objects.get(case=case).approved_name == ""
    actions.do_record_naming_decision(
        case=case, actor=officer, naming_pk=naming.pk, approved=False, decided_on=TODAY()
    )
    with pytest.raises(ValidationError):
        actions.do_name_project(case=case, actor=officer, naming_pk=naming.pk)
    assert Project.objects.get(case=case).approved_name == ""


def test_a_name_the_government_approved_is_given(file_project: Any, officer: Any) -> None:
    case = file_project()
    naming = actions.do_request_naming(case=case, actor=officer, proposed_name="陈港生教学楼")
    actions.do_record_naming_decision(
        case=case,
        actor=officer,
        naming_pk=naming.pk,
        approved=True,
        decided_on=TODAY(),
        their_reference="端府函〔2026〕9号",
    )
    naming.refresh_from_db()
    assert naming.status == NamingStatus.APPROVED
    assert ExternalStep.objects.get(pk=naming.step_id).status == "answered"
    actions.do_name_project(case=case, actor=officer, naming_pk=naming.pk)
    assert Project.objects.get(case=case).approved_name == "陈港生教学楼"


def test_the_donee_cannot_send_a_naming_to_the_government(file_project: Any, liaison: Any) -> None:
    from waishi.cases.refusals import TransitionRefused

    case = file_project()
    with pytest.raises(TransitionRefused):
        actions.do_request_naming(case=case, actor=liaison, proposed_name="某楼")
    assert not ExternalStep.objects.filter(case=case).exists()


def test_a_change_of_use_without_the_donors_consent_is_refused(
    file_project: Any, liaison: Any
) -> None:
    case = file_project()
    for consent, consent_on in ((None, TODAY()), (io.BytesIO(PDF), None)):
        with pytest.raises(ValidationError):
            actions.do_request_change_of_use(
                case=case,
                actor=liaison,
                new_use="仓库",
                reason="学校撤并",
                consent_on=consent_on,
                consent=consent,
            )
    assert not ChangeOfUse.objects.exists()
    assert not case.attachments.exists()
    assert Project.objects.get(case=case).use == "教学"


def test_a_change_of_use_with_consent_is_decided_by_the_reviewer(
    file_project: Any, liaison: Any, officer: Any
) -> None:
    case = file_project()
    change = actions.do_request_change_of_use(
        case=case,
        actor=liaison,
        new_use="村史馆",
        reason="学校撤并",
        consent_on=TODAY(),
        consent=io.BytesIO(PDF),
        consent_name="consent.pdf",
    )
    assert Project.objects.get(case=case).use == "教学"
    actions.do_decide_change_of_use(case=case, actor=officer, change_pk=change.pk, approved=True)
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED
    assert Project.objects.get(case=case).use == "村史馆"


def test_confirmation_applied_for_on_the_last_day_is_on_time(
    file_project: Any, officer: Any, liaison: Any
) -> None:
    completed = add_months(TODAY(), -3)
    case = built(file_project(), officer, liaison, completed)
    clock = Clock.objects.get(case=case, code="confirmation")
    assert clock.due_date == TODAY()
    do_transition(case=case, transition="apply_for_confirmation", actor=liaison)
    project = Project.objects.get(case=case)
    assert project.confirmation_applied_on == TODAY()
    assert not project.late_confirmation


def test_confirmation_applied_for_a_day_late_is_flagged(
    file_project: Any, officer: Any, liaison: Any
) -> None:
    completed = add_months(TODAY(), -3) - datetime.timedelta(days=1)
    case = built(file_project(), officer, liaison, completed)
    assert Clock.objects.get(case=case, code="confirmation").due_date < TODAY()
    do_transition(case=case, transition="apply_for_confirmation", actor=liaison)
    assert Project.objects.get(case=case).late_confirmation
    assert MisuseFlag.objects.filter(case=case, kind=FlagKind.LATE_CONFIRMATION).exists()


def test_confirmation_gives_a_sign_plate_and_starts_the_yearly_report(
    file_project: Any, officer: Any, head: Any, liaison: Any
) -> None:
    case = built(file_project(), officer, liaison, TODAY() - datetime.timedelta(days=10))
    do_transition(case=case, transition="apply_for_confirmation", actor=liaison)
    do_transition(
        case=case,
        transition="confirm",
        actor=head,
        inputs={"on": TODAY().isoformat(), "reference": "肇府函〔2026〕5号"},
    )
    project = Project.objects.get(case=case)
    assert project.sign_plate_number.endswith(f"-{TODAY().year}-0001")
    clock = Clock.objects.get(case=case, code="use_report")
    assert clock.state == "running"
    assert clock.due_date == add_months(TODAY(), 12)
    actions.do_file_use_report(case=case, actor=liaison, year=TODAY().year, summary="正常使用")
    with pytest.raises(ValidationError):
        actions.do_file_use_report(case=case, actor=liaison, year=TODAY().year, summary="再报")
