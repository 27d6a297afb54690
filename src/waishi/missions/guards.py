"""Guards and effects of the mission workflow (see ``workflow.py``).

A guard returns the translated reasons a transition may not run; an effect writes the
mission's own fields inside the transition's transaction.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.clocks import start_clock, stop_clock
from waishi.cases.contrib import trip_changed

from .checking import (
    filed_mission,
    filing_check,
    latest_verdict,
    mission_parts,
    open_warnings,
    record_verdict,
    transition_mission,
    update_transition_mission,
)
from .checking import (
    led_by_city_leader as _led_by_city_leader,
)
from .constants import REPORT_CLOCK, ProvinceDecision
from .models import Mission

Inputs = Mapping[str, str]


def missing_parts(mission: Mission) -> list[str]:
    """What the application still lacks before it can be filed, in form order."""
    missing: list[str] = []
    if not mission.purpose.strip():
        missing.append(_("Describe the purpose of the mission."))
    if mission.departure_date is None or mission.return_date is None:
        missing.append(_("Give the departure and return dates."))
    elif mission.return_date < mission.departure_date:
        missing.append(_("The return date is before the departure date."))
    parts = mission_parts(mission)
    members = parts.members
    if not members:
        missing.append(_("Add the members of the delegation."))
    elif sum(1 for m in members if m.is_leader) != 1:
        missing.append(_("Mark exactly one member as the leader of the delegation."))
    destinations = parts.destinations
    if not destinations:
        missing.append(_("Add the countries or regions to visit."))
    elif any(not d.is_transit and not d.tasks.strip() for d in destinations):
        missing.append(_("Describe the tasks in every country or region visited."))
    if not parts.itinerary:
        missing.append(_("Fill in the day-by-day itinerary."))
    if not (mission.inviter_name and mission.inviter_country and mission.inviter_kind):
        missing.append(_("Say who invites the delegation."))
    if mission.invitation_letter_id is None:
        missing.append(_("Attach the invitation letter."))
    if not parts.budget or not mission.funding_source.strip():
        missing.append(_("Give the budget and the source of funds."))
    if mission.planned_mission_id is None and not mission.out_of_plan_reason.strip():
        missing.append(_("Choose the planned mission, or explain why it is outside the plan."))
    if mission.disclosure_start is None or not mission.disclosure_place.strip():
        missing.append(_("Record the pre-departure disclosure inside the agency."))
    return missing


def application_is_complete(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    return missing_parts(transition_mission(case))


def signatory_confirmed(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if transition_mission(case).confirmed_at is None:
        return [_("The agency signatory has not confirmed the application yet.")]
    return []


def no_blocks(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    """A block cannot be overridden: the application must be changed instead."""
    return [v.message for v in filing_check(case) if v.is_block]


def warnings_overridden(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    pending = open_warnings(latest_verdict(transition_mission(case)))
    return [
        _("Warning not yet accepted by an authorised officer: %(message)s") % {"message": v.message}
        for v in pending
    ]


def led_by_city_leader(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if not _led_by_city_leader(transition_mission(case)):
        return [
            _(
                "Only missions with a city leader (a member of 厅级 rank) are referred to the "
                "provincial office."
            )
        ]
    return []


def not_led_by_city_leader(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    if _led_by_city_leader(transition_mission(case)):
        return [
            _(
                "A mission with a city leader (a member of 厅级 rank) is decided by the "
                "provincial foreign-affairs office: refer it there and record its decision."
            )
        ]
    return []


def parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


def return_date_is_valid(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    day = parse_date(inputs.get("returned_on", ""))
    mission = transition_mission(case)
    if day is None:
        return [_("Give the return date as YYYY-MM-DD.")]
    if day > timezone.localdate():
        return [_("The return date cannot be in the future.")]
    if mission.departure_date and day < mission.departure_date:
        return [_("The return date is before the departure date.")]
    if (
        mission.return_date
        and day > mission.return_date
        and not inputs.get("late_reason", "").strip()
    ):
        return [
            _(
                "The return is later than the approved return date (%(approved)s): give the "
                "reason for the extended stay."
            )
            % {"approved": mission.return_date.isoformat()}
        ]
    return []


def report_is_written(case: Any, actor: Any, inputs: Inputs) -> list[str]:
    mission = transition_mission(case)
    if not mission.report.strip() or not mission.report_disclosure.strip():
        return [_("Write the trip report and record its disclosure inside the agency first.")]
    return []


def record_filing(case: Any, actor: Any, inputs: Inputs) -> None:
    """Date the filing and record the rule check the filing guard ran (the same violations)."""
    mission, found = filed_mission(case)
    today = timezone.localdate()
    mission.filed_on = today
    mission.save(update_fields=["filed_on"])
    record_verdict(mission=mission, actor=actor, stage=case.status, on_date=today, found=found)


def clear_confirmation(case: Any, actor: Any, inputs: Inputs) -> None:
    update_transition_mission(case, confirmed_by=None, confirmed_at=None)


def record_approval(case: Any, actor: Any, inputs: Inputs) -> None:
    update_transition_mission(case, approved_at=timezone.now())


def record_province_approval(case: Any, actor: Any, inputs: Inputs) -> None:
    update_transition_mission(
        case,
        province_decision=ProvinceDecision.APPROVED,
        province_document_number=inputs.get("document_number", "").strip(),
        approved_at=timezone.now(),
    )


def record_province_refusal(case: Any, actor: Any, inputs: Inputs) -> None:
    update_transition_mission(
        case,
        province_decision=ProvinceDecision.REFUSED,
        province_document_number=inputs.get("document_number", "").strip(),
    )


def record_return(case: Any, actor: Any, inputs: Inputs) -> None:
    """Record the return and start the trip report's clock, which the reminders follow."""
    returned_on = parse_date(inputs["returned_on"])
    assert returned_on is not None  # the guard has checked it
    clock = start_clock(case, REPORT_CLOCK, actor=actor, start_on=returned_on)
    update_transition_mission(case, returned_on=returned_on, report_due=clock.due_date)
    trip_changed(case)
    mission = transition_mission(case)
    if mission.return_date and returned_on > mission.return_date:
        flag_extended_stay(case, actor, mission.return_date, returned_on, inputs["late_reason"])


def flag_extended_stay(
    case: Any, actor: Any, approved: datetime.date, returned_on: datetime.date, reason: str
) -> None:
    """A return after the approved date: an internal entry, and the division and the
    discipline inspectors are told (in the same transaction)."""
    from django.contrib.auth import get_user_model

    from waishi.accounts.constants import Role
    from waishi.cases.constants import EntryKind
    from waishi.cases.models import TimelineEntry
    from waishi.cases.notify import CaseEvent, notify

    days = (returned_on - approved).days
    TimelineEntry.objects.create(
        case=case,
        kind=EntryKind.NOTE,
        actor=actor,
        is_public=False,
        text=reason.strip(),
        changes={"extended_stay": [approved.isoformat(), returned_on.isoformat()]},
    )
    people = get_user_model().objects.filter(is_active=True)
    recipients = set(
        people.filter(role_grants__role=Role.DISCIPLINE_INSPECTOR).values_list("pk", flat=True)
    )
    if case.division_id:
        recipients |= set(
            people.filter(
                division_id=case.division_id,
                role_grants__role__in=(Role.DIVISION_OFFICER, Role.DIVISION_HEAD),
            ).values_list("pk", flat=True)
        )
    text = f"{approved.isoformat()} → {returned_on.isoformat()} (+{days})\n{reason.strip()}"
    event = CaseEvent(
        kind="flag",
        case=case,
        actor=actor,
        text=text,
        recipients=tuple(sorted(recipients)),
        subject=EXTENDED_STAY,
    )
    notify(event)


EXTENDED_STAY = gettext_lazy("extended stay abroad")


def announce_trip(case: Any, actor: Any, inputs: Inputs) -> None:
    """An approval fixes the trip's dates: areas that follow the trip are told."""
    trip_changed(case)


def record_report(case: Any, actor: Any, inputs: Inputs) -> None:
    update_transition_mission(case, report_submitted_at=timezone.now())
    stop_clock(case, REPORT_CLOCK, actor=actor)
