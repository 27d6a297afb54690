"""The life of a mission application through the case kernel's workflow engine."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.models import Case, Rule
from waishi.cases.rule_actions import do_add_rule_version
from waishi.cases.workflow import TransitionRefused
from waishi.missions import mission_actions as ma
from waishi.missions.checking import check_stored_mission, latest_verdict, open_warnings
from waishi.missions.constants import Rank, RuleCode, Severity
from waishi.missions.models import Mission, Override, Verdict
from waishi.registers.models import Person

from .factories import TravellerFactory

pytestmark = pytest.mark.django_db


def run(mission: Mission, name: str, actor: Any, **inputs: str) -> Case:
    return do_transition(case=mission.case, transition=name, actor=actor, inputs=inputs)


def fresh(mission: Mission) -> Mission:
    return Mission.objects.select_related("case").get(pk=mission.pk)


def test_a_mission_goes_from_draft_to_closed(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, leader: Any
) -> None:
    mission = confirmed()
    assert mission.case.reference.startswith("CG-")
    run(mission, "submit", liaison)
    mission = fresh(mission)
    assert mission.case.status == "submitted"
    assert mission.filed_on == datetime.date.today()
    assert latest_verdict(mission).violations == []
    run(mission, "start_review", officer)
    run(mission, "forward_to_leader", head)
    run(mission, "approve", leader)
    assert fresh(mission).approved_at is not None
    run(mission, "depart", liaison)
    # The trip has taken place: move its dates into the past.
    back = datetime.date.today()
    Mission.objects.filter(pk=mission.pk).update(
        departure_date=back - datetime.timedelta(days=4), return_date=back
    )
    with pytest.raises(TransitionRefused):
        run(mission, "register_return", liaison, returned_on="2026-13-01")
    case = run(mission, "register_return", liaison, returned_on=back.isoformat())
    mission = fresh(mission)
    assert mission.report_due == back + datetime.timedelta(days=30)
    assert case.due_date == mission.report_due == mission.case.due_date
    with pytest.raises(TransitionRefused):
        run(mission, "submit_report", liaison)
    ma.do_save_report(actor=liaison, mission=mission, report="完成任务", report_disclosure="已公示")
    run(mission, "submit_report", liaison)
    case = run(mission, "close", officer)
    assert case.status == "closed" and not case.is_open
    assert AuditEvent.objects.filter(action="missions.mission.approve").count() == 1


def test_a_seventh_member_blocks_filing_and_nothing_is_written(
    confirmed: Callable[..., Any], liaison: Any
) -> None:
    mission = confirmed(members=7)
    with pytest.raises(TransitionRefused) as refused:
        run(mission, "submit", liaison)
    assert any("7" in reason for reason in refused.value.reasons)
    mission = fresh(mission)
    assert mission.case.status == "draft" and mission.filed_on is None
    assert not Verdict.objects.exists()
    assert not AuditEvent.objects.filter(action="missions.mission.submit").exists()


def test_filing_needs_the_signatory_and_any_edit_clears_the_confirmation(
    draft: Callable[..., Any], liaison: Any, signatory: Any
) -> None:
    mission = draft()
    with pytest.raises(TransitionRefused) as refused:
        run(mission, "submit", liaison)
    assert "签发人" in " ".join(refused.value.reasons)
    with pytest.raises(PermissionDenied):
        ma.do_confirm(actor=liaison, mission=mission, expected_version=mission.version)
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    assert mission.confirmed_by == signatory
    mission = ma.do_save_disclosure(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        start=mission.disclosure_start,
        end=mission.disclosure_end,
        place="公告栏",
    )
    assert mission.confirmed_at is None


def test_an_incomplete_application_lists_what_is_missing(liaison: Any, signatory: Any) -> None:
    mission = ma.do_create_mission(actor=liaison, title="草稿")
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    with pytest.raises(TransitionRefused) as refused:
        run(mission, "submit", liaison)
    assert len(refused.value.reasons) >= 8


def test_warnings_must_be_accepted_by_an_authorised_officer_before_forwarding(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any
) -> None:
    mission = confirmed(tourist=True)
    run(mission, "submit", liaison)
    run(mission, "start_review", officer)
    warnings = open_warnings(latest_verdict(mission))
    assert [w.rule_code for w in warnings] == [RuleCode.TOURIST_SITES]
    with pytest.raises(TransitionRefused):
        run(mission, "forward_to_leader", head)
    with pytest.raises(PermissionDenied):
        ma.do_override_warning(
            actor=liaison,
            mission=mission,
            rule_code="tourist_sites",
            message_key="tourist_sites",
            reason="x",
        )
    with pytest.raises(ValidationError):
        ma.do_override_warning(
            actor=head,
            mission=mission,
            rule_code="tourist_sites",
            message_key="tourist_sites",
            reason=" ",
        )
    assert not Override.objects.exists()
    ma.do_override_warning(
        actor=head,
        mission=mission,
        rule_code="tourist_sites",
        message_key="tourist_sites",
        reason="参观为对方安排的职业学校实训基地",
    )
    event = AuditEvent.objects.get(action="missions.warning.override")
    assert event.reason == "参观为对方安排的职业学校实训基地"
    assert run(mission, "forward_to_leader", head).status == "leader_approval"


def test_a_block_on_a_recorded_verdict_cannot_be_overridden(
    confirmed: Callable[..., Any], liaison: Any, head: Any
) -> None:
    mission = confirmed()
    run(mission, "submit", liaison)
    verdict = latest_verdict(mission)
    verdict.violations = [
        {
            "rule_code": "delegation_size",
            "field": "members",
            "severity": Severity.BLOCK,
            "citation": "c",
            "rule_version_id": 1,
            "message_key": "delegation_size",
            "params": {"count": 7, "limit": 6},
        }
    ]
    verdict.save()
    with pytest.raises(ValidationError):
        ma.do_override_warning(
            actor=head,
            mission=mission,
            rule_code="delegation_size",
            message_key="delegation_size",
            reason="特殊情况",
        )
    assert not Override.objects.exists()


def test_a_later_rule_change_does_not_change_the_recorded_verdict(
    confirmed: Callable[..., Any], liaison: Any, head: Any
) -> None:
    mission = confirmed(tourist=True)
    run(mission, "submit", liaison)
    recorded = latest_verdict(mission).violations
    rule_id = recorded[0]["rule_version_id"]
    assert Rule.objects.get(pk=rule_id).code == RuleCode.TOURIST_SITES
    do_add_rule_version(
        actor=head,
        area="missions",
        code=RuleCode.DELEGATION_SIZE,
        value=5,
        severity=Severity.BLOCK,
        effective_from=datetime.date.today(),
        citation="新规定",
        supersedes=Rule.objects.get(area="missions", code=RuleCode.DELEGATION_SIZE),
    )
    # Checked again today, six members now break the new rule; the record is unchanged.
    assert RuleCode.DELEGATION_SIZE in {v.rule_code for v in check_stored_mission(mission)}
    assert latest_verdict(fresh(mission)).violations == recorded


@pytest.mark.parametrize(
    ("rank", "province"),
    [
        (Rank.ZHENG_TING, True),
        (Rank.FU_TING, True),
        (Rank.ZHENG_CHU, False),
        (Rank.FU_CHU, False),
    ],
)
def test_a_department_level_member_sends_the_mission_to_the_province(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    rank: str,
    province: bool,
) -> None:
    # Not the leader: a vice mayor travelling in a bureau's delegation is enough.
    mission = confirmed(leader_rank=Rank.ZHENG_CHU)
    member = mission.members.filter(is_leader=False).first()
    Person.objects.filter(pk=member.traveller_id).update(rank=rank)
    run(mission, "submit", liaison)
    run(mission, "start_review", officer)
    if province:
        with pytest.raises(TransitionRefused):
            run(mission, "forward_to_leader", head)
        assert run(mission, "refer_to_province", head).status == "referred_to_province"
    else:
        with pytest.raises(TransitionRefused):
            run(mission, "refer_to_province", head)
        assert run(mission, "forward_to_leader", head).status == "leader_approval"


def test_a_mission_led_by_a_city_leader_needs_the_province(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, leader: Any
) -> None:
    mission = confirmed(leader_rank=Rank.FU_TING)
    run(mission, "submit", liaison)
    run(mission, "start_review", officer)
    with pytest.raises(TransitionRefused) as refused:
        run(mission, "forward_to_leader", head)
    assert "省外事办公室" in " ".join(refused.value.reasons)
    run(mission, "refer_to_province", head)
    with pytest.raises(TransitionRefused):
        run(mission, "record_province_approval", officer, document_number="")
    run(mission, "record_province_approval", officer, document_number="粤外办〔2026〕88号")
    mission = fresh(mission)
    assert mission.case.status == "approved"
    assert mission.province_document_number == "粤外办〔2026〕88号"
    assert mission.province_decision == "approved"


def test_an_ordinary_mission_cannot_be_referred_to_the_province(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any
) -> None:
    mission = confirmed()
    run(mission, "submit", liaison)
    run(mission, "start_review", officer)
    with pytest.raises(TransitionRefused):
        run(mission, "refer_to_province", head)
    assert fresh(mission).case.status == "division_review"


def test_returned_for_revision_then_resubmitted(
    confirmed: Callable[..., Any], liaison: Any, signatory: Any, officer: Any
) -> None:
    mission = confirmed()
    run(mission, "submit", liaison)
    run(mission, "return_for_revision", officer, reason="请补充日程细节")
    mission = fresh(mission)
    assert mission.case.status == "returned" and mission.confirmed_at is None
    with pytest.raises(TransitionRefused):
        run(mission, "resubmit", liaison)
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    run(mission, "resubmit", liaison)
    assert fresh(mission).case.status == "resubmitted"
    assert Verdict.objects.filter(mission=mission).count() == 2


def test_an_application_cannot_be_edited_once_filed(
    confirmed: Callable[..., Any], liaison: Any
) -> None:
    mission = confirmed()
    run(mission, "submit", liaison)
    mission = fresh(mission)
    with pytest.raises(ValidationError):
        ma.do_save_disclosure(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            start=None,
            end=None,
            place="",
        )
    assert fresh(mission).disclosure_place == "单位内网公示栏"


def test_another_agency_cannot_edit_and_a_stale_form_is_refused(
    draft: Callable[..., Any], liaison: Any, other_liaison: Any
) -> None:
    mission = draft()
    with pytest.raises(PermissionDenied):
        ma.do_save_disclosure(
            actor=other_liaison,
            mission=mission,
            expected_version=mission.version,
            start=None,
            end=None,
            place="",
        )
    with pytest.raises(ma.StaleMission):
        ma.do_save_disclosure(
            actor=liaison,
            mission=mission,
            expected_version=mission.version - 1,
            start=None,
            end=None,
            place="",
        )
    assert fresh(mission).disclosure_place == "单位内网公示栏"


def test_withdrawal_is_possible_only_before_a_decision(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, leader: Any
) -> None:
    first = confirmed()
    run(first, "submit", liaison)
    assert run(first, "withdraw", liaison, reason="任务取消").status == "withdrawn"
    second = confirmed()
    run(second, "submit", liaison)
    run(second, "start_review", officer)
    run(second, "forward_to_leader", head)
    run(second, "approve", leader)
    with pytest.raises(TransitionRefused):
        run(second, "withdraw", liaison, reason="任务取消")


def test_a_change_after_approval_goes_through_review_again(
    confirmed: Callable[..., Any],
    liaison: Any,
    signatory: Any,
    officer: Any,
    head: Any,
    leader: Any,
) -> None:
    mission = confirmed()
    for name, actor in [
        ("submit", liaison),
        ("start_review", officer),
        ("forward_to_leader", head),
        ("approve", leader),
    ]:
        run(mission, name, actor)
    run(mission, "request_change", liaison, reason="更换一名团员")
    mission = fresh(mission)
    assert mission.case.status == "change_requested"
    mission = ma.do_set_members(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        members=[(TravellerFactory(agency=liaison.agency), True, "团长")],
    )
    mission = ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)
    run(mission, "resubmit", liaison)
    run(mission, "start_review", officer)
    assert fresh(mission).case.status == "division_review"


def test_an_approved_trip_counts_towards_the_frequency_of_its_members(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, leader: Any
) -> None:
    # A 厅级 member's mission is decided by the province.
    mission = confirmed(leader_rank=Rank.ZHENG_TING)
    for name, actor in [
        ("submit", liaison),
        ("start_review", officer),
        ("refer_to_province", head),
    ]:
        run(mission, name, actor)
    run(mission, "record_province_approval", officer, document_number="粤外办〔2026〕90号")
    veteran = mission.members.get(is_leader=True).traveller
    second = ma.do_create_mission(actor=liaison, title="再次出访")
    second = ma.do_save_basics(
        actor=liaison,
        mission=second,
        expected_version=second.version,
        purpose="x",
        academic_exchange=False,
        departure_date=mission.departure_date + datetime.timedelta(days=200),
        return_date=mission.departure_date + datetime.timedelta(days=203),
        planned_mission=None,
        out_of_plan_reason="x",
    )
    second = ma.do_set_members(
        actor=liaison,
        mission=second,
        expected_version=second.version,
        members=[(veteran, True, "")],
    )
    found = {v.rule_code for v in check_stored_mission(second)}
    assert RuleCode.TRIP_FREQUENCY in found
    assert [m.recent_trips for m in second.member_rows] == [1]


def test_the_inbox_search_and_the_api_know_the_members(
    draft: Callable[..., Any], officer: Any
) -> None:
    from waishi.cases.inbox import search
    from waishi.cases.querysets import visible_to
    from waishi.missions.api import mission_detail

    mission = draft()
    name = mission.members.get(is_leader=True).traveller.name
    found = search(visible_to(officer), name)
    assert list(found.values_list("pk", flat=True)) == [mission.case_id]
    detail = mission_detail(mission.case, officer)
    assert detail["members"][0]["name"] == name
    assert detail["destinations"] == [{"country": "DE", "city": "Berlin", "transit": False}]


def _back_home(
    mission: Mission, liaison: Any, officer: Any, head: Any, leader: Any, *, approved: Any
) -> None:
    for name, actor in [
        ("submit", liaison),
        ("start_review", officer),
        ("forward_to_leader", head),
        ("approve", leader),
        ("depart", liaison),
    ]:
        run(mission, name, actor)
    Mission.objects.filter(pk=mission.pk).update(
        departure_date=approved - datetime.timedelta(days=4), return_date=approved
    )


def test_an_unsubmitted_trip_report_reminds_the_agency_then_is_escalated(
    confirmed: Callable[..., Any],
    liaison: Any,
    signatory: Any,
    officer: Any,
    head: Any,
    leader: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from waishi.cases.clocks import sweep_clocks
    from waishi.cases.models import Clock, ClockReminder
    from waishi.cases.notify import register_listener, unregister_listener
    from waishi.core.workdays import add_workdays

    mission = confirmed()
    back = datetime.date.today()
    _back_home(mission, liaison, officer, head, leader, approved=back)
    run(mission, "register_return", liaison, returned_on=back.isoformat())
    due = fresh(mission).report_due
    assert due == back + datetime.timedelta(days=30)
    clock = Clock.objects.get(case=mission.case, code="trip_report")
    assert (clock.owner, clock.due_date) == ("agency", due)
    assert Case.objects.get(pk=mission.case_id).due_owner == "agency"
    heard: list[Any] = []
    register_listener(heard.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sweep_clocks(today=add_workdays(due, -3))
            sweep_clocks(today=due + datetime.timedelta(days=1))
    finally:
        unregister_listener(heard.append)
    levels = set(ClockReminder.objects.filter(clock=clock).values_list("level", flat=True))
    assert levels == {"due_soon", "overdue"}
    # The agency's liaison officers and signatory are told first; the division on escalation.
    assert set(heard[0].recipients) == {liaison.pk, signatory.pk}
    assert {liaison.pk, signatory.pk, officer.pk, head.pk} <= set(heard[1].recipients)
    # A mission's own trip is not among its members' earlier trips.
    assert [m.recent_trips for m in fresh(mission).member_rows] == [0] * 6


def test_a_return_after_the_approved_date_needs_a_reason_and_is_flagged(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    inspector: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from waishi.cases.notify import register_listener, unregister_listener

    mission = confirmed()
    back = datetime.date.today()
    approved = back - datetime.timedelta(days=2)
    _back_home(mission, liaison, officer, head, leader, approved=approved)
    with pytest.raises(TransitionRefused) as refused:
        run(mission, "register_return", liaison, returned_on=back.isoformat())
    assert approved.isoformat() in str(refused.value.reasons)
    assert fresh(mission).returned_on is None
    # With the reason the return is recorded, and the extended stay flagged.
    heard: list[Any] = []
    register_listener(heard.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run(
                mission,
                "register_return",
                liaison,
                returned_on=back.isoformat(),
                late_reason="航班取消，延误两天",
            )
    finally:
        unregister_listener(heard.append)
    [note] = [e for e in mission.case.timeline.filter(kind="note") if "extended_stay" in e.changes]
    assert note.changes == {"extended_stay": [approved.isoformat(), back.isoformat()]}
    assert not note.is_public and note.text == "航班取消，延误两天"
    flags = [e for e in heard if e.kind == "flag"]
    assert len(flags) == 1
    assert {officer.pk, head.pk, inspector.pk} <= set(flags[0].recipients)
    assert "(+2)" in flags[0].text


def test_a_return_on_the_approved_day_needs_no_reason(
    confirmed: Callable[..., Any], liaison: Any, officer: Any, head: Any, leader: Any
) -> None:
    mission = confirmed()
    back = datetime.date.today()
    _back_home(mission, liaison, officer, head, leader, approved=back)
    run(mission, "register_return", liaison, returned_on=back.isoformat())
    notes = mission.case.timeline.filter(kind="note")
    assert not [e for e in notes if "extended_stay" in e.changes]


def test_a_mission_forwarded_to_the_leader_waits_in_the_leaders_to_do_and_tells_them(
    confirmed: Callable[..., Any],
    liaison: Any,
    officer: Any,
    head: Any,
    leader: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from waishi.cases.todo import todo_cases
    from waishi.notifications.models import Notification

    mission = confirmed()
    run(mission, "submit", liaison)
    assert not todo_cases(leader).exists()
    run(mission, "start_review", officer)
    with django_capture_on_commit_callbacks(execute=True):
        run(mission, "forward_to_leader", head)
    assert list(todo_cases(leader).values_list("pk", flat=True)) == [mission.case.pk]
    # The division may still take it back, but it waits for the leader, not for them.
    for person in (liaison, officer, head):
        assert not todo_cases(person).exists()
    assert Notification.objects.filter(recipient=leader, object_id=str(mission.case.pk)).exists()
