"""The workflow engine on the demo type: every transition allowed once and refused once."""

from typing import Any

import pytest
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.models import Case, TimelineEntry
from waishi.cases.notify import register_listener, unregister_listener
from waishi.cases.workflow import Conflict, TransitionRefused, available_transitions
from waishi.core.workdays import add_workdays

from .demo_type import WORKFLOW

pytestmark = pytest.mark.django_db


def snapshot(case: Case) -> tuple[Any, ...]:
    fresh = Case.objects.get(pk=case.pk)
    return (
        fresh.status,
        fresh.version,
        TimelineEntry.objects.filter(case=case).count(),
        AuditEvent.objects.count(),
    )


def move(case: Case, *steps: tuple[str, Any], **inputs: str) -> Case:
    for name, actor in steps:
        case = do_transition(case=case, transition=name, actor=actor, inputs=inputs)
    return case


def assert_refused(case: Case, transition: str, actor: Any, **inputs: str) -> TransitionRefused:
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition=transition, actor=actor, inputs=inputs)
    assert snapshot(case) == before
    assert refused.value.reasons
    return refused.value


def test_filing_numbers_the_case_and_sets_the_due_date(new_case, division, liaison):
    case = new_case()
    year = timezone.localdate().year
    assert case.reference == f"DM-{year}-00001"
    assert new_case().reference == f"DM-{year}-00002"
    assert case.status == "draft" and case.is_open and case.version == 1
    assert case.division == division
    assert case.due_date == add_workdays(timezone.localdate(), 5)
    assert len(case.verification_code) == 8
    entry = case.timeline.get()
    assert entry.is_public and entry.actor == liaison
    assert AuditEvent.objects.filter(action="cases.case.create", object_id=str(case.pk)).exists()


def test_liaison_submits(new_case, liaison):
    case = move(new_case(), ("submit", liaison))
    assert case.status == "submitted" and case.version == 2
    entry = case.timeline.last()
    assert (entry.from_status, entry.to_status, entry.is_public) == ("draft", "submitted", True)
    event = AuditEvent.objects.filter(action="cases.case.submit").get()
    assert event.before == {"status": "draft", "version": 1}


def test_other_agency_cannot_submit(new_case, other_liaison):
    refused = assert_refused(new_case(), "submit", other_liaison)
    assert refused.forbidden


def test_division_officer_cannot_submit_for_the_agency(new_case, officer):
    assert_refused(new_case(), "submit", officer)


def test_liaison_withdraws_a_draft(new_case, liaison):
    case = move(new_case(), ("withdraw", liaison))
    assert case.status == "withdrawn" and not case.is_open


def test_officer_cannot_withdraw(new_case, officer):
    assert_refused(new_case(), "withdraw", officer)


def test_officer_accepts(new_case, liaison, officer):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    assert case.status == "in_review"


def test_liaison_cannot_accept(new_case, liaison):
    case = move(new_case(), ("submit", liaison))
    assert_refused(case, "accept", liaison)


def test_officer_of_another_division_cannot_accept(new_case, liaison, make_user):
    from waishi.accounts.constants import Role

    stranger = make_user(Role.DIVISION_OFFICER)
    case = move(new_case(), ("submit", liaison))
    assert_refused(case, "accept", stranger)


def test_return_for_revision_needs_a_reason(new_case, liaison, officer):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    refused = assert_refused(case, "return_for_revision", officer, reason="  ")
    assert not refused.forbidden
    assert "理由" in refused.reasons[0]


def test_officer_returns_for_revision_and_the_agency_sees_the_reason(new_case, liaison, officer):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    case = do_transition(
        case=case,
        transition="return_for_revision",
        actor=officer,
        inputs={"reason": "请补充邀请函译文"},
    )
    assert case.status == "returned"
    entry = case.timeline.last()
    assert entry.text == "请补充邀请函译文" and entry.is_public
    assert AuditEvent.objects.get(action="cases.case.return_for_revision").reason == entry.text
    # The agency can resubmit after revising.
    assert move(case, ("submit", liaison)).status == "submitted"


def test_liaison_cannot_return_for_revision(new_case, liaison, officer):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    assert_refused(case, "return_for_revision", liaison, reason="x")


def test_head_approves(new_case, liaison, officer, head):
    case = move(new_case(), ("submit", liaison), ("accept", officer), ("approve", head))
    assert case.status == "approved" and not case.is_open


def test_officer_cannot_approve(new_case, liaison, officer):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    assert_refused(case, "approve", officer)


def test_guard_stops_approval_and_says_why(new_case, liaison, officer, head):
    case = move(new_case("BLOCKED trip"), ("submit", liaison), ("accept", officer))
    refused = assert_refused(case, "approve", head)
    assert refused.reasons == ["The title says BLOCKED."]


def test_head_rejects_with_reason(new_case, liaison, officer, head):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    case = do_transition(case=case, transition="reject", actor=head, inputs={"reason": "超出天数"})
    assert case.status == "rejected"


def test_liaison_cannot_reject(new_case, liaison, officer):
    case = move(new_case(), ("submit", liaison), ("accept", officer))
    assert_refused(case, "reject", liaison, reason="x")


def test_inspector_reads_but_cannot_act(new_case, liaison, inspector):
    case = move(new_case(), ("submit", liaison))
    assert_refused(case, "accept", inspector)
    assert available_transitions(case, inspector) == []


def test_transition_from_the_wrong_state_is_refused(new_case, officer):
    refused = assert_refused(new_case(), "accept", officer)
    assert not refused.forbidden


def test_unknown_transition_is_refused(new_case, liaison):
    assert_refused(new_case(), "teleport", liaison)


def test_stale_version_is_a_conflict(new_case, liaison):
    case = new_case()
    before = snapshot(case)
    with pytest.raises(Conflict) as conflict:
        do_transition(case=case, transition="submit", actor=liaison, expected_version=0)
    assert conflict.value.case.version == 1
    assert snapshot(case) == before


def test_available_transitions_follow_state_and_role(new_case, liaison, officer, head):
    case = new_case()
    assert [t.name for t in available_transitions(case, liaison)] == ["submit", "withdraw"]
    assert available_transitions(case, officer) == []
    case = move(case, ("submit", liaison), ("accept", officer))
    assert [t.name for t in available_transitions(case, officer)] == ["return_for_revision"]
    assert [t.name for t in available_transitions(case, head)] == [
        "return_for_revision",
        "approve",
        "reject",
    ]


def test_listeners_hear_inside_the_change_and_a_failing_one_is_undone_alone(new_case, liaison):
    from django.db import connection

    from waishi.audit.actions import log_action

    heard: list[Any] = []

    def broken(event: Any) -> None:
        log_action(action="cases.test.half_written", actor=liaison, obj=event.case)
        raise RuntimeError("the listener breaks after writing")

    def listening(event: Any) -> None:
        heard.append((event.kind, event.transition, connection.in_atomic_block))

    listeners = [register_listener(broken), register_listener(listening)]
    try:
        case = do_transition(case=new_case(), transition="submit", actor=liaison)
    finally:
        for listener in listeners:
            unregister_listener(listener)
    # Heard in the change's transaction; the broken listener's write is rolled back to its
    # savepoint, and neither the change nor the other listener suffers from it.
    assert heard == [("transition", "submit", True)]
    assert Case.objects.get(pk=case.pk).status == case.status == "submitted"
    assert not AuditEvent.objects.filter(action="cases.test.half_written").exists()


def test_a_broken_listener_does_not_stop_the_others(new_case, liaison):
    heard: list[Any] = []

    def broken(event: Any) -> None:
        raise RuntimeError("mail server down")

    register_listener(broken)
    register_listener(heard.append)
    try:
        from waishi.cases.notify import notify_transition

        notify_transition(new_case(), WORKFLOW.transition("submit"), liaison)
        assert len(heard) == 1
    finally:
        unregister_listener(broken)
        unregister_listener(heard.append)


def test_replayed_transition_key_runs_once(new_case, liaison):
    case = new_case()
    first = do_transition(case=case, transition="submit", actor=liaison, idempotency_key="k1")
    again = do_transition(case=case, transition="submit", actor=liaison, idempotency_key="k1")
    assert first.version == again.version == 2 and again.replayed
    assert TimelineEntry.objects.filter(case=case, transition="submit").count() == 1


def test_mermaid_diagram_lists_every_arrow():
    text = WORKFLOW.mermaid()
    assert text.startswith("stateDiagram-v2")
    assert "in_review --> returned" in text
    assert "[*] --> draft" in text and "approved --> [*]" in text


def test_svg_diagram_draws_every_state_and_marks_the_current_one():
    from waishi.cases.diagram import workflow_svg

    svg = workflow_svg(WORKFLOW, current="in_review")
    assert svg.startswith("<svg") and svg.count("<rect") == len(WORKFLOW.states)
    assert 'fill="#9e1b1b"' in svg
