"""The life of an incident: every step as every role, and each branch's facts and guards."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.constants import ClockState, StepStatus
from waishi.cases.models import Case, Clock, ExternalStep
from waishi.cases.refusals import TransitionRefused
from waishi.cases.testing import allowed, force_status, iter_refused, walk_transitions
from waishi.incidents.constants import CASE_TYPE, IncidentKind
from waishi.incidents.workflow import WORKFLOW
from waishi.registers.models import Person

from .conftest import moment

pytestmark = pytest.mark.django_db

STAFF = {"officer", "head"}
# Transitions a walk can run with any text typed in (no date, no choice to check).
FREE = {"close"}


def test_every_step_is_the_consular_staffs_and_nothing_is_written_on_refusal(
    open_incident: Any, case_roles: dict[str, Any]
) -> None:
    def make(state: str) -> Any:
        kind = (
            IncidentKind.DEATH
            if state in {"family_notified", "certified", "decided", "permit_cancelled"}
            else IncidentKind.CRIMINAL
        )
        return force_status(open_incident(kind=kind), state)

    outcomes = walk_transitions(CASE_TYPE, make, case_roles)
    expected = {
        (t.name, source, role)
        for t in WORKFLOW.transitions
        if t.name in FREE
        for source in t.sources
        for role in STAFF
    }
    assert allowed(outcomes) == expected
    # The steps of another branch are not offered to anyone: from "opened" (a detention
    # here) the death's notice and the closing of a record-only matter.
    other_branch = {"record_death_notice", "close_record"}
    for outcome in iter_refused(outcomes, forbidden=False):
        # Refused for the typed dates or choices only, and only to the staff.
        assert outcome.role in STAFF, outcome
    for outcome in iter_refused(outcomes, forbidden=True):
        assert outcome.role not in STAFF or outcome.transition in other_branch, outcome
    staff_refused_branch = {
        (o.transition, o.role) for o in iter_refused(outcomes, forbidden=True) if o.role in STAFF
    }
    assert staff_refused_branch == {(t, r) for t in other_branch for r in STAFF}


def today() -> str:
    return timezone.localdate().isoformat()


def test_a_detention_runs_through_notification_court_and_release(
    open_incident: Any, officer: Any
) -> None:
    case = open_incident(nationalities="US")
    case = do_transition(
        case=case,
        transition="record_notification",
        actor=officer,
        inputs={"on": today(), "channel": "照会", "by": "广东省公安厅"},
    )
    incident = case.incident
    incident.refresh_from_db()
    assert incident.notified_on == timezone.localdate()
    assert Clock.objects.get(case=case, code="consular_notification").state == ClockState.MET
    step = ExternalStep.objects.get(case=case)
    assert step.status == StepStatus.ANSWERED and "广东省公安厅" in step.answer_text
    case = do_transition(
        case=case,
        transition="refer_to_court",
        actor=officer,
        inputs={"on": (timezone.localdate() + datetime.timedelta(days=20)).isoformat()},
    )
    case = do_transition(
        case=case, transition="release", actor=officer, inputs={"on": today(), "note": "取保候审"}
    )
    case = do_transition(case=case, transition="close", actor=officer)
    assert case.status == "closed" and not case.is_open
    incident.refresh_from_db()
    assert incident.outcome == "release"


def test_a_bad_date_is_refused_with_a_reason_and_nothing_written(
    open_incident: Any, officer: Any
) -> None:
    case = open_incident()
    events = AuditEvent.objects.count()
    for bad in (
        "next week",
        (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
        (case.incident.began_at.date() - datetime.timedelta(days=1)).isoformat(),
    ):
        with pytest.raises(TransitionRefused) as refused:
            do_transition(
                case=case,
                transition="record_notification",
                actor=officer,
                inputs={"on": bad, "channel": "fax", "by": "police"},
            )
        assert refused.value.reasons and not refused.value.forbidden
    assert Case.objects.get(pk=case.pk).status == "opened"
    assert AuditEvent.objects.count() == events


def test_a_death_needs_a_written_request_for_cremation_or_repatriation(
    open_incident: Any, officer: Any
) -> None:
    case = open_incident(
        kind=IncidentKind.DEATH, began=moment(timezone.localdate() - datetime.timedelta(days=2))
    )
    with pytest.raises(TransitionRefused) as wrong_branch:
        do_transition(
            case=case,
            transition="record_notification",
            actor=officer,
            inputs={"on": today(), "channel": "x", "by": "y"},
        )
    assert wrong_branch.value.forbidden
    case = do_transition(
        case=case,
        transition="record_death_notice",
        actor=officer,
        inputs={"on": today(), "by": "医院"},
    )
    assert Clock.objects.get(case=case, code="death_notice").state == ClockState.MET
    case = do_transition(
        case=case,
        transition="record_certificate",
        actor=officer,
        inputs={"certificate": "hospital", "number": "ZQ-2026-001"},
    )
    with pytest.raises(TransitionRefused) as refused:
        do_transition(
            case=case,
            transition="record_decision",
            actor=officer,
            inputs={"decision": "cremation", "request_on": ""},
        )
    assert "书面请求" in str(refused.value.reasons[0])
    case = do_transition(
        case=case,
        transition="record_decision",
        actor=officer,
        inputs={"decision": "repatriation", "request_on": today()},
    )
    case = do_transition(
        case=case, transition="cancel_permit", actor=officer, inputs={"on": today()}
    )
    case = do_transition(case=case, transition="close", actor=officer)
    assert case.status == "closed"


def test_a_record_only_matter_closes_at_once_but_a_detention_does_not(
    open_incident: Any, officer: Any
) -> None:
    civil = open_incident(kind=IncidentKind.CIVIL)
    assert do_transition(case=civil, transition="close_record", actor=officer).status == "closed"
    detention = open_incident()
    with pytest.raises(TransitionRefused):
        do_transition(case=detention, transition="close_record", actor=officer)


def test_a_chinese_national_with_a_foreign_passport_is_flagged(open_incident: Any) -> None:
    case = open_incident(nationalities="CN,US")
    incident = case.incident
    assert incident.dual_national
    link = incident.persons.get()
    assert link.dual_national and link.nationality == "US"
    assert incident.treaty.country == "US"
    assert not open_incident(nationalities="US").incident.dual_national


def test_a_person_of_chinese_nationality_only_is_refused_and_nothing_written(
    open_incident: Any,
) -> None:
    cases, people = Case.objects.count(), Person.objects.count()
    with pytest.raises(ValidationError):
        open_incident(nationalities="CN")
    assert (Case.objects.count(), Person.objects.count()) == (cases, people)


def test_a_double_submit_opens_one_case(open_incident: Any) -> None:
    first = open_incident(key="k-1")
    second = open_incident(key="k-1")
    assert first.pk == second.pk
    assert Case.objects.filter(case_type=CASE_TYPE).count() == 1


def test_a_korean_visit_request_runs_the_4_day_visit_clock(
    open_incident: Any, officer: Any
) -> None:
    from waishi.incidents.actions import do_record_visit_held, do_request_visit

    case = open_incident(
        nationalities="KR", began=moment(timezone.localdate() - datetime.timedelta(days=3))
    )
    requested = timezone.localdate() - datetime.timedelta(days=1)
    visit = do_request_visit(
        case=case, actor=officer, consulate="韩国驻广州总领事馆", requested_on=requested
    )
    clock = Clock.objects.get(case=case, code="consular_visit")
    assert clock.due_date == requested + datetime.timedelta(days=4)
    do_record_visit_held(case=case, actor=officer, visit_pk=visit.pk, held_on=timezone.localdate())
    clock.refresh_from_db()
    assert clock.state == ClockState.MET
