"""Every write to a mission application's content. Transitions go through the case kernel.

Each function takes keyword arguments with an explicit ``actor``, checks the actor's right
on the case, refuses a stale ``expected_version`` (``StaleMission``), runs in one
transaction and writes its audit event. Any change to the content clears the agency
signatory's confirmation, so what is filed is always what was confirmed.
"""

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases import actions as case_actions
from waishi.cases.models import Case
from waishi.cases.names import set_case_names
from waishi.cases.refusals import Stale
from waishi.cases.standing import AgencySuspended
from waishi.registers.countries import is_abroad
from waishi.registers.models import Person

from .checking import latest_verdict, verdict_violations
from .constants import CASE_TYPE, ActivityKind, BudgetCategory, HalfDay, InviterKind
from .models import (
    BudgetLine,
    Destination,
    ItineraryItem,
    Mission,
    MissionMember,
    Override,
    PlannedMission,
)
from .workflow import EDITABLE_STATES


class StaleMission(Stale):
    """Someone saved the application since the form was opened. Nothing was written."""

    def __init__(self, mission: Mission) -> None:
        super().__init__(mission)
        self.mission = mission


def do_create_mission(
    *,
    actor: Any,
    title: str,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Mission:
    """Open a draft application for the actor's agency. Checks ``missions.file_mission``.

    A repeated ``idempotency_key`` returns the first draft instead of opening another. An
    agency suspended from missions (the kernel's agency standing) is refused with the
    reasons as a ``ValidationError``; nothing is written.
    """
    if not actor.has_perm("missions.file_mission") or actor.agency_id is None:
        raise PermissionDenied(_("You may not do this."))
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the application a title."))
    try:
        case = case_actions.do_create_case(
            actor=actor,
            case_type=CASE_TYPE,
            agency=actor.agency,
            title=title[:200],
            build_detail=lambda case: Mission.objects.create(case=case),
            idempotency_key=idempotency_key,
            request=request,
        )
    except AgencySuspended as suspended:
        # The kernel's agency standing (e.g. passports not returned to custody).
        raise ValidationError(suspended.reasons) from None
    return Mission.objects.select_related("case").get(case=case)


def _edit(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    verb: str,
    change: Callable[[Mission], dict[str, Any]],
    request: HttpRequest | None,
) -> Mission:
    """Lock, check right, state and version, apply ``change``, bump the version, audit."""
    with transaction.atomic():
        locked = Mission.objects.select_for_update().select_related("case").get(pk=mission.pk)
        if not actor.has_perm("missions.edit_mission", locked.case):
            raise PermissionDenied(_("You may not change this application."))
        if locked.case.status not in EDITABLE_STATES:
            raise ValidationError(_("The application cannot be changed in its current state."))
        if locked.version != expected_version:
            raise StaleMission(locked)
        record = change(locked)
        locked.version += 1
        locked.confirmed_by = None
        locked.confirmed_at = None
        locked.save()
        Case.objects.filter(pk=locked.case_id).update(updated_at=timezone.now())
        log_action(
            action=f"missions.mission.{verb}",
            actor=actor,
            obj=locked.case,
            after={"version": locked.version, **record},
            request=request,
        )
    return locked


def do_save_basics(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    purpose: str,
    academic_exchange: bool,
    departure_date: datetime.date | None,
    return_date: datetime.date | None,
    planned_mission: PlannedMission | None,
    out_of_plan_reason: str = "",
    request: HttpRequest | None = None,
) -> Mission:
    """Save purpose, dates and the plan entry. Checks ``missions.edit_mission``."""
    if departure_date and return_date and return_date < departure_date:
        raise ValidationError(_("The return date is before the departure date."))

    def change(m: Mission) -> dict[str, Any]:
        if planned_mission is not None and planned_mission.plan.agency_id != m.case.agency_id:
            raise ValidationError(_("Choose a planned mission of your own agency."))
        m.purpose = purpose.strip()
        m.academic_exchange = academic_exchange
        m.departure_date = departure_date
        m.return_date = return_date
        m.planned_mission = planned_mission
        m.out_of_plan_reason = "" if planned_mission else out_of_plan_reason.strip()
        return {
            "departure_date": str(departure_date or ""),
            "return_date": str(return_date or ""),
            "planned_mission": planned_mission.pk if planned_mission else None,
        }

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="save_basics",
        change=change,
        request=request,
    )


def do_set_members(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    members: Iterable[tuple[Person, bool, str]],
    request: HttpRequest | None = None,
) -> Mission:
    """Replace the delegation: (traveller, is leader, role) in order, one leader at most."""
    rows = list(members)
    if sum(1 for _t, lead, _r in rows if lead) > 1:
        raise ValidationError(_("A delegation has one leader."))
    if len({t.pk for t, _l, _r in rows}) != len(rows):
        raise ValidationError(_("A person is listed twice."))

    def change(m: Mission) -> dict[str, Any]:
        if any(not t.is_active for t, _l, _r in rows):
            raise ValidationError(_("Choose active people from the register."))
        m.members.all().delete()
        MissionMember.objects.bulk_create(
            MissionMember(mission=m, traveller=t, is_leader=lead, role=role[:60], sort_order=i)
            for i, (t, lead, role) in enumerate(rows)
        )
        set_case_names(m.case_id, [t.name for t, _l, _r in rows])
        return {"members": [t.pk for t, _l, _r in rows]}

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="set_members",
        change=change,
        request=request,
    )


def do_set_destinations(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    destinations: Iterable[dict[str, Any]],
    request: HttpRequest | None = None,
) -> Mission:
    """Replace the stops in visiting order: country, city, dates, transit, airside, tasks."""
    rows = list(destinations)
    for row in rows:
        if not is_abroad(row.get("country", "")):
            raise ValidationError(_("Choose the countries or regions from the list."))

    def change(m: Mission) -> dict[str, Any]:
        m.destinations.all().delete()
        Destination.objects.bulk_create(
            Destination(
                mission=m,
                sort_order=i,
                country=row["country"].upper(),
                city=row.get("city", "")[:100],
                arrive_on=row.get("arrive_on"),
                leave_on=row.get("leave_on"),
                is_transit=bool(row.get("is_transit")),
                airside_only=bool(row.get("is_transit") and row.get("airside_only")),
                tasks=row.get("tasks", ""),
            )
            for i, row in enumerate(rows)
        )
        return {"destinations": [r["country"].upper() for r in rows]}

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="set_destinations",
        change=change,
        request=request,
    )


def do_set_itinerary(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    items: Iterable[dict[str, Any]],
    request: HttpRequest | None = None,
) -> Mission:
    """Replace the half-day itinerary: date, morning/afternoon, city, activity, kind."""
    rows = [r for r in items if str(r.get("activity", "")).strip()]
    keys = [(r["date"], r["half"]) for r in rows]
    if len(set(keys)) != len(keys):
        raise ValidationError(_("Each half-day appears once in the itinerary."))
    for row in rows:
        if row["half"] not in HalfDay.values or row.get("kind") not in ActivityKind.values:
            raise ValidationError(_("Choose the half-day and the kind of activity."))

    def change(m: Mission) -> dict[str, Any]:
        if m.departure_date and m.return_date:
            outside = [r for r in rows if not m.departure_date <= r["date"] <= m.return_date]
            if outside:
                raise ValidationError(_("Every day of the itinerary lies within the trip."))
        m.itinerary.all().delete()
        ItineraryItem.objects.bulk_create(
            ItineraryItem(
                mission=m,
                date=r["date"],
                half=r["half"],
                city=r.get("city", "")[:100],
                activity=r["activity"].strip()[:300],
                kind=r["kind"],
            )
            for r in rows
        )
        return {"itinerary_items": len(rows)}

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="set_itinerary",
        change=change,
        request=request,
    )


def do_save_inviter(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    name: str,
    country_code: str,
    contact: str,
    relation: str,
    kind: str,
    letter: IO[bytes] | None = None,
    letter_name: str = "",
    translation: IO[bytes] | None = None,
    translation_name: str = "",
    request: HttpRequest | None = None,
) -> Mission:
    """Save the inviter and, when given, store the letter and its translation as attachments."""
    if kind and kind not in InviterKind.values:
        raise ValidationError(_("Choose the kind of inviter."))
    if country_code and not is_abroad(country_code):
        raise ValidationError(_("Choose the countries or regions from the list."))

    def change(m: Mission) -> dict[str, Any]:
        m.inviter_name = name.strip()[:200]
        m.inviter_country = country_code.upper()
        m.inviter_contact = contact.strip()[:200]
        m.inviter_relation = relation.strip()[:300]
        m.inviter_kind = kind
        if letter is not None:
            m.invitation_letter = case_actions.do_add_attachment(
                case=m.case, actor=actor, upload=letter, name=letter_name, request=request
            )
        if translation is not None:
            m.invitation_translation = case_actions.do_add_attachment(
                case=m.case,
                actor=actor,
                upload=translation,
                name=translation_name,
                request=request,
            )
        return {"inviter": m.inviter_name, "kind": kind}

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="save_inviter",
        change=change,
        request=request,
    )


def do_set_budget(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    lines: Iterable[dict[str, Any]],
    funding_source: str,
    request: HttpRequest | None = None,
) -> Mission:
    """Replace the budget lines and the source of funds."""
    rows = list(lines)
    for row in rows:
        if row["category"] not in BudgetCategory.values:
            raise ValidationError(_("Choose a budget category."))
        if Decimal(row["amount"]) < 0 or Decimal(row["amount_rmb"]) < 0:
            raise ValidationError(_("Amounts cannot be negative."))

    def change(m: Mission) -> dict[str, Any]:
        m.budget.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(
                mission=m,
                category=r["category"],
                country=r.get("country", "").upper(),
                city=r.get("city", "")[:100],
                currency=(r.get("currency") or "CNY").upper()[:3],
                amount=Decimal(r["amount"]),
                amount_rmb=Decimal(r["amount_rmb"]),
                persons=max(int(r.get("persons") or 1), 1),
                days=max(int(r.get("days") or 1), 1),
                note=r.get("note", "")[:200],
            )
            for r in rows
        )
        m.funding_source = funding_source.strip()[:200]
        total = sum((Decimal(r["amount_rmb"]) for r in rows), Decimal(0))
        return {"budget_lines": len(rows), "total_rmb": str(total)}

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="set_budget",
        change=change,
        request=request,
    )


def do_save_disclosure(
    *,
    actor: Any,
    mission: Mission,
    expected_version: int,
    start: datetime.date | None,
    end: datetime.date | None,
    place: str,
    feedback: str = "",
    request: HttpRequest | None = None,
) -> Mission:
    """Record the pre-departure disclosure inside the agency."""
    if start and end and end < start:
        raise ValidationError(_("The disclosure ends before it starts."))

    def change(m: Mission) -> dict[str, Any]:
        m.disclosure_start, m.disclosure_end = start, end
        m.disclosure_place = place.strip()[:200]
        m.disclosure_feedback = feedback.strip()
        return {"disclosure_start": str(start or ""), "disclosure_end": str(end or "")}

    return _edit(
        actor=actor,
        mission=mission,
        expected_version=expected_version,
        verb="save_disclosure",
        change=change,
        request=request,
    )


def do_confirm(
    *, actor: Any, mission: Mission, expected_version: int, request: HttpRequest | None = None
) -> Mission:
    """The agency signatory confirms the application as it stands (``missions.confirm_mission``)."""
    with transaction.atomic():
        locked = Mission.objects.select_for_update().select_related("case").get(pk=mission.pk)
        if not actor.has_perm("missions.confirm_mission", locked.case):
            raise PermissionDenied(_("Only the agency signatory confirms an application."))
        if locked.case.status not in EDITABLE_STATES:
            raise ValidationError(_("The application cannot be changed in its current state."))
        if locked.version != expected_version:
            raise StaleMission(locked)
        locked.confirmed_by = actor
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["confirmed_by", "confirmed_at"])
        case_actions.do_add_timeline_entry(
            case=locked.case,
            actor=actor,
            kind="note",
            text=_("Confirmed by the agency signatory"),
            is_public=True,
        )
        log_action(
            action="missions.mission.confirm",
            actor=actor,
            obj=locked.case,
            after={"version": locked.version},
            request=request,
        )
    return locked


def do_override_warning(
    *,
    actor: Any,
    mission: Mission,
    rule_code: str,
    message_key: str,
    reason: str,
    request: HttpRequest | None = None,
) -> Override:
    """Accept one warning of the latest verdict, with a reason. Blocks cannot be overridden.

    Checks ``missions.override_warning``; the override is audited and noted on the timeline.
    """
    if not actor.has_perm("missions.override_warning"):
        raise PermissionDenied(_("You may not override warnings."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for accepting the warning."))
    with transaction.atomic():
        locked = Mission.objects.select_for_update().select_related("case").get(pk=mission.pk)
        verdict = latest_verdict(locked)
        found = [
            v
            for v in (verdict_violations(verdict) if verdict else [])
            if v.rule_code == rule_code and v.message_key == message_key
        ]
        if verdict is None or not found:
            raise ValidationError(_("There is no such warning on the recorded rule check."))
        if found[0].is_block:
            raise ValidationError(_("A block cannot be overridden; the application must change."))
        override, created = Override.objects.get_or_create(
            verdict=verdict,
            rule_code=rule_code,
            message_key=message_key,
            defaults={
                "rule_version_id": found[0].rule_version_id,
                "reason": reason.strip(),
                "officer": actor,
            },
        )
        if not created:
            raise ValidationError(_("This warning has already been accepted."))
        case_actions.do_add_timeline_entry(
            case=locked.case,
            actor=actor,
            kind="note",
            text=_("Warning accepted: %(message)s — %(reason)s")
            % {"message": found[0].message, "reason": reason.strip()},
            is_public=False,
        )
        log_action(
            action="missions.warning.override",
            actor=actor,
            obj=locked.case,
            after={
                "rule_code": rule_code,
                "message_key": message_key,
                "rule_version_id": found[0].rule_version_id,
                "verdict": verdict.pk,
            },
            reason=reason.strip(),
            request=request,
        )
    return override


def do_save_report(
    *,
    actor: Any,
    mission: Mission,
    report: str,
    report_disclosure: str,
    request: HttpRequest | None = None,
) -> Mission:
    """Write the trip report and its post-return disclosure (after the return is registered)."""
    with transaction.atomic():
        locked = Mission.objects.select_for_update().select_related("case").get(pk=mission.pk)
        if not actor.has_perm("missions.edit_mission", locked.case):
            raise PermissionDenied(_("You may not change this application."))
        if locked.case.status != "back_home":
            raise ValidationError(_("The trip report is written after the return is registered."))
        locked.report = report.strip()
        locked.report_disclosure = report_disclosure.strip()
        locked.save(update_fields=["report", "report_disclosure"])
        log_action(
            action="missions.mission.save_report",
            actor=actor,
            obj=locked.case,
            after={"report_length": len(locked.report)},
            request=request,
        )
    return locked
