"""Identity certificates (QS): who decides, the clocks, refusal and reconsideration."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from waishi.cases.actions import do_transition
from waishi.cases.clocks import clocks_of, pause_clock, resume_clock
from waishi.cases.constants import ClockState, StepStatus
from waishi.cases.models import Case, ExternalStep
from waishi.cases.querysets import visible_to
from waishi.cases.refusals import TransitionRefused
from waishi.core.workdays import add_workdays, workdays_between
from waishi.overseas.constants import MATERIAL_CLOCK, PROCESSING_CLOCK
from waishi.overseas.models import IdentityApplication

pytestmark = pytest.mark.django_db


def clock(case: Any, code: str, today: datetime.date | None = None) -> Any:
    return next(v for v in clocks_of(case, today=today) if v.clock.code == code)


def test_the_decision_is_due_in_7_working_days_and_overdue_the_next(
    file_identity: Any,
) -> None:
    case = file_identity()
    view = clock(case, PROCESSING_CLOCK)
    today = timezone.localdate()
    assert view.clock.length == 7 and view.clock.unit == "working_days"
    assert view.clock.due_date == add_workdays(today, 7)
    assert not clock(case, PROCESSING_CLOCK, today=view.clock.due_date).overdue
    after = add_workdays(view.clock.due_date, 1)
    assert clock(case, PROCESSING_CLOCK, today=after).overdue
    assert view.clock.rule is not None and "甘肃" in view.clock.rule.citation


def test_a_request_for_material_pauses_the_decision_clock(
    file_identity: Any, sihui_officer: Any
) -> None:
    case = file_identity(actor=sihui_officer)
    do_transition(
        case=case,
        transition="request_material",
        actor=sihui_officer,
        inputs={"reason": "请补充结婚证公证件"},
    )
    assert clock(case, PROCESSING_CLOCK).clock.state == ClockState.PAUSED
    material = clock(case, MATERIAL_CLOCK).clock
    assert material.owner == "applicant" and material.length == 30
    assert material.due_date == timezone.localdate() + datetime.timedelta(days=30)


def test_a_pause_costs_the_bureau_no_working_day(file_identity: Any, officer: Any) -> None:
    case = file_identity()
    start = clock(case, PROCESSING_CLOCK).clock
    before_due = start.due_date
    paused_at = timezone.now()
    pause_clock(case, PROCESSING_CLOCK, actor=officer, at=paused_at)
    resumed_at = paused_at + datetime.timedelta(days=14)
    resume_clock(case, PROCESSING_CLOCK, actor=officer, at=resumed_at)
    resumed = clock(case, PROCESSING_CLOCK).clock
    # The working days left at the pause are counted again from the day it resumed.
    left = workdays_between(timezone.localtime(paused_at).date(), before_due)
    assert resumed.due_date == add_workdays(timezone.localtime(resumed_at).date(), left)


def test_the_county_of_the_household_registration_decides(
    file_identity: Any, sihui_officer: Any, gaoyao_officer: Any, officer: Any
) -> None:
    case = file_identity()
    assert case.identity_application.decider == "county"
    assert case.agency.code == "sihui-fao"
    assert visible_to(sihui_officer).filter(pk=case.pk).exists()
    assert not visible_to(gaoyao_officer).filter(pk=case.pk).exists()
    # The city's division does not decide a county's case filed at the county's office.
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="issue", actor=officer)
    do_transition(case=case, transition="issue", actor=sihui_officer)
    case.refresh_from_db()
    assert case.status == "issued"


def test_the_city_decides_for_the_zones_of_the_rule(
    file_identity: Any, gaoxin: Any, officer: Any
) -> None:
    case = file_identity(county=gaoxin)
    assert case.identity_application.decider == "city"
    assert case.agency is None
    do_transition(case=case, transition="issue", actor=officer)
    assert Case.objects.get(pk=case.pk).status == "issued"


def test_the_certificate_is_valid_one_year(file_identity: Any, sihui_officer: Any) -> None:
    case = file_identity(actor=sihui_officer)
    do_transition(case=case, transition="issue", actor=sihui_officer)
    detail = IdentityApplication.objects.get(case=case)
    today = timezone.localdate()
    assert detail.valid_until is not None
    assert detail.valid_until == today.replace(year=today.year + 1) - datetime.timedelta(days=1)


def test_long_term_support_without_a_notarised_proof_cannot_be_filed(
    file_identity: Any,
) -> None:
    before = Case.objects.count()
    with pytest.raises(ValidationError):
        file_identity(relation="long_term_support", support_proof="")
    assert Case.objects.count() == before


def test_a_county_officer_files_only_for_their_county(
    file_identity: Any, sihui_officer: Any, gaoyao: Any
) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        file_identity(actor=sihui_officer, county=gaoyao)


def test_a_double_submission_files_once(file_identity: Any, officer: Any) -> None:
    first = file_identity(key="k-1")
    again = file_identity(key="k-1")
    assert again.pk == first.pk


def test_refusal_and_reconsideration_at_the_province(
    file_identity: Any, sihui_officer: Any, officer: Any
) -> None:
    case = file_identity(actor=sihui_officer)
    do_transition(
        case=case, transition="refuse", actor=sihui_officer, inputs={"reason": "关系证明不足"}
    )
    assert IdentityApplication.objects.get(case=case).refusal_reasons == "关系证明不足"
    do_transition(
        case=case,
        transition="seek_reconsideration",
        actor=officer,
        inputs={"reason": "申请人于本月申请行政复议"},
    )
    step = ExternalStep.objects.get(case=case)
    assert step.status == StepStatus.WAITING
    assert step.due_on == timezone.localdate() + datetime.timedelta(days=60)
    do_transition(
        case=case,
        transition="reconsideration_overturned",
        actor=officer,
        inputs={"reason": "省侨办撤销原决定"},
    )
    step.refresh_from_db()
    assert step.status == StepStatus.ANSWERED
    case.refresh_from_db()
    assert case.status == "submitted"
    assert clock(case, PROCESSING_CLOCK).clock.state == ClockState.RUNNING


def test_nobody_outside_sees_a_certificate_case(
    file_identity: Any, case_roles: dict[str, Any], inspector: Any
) -> None:
    case = file_identity()
    for role, user in {**case_roles, "inspector": inspector}.items():
        seen = visible_to(user).filter(pk=case.pk).exists()
        assert seen == (role in ("officer", "head")), role


def test_the_case_page_keeps_its_query_budget(
    file_identity: Any, sihui_officer: Any, django_assert_max_num_queries: Any
) -> None:
    case = file_identity(actor=sihui_officer)
    client = Client()
    client.force_login(sihui_officer)
    client.get(case.get_absolute_url())
    with django_assert_max_num_queries(24):
        response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    assert "黄美" not in response.content.decode()


def test_the_issued_certificate_is_verified_on_the_portal_with_name_and_purpose_only(
    file_identity: Any, sihui_officer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from waishi.cases.documents import public_answer
    from waishi.cases.models import OfficialDocument
    from waishi.cases.testing import render_documents_now

    case = file_identity(actor=sihui_officer)
    with django_capture_on_commit_callbacks(execute=False):
        do_transition(case=case, transition="issue", actor=sihui_officer)
    document = OfficialDocument.objects.get(case=case, kind="overseas.identity")
    detail = IdentityApplication.objects.get(case=case)
    assert document.valid_until == detail.valid_until
    assert detail.certificate_number == str(document.number)
    answer = public_answer(document)
    assert answer["state"] == "valid"
    assert {str(k): v for k, v in answer["facts"]} == {"持证人姓名": "黄美", "用途": "升学照顾"}
    assert render_documents_now() == 1
    response = Client().get(f"/verify/{document.code}/", follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "黄美" in page and "升学照顾" in page
    assert "四会市教育局" not in page
    # The day after the last day of validity it is expired.
    expired = public_answer(document, today=detail.valid_until + datetime.timedelta(days=1))
    assert expired["state"] == "expired"
    assert public_answer(document, today=detail.valid_until)["state"] == "valid"
