"""Inspections: opened by the inspector from a breach, worked by the discipline division,
with measures through the kernel (suspension, referral) and a rectification clock."""

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from waishi.cases.actions import do_transition
from waishi.cases.breaches import BreachQuery, find_breaches
from waishi.cases.models import Case, Clock, ExternalStep, Suspension
from waishi.cases.refusals import TransitionRefused
from waishi.cases.standing import do_impose_suspension
from waishi.supervision import actions
from waishi.supervision.models import Inspection, Measure

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def breach_uid(agency: Any) -> str:
    s, _new = do_impose_suspension(
        agency=agency,
        source="passports.overdue_custody",
        reasons="逾期",
        actor_label="t",
        case_types=("CG", "HZ"),
    )
    return f"passports.agency_lock:suspension:{s.pk}"


def test_the_inspector_opens_an_inspection_from_a_breach_once(
    discipline_inspector: Any, breach_uid: str, agency: Any
) -> None:
    client = client_for(discipline_inspector)
    response = client.post(reverse("supervision:new_inspection"), {"breach": breach_uid})
    case = Case.objects.get(case_type="JC")
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    inspection = Inspection.objects.get(case=case)
    assert (inspection.breach_source, case.agency_id) == ("passports.agency_lock", agency.pk)
    assert case.division.code == "discipline"
    # The same breach again: refused, nothing written.
    client.post(reverse("supervision:new_inspection"), {"breach": breach_uid})
    assert Case.objects.filter(case_type="JC").count() == 1
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200 and 'data-testid="inspection-breach"' in page.content.decode()


def test_an_inspection_is_hidden_from_the_agency_and_other_divisions(
    discipline_inspector: Any, breach_uid: str, liaison: Any, officer: Any
) -> None:
    from waishi.accounts.constants import Role
    from waishi.accounts.tests.factories import make_user

    case = actions.do_open_inspection(actor=discipline_inspector, breach_uid=breach_uid)
    assert client_for(officer).get(case.get_absolute_url()).status_code == 200
    other = make_user(Role.DIVISION_OFFICER, full_name="护照科员")
    assert client_for(other).get(case.get_absolute_url()).status_code == 404
    assert client_for(liaison).get(case.get_absolute_url()).status_code == 404


def test_opening_without_a_breach_needs_agency_and_grounds(
    discipline_inspector: Any, agency: Any, liaison: Any
) -> None:
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(ValidationError):
        actions.do_open_inspection(actor=discipline_inspector, agency=agency, grounds=" ")
    with pytest.raises(PermissionDenied):
        actions.do_open_inspection(actor=liaison, agency=agency, grounds="群众举报")
    assert not Case.objects.filter(case_type="JC").exists()
    case = actions.do_open_inspection(actor=discipline_inspector, agency=agency, grounds="群众举报")
    assert case.inspection.grounds == "群众举报"


def test_findings_measures_and_rectification_with_its_clock(
    discipline_inspector: Any, breach_uid: str, officer: Any, head: Any, agency: Any
) -> None:
    case = actions.do_open_inspection(actor=discipline_inspector, breach_uid=breach_uid)
    # The inspector reads; the division works the case.
    with pytest.raises(TransitionRefused):
        do_transition(
            case=case,
            transition="record_findings",
            actor=discipline_inspector,
            inputs={"findings": "x"},
        )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):  # no measure before the findings
        actions.do_take_measure(actor=officer, case=case, kind="talk", note="提醒谈话")
    case = do_transition(
        case=case, transition="record_findings", actor=officer, inputs={"findings": "三次催交未交"}
    )
    actions.do_take_measure(actor=officer, case=case, kind="talk", note="与单位负责人谈话")
    actions.do_take_measure(actor=officer, case=case, kind="suspension", note="暂停出访申报")
    actions.do_take_measure(actor=officer, case=case, kind="referral", note="移送市纪委监委")
    assert Suspension.objects.get(agency=agency, source="supervision.inspection").lifted_at is None
    step = ExternalStep.objects.get(case=case)
    assert step.body == "other" and step.status == "waiting"
    assert Measure.objects.filter(inspection__case=case).count() == 3

    case = do_transition(
        case=case,
        transition="require_rectification",
        actor=officer,
        inputs={"requirements": "建立证照交回台账"},
    )
    clock = Clock.objects.get(case=case, code="rectification")
    today = timezone.localdate()
    assert clock.due_date == today + datetime.timedelta(days=30) or clock.due_date > today
    source = "supervision.rectification_overdue"
    on_due = BreachQuery(today=clock.due_date)
    after = BreachQuery(today=clock.due_date + datetime.timedelta(days=1))
    assert find_breaches(on_due, sources=[source]) == []
    assert [b.case_reference for b in find_breaches(after, sources=[source])] == [case.reference]
    with pytest.raises(TransitionRefused):
        do_transition(
            case=case, transition="confirm_rectified", actor=officer, inputs={"outcome": "x"}
        )
    do_transition(
        case=case, transition="confirm_rectified", actor=head, inputs={"outcome": "已整改"}
    )
    # Confirmed in time: no breach, open or cleared.
    assert (
        find_breaches(
            BreachQuery(today=clock.due_date + datetime.timedelta(days=1), cleared=None),
            sources=[source],
        )
        == []
    )
