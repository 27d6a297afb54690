"""Recording missions of the bureau's earlier records: their own dates, one audit event, the
live workflow's invariants kept."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.models import Case
from waishi.missions.history import PastMission, PastStep, do_record_past_mission
from waishi.missions.models import ApprovalDocument, Mission, Override

from .factories import TravellerFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def record(liaison: Any, officer: Any, head: Any, leader: Any) -> Callable[..., PastMission]:
    """A mission of last year, travelled and closed, as an earlier record states it."""

    def make(*, members: int = 3, lead_days: int = 60, **changes: Any) -> PastMission:
        departure = timezone.localdate() - datetime.timedelta(days=300)
        back = departure + 4 * DAY
        filed = departure - datetime.timedelta(days=lead_days)
        people = [TravellerFactory(agency=liaison.agency) for _ in range(members)]
        steps = [
            ("submit", filed, liaison, {}),
            ("start_review", filed + 2 * DAY, officer, {}),
            ("forward_to_leader", filed + 5 * DAY, head, {}),
            ("approve", filed + 7 * DAY, leader, {}),
            ("depart", departure, liaison, {}),
            ("register_return", back + DAY, liaison, {"returned_on": back.isoformat()}),
            ("submit_report", back + 20 * DAY, liaison, {}),
            ("close", back + 25 * DAY, officer, {}),
        ]
        fields: dict[str, Any] = {
            "agency": liaison.agency,
            "title": "赴德国考察职业教育",
            "created_at": moment(filed - 5 * DAY),
            "created_by": liaison,
            "purpose": "考察职业教育合作",
            "departure_date": departure,
            "return_date": back,
            "members": [(p, i == 0, "") for i, p in enumerate(people)],
            "destinations": [{"country": "DE", "city": "Berlin", "tasks": "会谈"}],
            "itinerary": [
                {"date": departure + i * DAY, "half": h, "activity": "会谈", "kind": "official"}
                for i in range(5)
                for h in ("morning", "afternoon")
            ],
            "inviter": {"name": "Berlin Senate", "country": "DE", "kind": "counterpart"},
            "budget": [],
            "funding_source": "部门预算",
            "out_of_plan_reason": "新增任务",
            "disclosure_start": filed - 24 * DAY,
            "disclosure_end": filed - 4 * DAY,
            "disclosure_place": "内网",
            "steps": [
                PastStep(name, moment(day, 10 + i % 5), actor, "", inputs)
                for i, (name, day, actor, inputs) in enumerate(steps)
            ],
            "report": "按计划完成任务。",
            "report_disclosure": "已公示。",
        }
        fields.update(changes)
        return PastMission(**fields)

    return make


def test_a_closed_mission_is_recorded_with_its_own_dates_and_one_audit_event(
    record: Callable[..., PastMission], head: Any, leader: Any
) -> None:
    past = record()
    before = AuditEvent.objects.count()
    mission = do_record_past_mission(actor=head, record=past, source="2025年纸质台账")
    case = Case.objects.get(pk=mission.case_id)
    filed = timezone.localtime(past.steps[0].at).date()
    assert case.status == "closed" and not case.is_open and case.version == 9
    assert case.reference.startswith(f"CG-{timezone.localtime(past.created_at).year}-")
    assert case.created_at == past.created_at and case.updated_at == past.steps[-1].at
    statuses = case.timeline.filter(kind="status").order_by("created_at", "id")
    assert [e.to_status for e in statuses][:3] == ["draft", "submitted", "division_review"]
    assert statuses.get(transition="approve").created_at == past.steps[3].at
    assert statuses.get(transition="approve").actor == leader
    mission.refresh_from_db()
    assert mission.filed_on == filed and mission.approved_at == past.steps[3].at
    assert mission.returned_on == past.return_date and mission.report_submitted_at
    verdict = mission.verdicts.get()
    assert verdict.checked_on == filed and verdict.recorded_at == past.steps[0].at
    document = ApprovalDocument.objects.get(mission=mission)
    assert not document.is_rendered and document.issued_at == past.steps[3].at
    assert document.content["approver"] == leader.display_name
    # The audit log says what was recorded, when it really was, by whom.
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.get(action="missions.mission.record_past")
    assert event.actor_id == head.pk and event.occurred_at > past.steps[-1].at
    assert event.after["source"] == "2025年纸质台账" and len(event.after["steps"]) == 8
    note = case.timeline.order_by("-created_at", "-id").first()
    assert note is not None and not note.is_public and "2025年纸质台账" in note.text


def test_a_record_that_breaks_a_block_is_refused_and_writes_nothing(
    record: Callable[..., PastMission], head: Any
) -> None:
    with pytest.raises(ValidationError):
        do_record_past_mission(actor=head, record=record(members=7), source="台账")
    assert not Mission.objects.exists() and not Case.objects.exists()
    assert not AuditEvent.objects.filter(action="missions.mission.record_past").exists()


def test_warnings_must_have_been_accepted_before_the_mission_went_on(
    record: Callable[..., PastMission], head: Any
) -> None:
    late = record(lead_days=30)  # filed 30 days before departure: a lead-time warning
    with pytest.raises(ValidationError):
        do_record_past_mission(actor=head, record=late, source="台账")
    assert not Mission.objects.exists()
    accepted = record(lead_days=30, warnings_accepted_by=head, warnings_reason="特殊情况")
    mission = do_record_past_mission(actor=head, record=accepted, source="台账")
    override = Override.objects.get(verdict__mission=mission)
    assert override.rule_code == "lead_time" and override.officer == head
    assert override.created_at < accepted.steps[2].at


def test_steps_out_of_order_or_in_the_future_are_refused(
    record: Callable[..., PastMission], head: Any, officer: Any
) -> None:
    past = record()
    future = [*past.steps[:1], PastStep("start_review", timezone.now() + DAY, officer)]
    with pytest.raises(ValidationError):
        do_record_past_mission(actor=head, record=record(steps=future), source="台账")
    skipping = [past.steps[0], past.steps[3]]  # approve straight after filing
    with pytest.raises(ValidationError):
        do_record_past_mission(actor=head, record=record(steps=skipping), source="台账")
    assert not Case.objects.exists()


def test_only_a_division_head_records_past_missions(
    record: Callable[..., PastMission], liaison: Any, officer: Any
) -> None:
    for actor in (liaison, officer):
        with pytest.raises(PermissionDenied):
            do_record_past_mission(actor=actor, record=record(), source="台账")
    assert not Case.objects.exists()
