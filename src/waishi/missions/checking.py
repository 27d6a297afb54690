"""Running the rule check on a stored mission, and recording its verdict."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from waishi.cases.contrib import Stop, Trip
from waishi.cases.rule_engine import RuleBook, load_rulebook

from .constants import RULE_AREA, TING_RANKS, Rank
from .models import Mission, Override, Verdict
from .rules import (
    BudgetLineInput,
    DestinationInput,
    HalfDayInput,
    MemberInput,
    MissionInput,
    Violation,
    check_mission,
)


def trips_of(traveller_ids: list[int], *, exclude_mission: int | None = None) -> QuerySet[Any]:
    """(traveller id, departure date) of every approved or completed mission of these people."""
    from .models import MissionMember
    from .workflow import TRIP_STATES

    rows = MissionMember.objects.filter(
        traveller_id__in=traveller_ids,
        mission__case__status__in=TRIP_STATES,
        mission__departure_date__isnull=False,
    )
    if exclude_mission is not None:
        rows = rows.exclude(mission_id=exclude_mission)
    # In no particular order: the callers count or group them.
    return rows.order_by().values_list("traveller_id", "mission__departure_date")


def members_with_recent_trips(mission: Mission, *, years: int = 2) -> list[Any]:
    """The members, each with ``recent_trips``: their trips in the ``years`` before departure."""
    from .rules import years_before

    members = mission.delegation
    start = years_before(mission.departure_date or timezone.localdate(), years)
    counts: dict[int, int] = defaultdict(int)
    for traveller_id, departure in trips_of(
        [m.traveller_id for m in members], exclude_mission=mission.pk
    ):
        if departure > start:
            counts[traveller_id] += 1
    for member in members:
        member.recent_trips = counts[member.traveller_id]  # type: ignore[attr-defined]
    return members


@dataclass(frozen=True)
class Parts:
    """An application's rows already in hand (members with their travellers), so the check
    need not read them again."""

    members: list[Any]
    destinations: list[Any]
    itinerary: list[Any]
    budget: list[Any]


def mission_parts(mission: Mission) -> Parts:
    """The application's members (with travellers), stops, itinerary and budget lines.

    Read once per mission object (four queries, none when already prefetched): the filing
    guard, the rule check and the approval document all look at the same rows.
    """
    from .models import PARTS_PREFETCH

    models.prefetch_related_objects([mission], *PARTS_PREFETCH)
    return Parts(
        members=mission.delegation,
        destinations=list(mission.destinations.all()),
        itinerary=list(mission.itinerary.all()),
        budget=list(mission.budget.all()),
    )


# Where a transition keeps the case's mission: on the locked case the engine hands to every
# guard and effect of that transition, so they read (and lock) it once between them.
TRANSITION_MISSION = "_missions_transition_mission"


def transition_mission(case: Any) -> Mission:
    """The case's mission for the running transition, read once and locked inside it.

    The mission is given the transition's own case row. An effect that changes the mission
    writes through ``update_transition_mission`` so later guards and effects see the change.
    """
    mission = case.__dict__.get(TRANSITION_MISSION)
    if mission is None:
        missions = Mission.objects.all()
        if transaction.get_connection().in_atomic_block:
            missions = missions.select_for_update()
        mission = missions.get(case_id=case.pk)
        mission.case = case
        case.__dict__[TRANSITION_MISSION] = mission
    return mission


def update_transition_mission(case: Any, **fields: Any) -> None:
    """Write ``fields`` of the case's mission, and keep the transition's copy in step."""
    Mission.objects.filter(case_id=case.pk).update(**fields)
    mission = case.__dict__.get(TRANSITION_MISSION)
    if mission is not None:
        for name, value in fields.items():
            setattr(mission, name, value)


def mission_input(
    mission: Mission, *, filing_date: datetime.date | None = None, parts: Parts | None = None
) -> MissionInput:
    """The application as the rule checker sees it (five queries whatever its size, or one
    with its ``parts`` in hand)."""
    if parts is None:
        parts = mission_parts(mission)
    members = parts.members
    earlier: dict[int, list[datetime.date]] = defaultdict(list)
    for traveller_id, departure in trips_of(
        [m.traveller_id for m in members], exclude_mission=mission.pk
    ):
        earlier[traveller_id].append(departure)
    departure = mission.departure_date or timezone.localdate()
    return MissionInput(
        departure=departure,
        return_date=mission.return_date or departure,
        members=tuple(
            MemberInput(
                name=m.traveller.name,
                rank=m.traveller.rank or Rank.OTHER,
                agency=str(m.traveller.agency_id),
                is_leader=m.is_leader,
                is_principal_leader=m.traveller.is_principal_leader,
                is_agency_leader=m.traveller.is_agency_leader,
                is_academic=m.traveller.is_academic,
                previous_departures=tuple(sorted(earlier[m.traveller_id])),
            )
            for m in members
        ),
        destinations=tuple(
            DestinationInput(d.country, d.city, d.is_transit, d.airside_only)
            for d in parts.destinations
        ),
        itinerary=tuple(HalfDayInput(i.date, i.half, i.kind) for i in parts.itinerary),
        inviter_kind=mission.inviter_kind,
        academic_exchange=mission.academic_exchange,
        disclosure_start=mission.disclosure_start,
        disclosure_end=mission.disclosure_end,
        filing_date=filing_date or mission.filed_on,
        budget=tuple(
            BudgetLineInput(
                category=b.category,
                amount=b.amount,
                currency=b.currency,
                country=b.country,
                city=b.city,
                persons=b.persons,
                days=b.days,
            )
            for b in parts.budget
        ),
    )


def check_stored_mission(
    mission: Mission,
    *,
    on_date: datetime.date | None = None,
    rulebook: RuleBook | None = None,
    parts: Parts | None = None,
) -> list[Violation]:
    """Check a stored application as if it were filed on ``on_date`` (today by default)."""
    day = on_date or timezone.localdate()
    application = mission_input(mission, filing_date=mission.filed_on or day, parts=parts)
    return check_mission(application, day, rulebook=rulebook or load_rulebook(RULE_AREA, day))


# Where a transition keeps its filing check: on the locked case the engine hands to every guard
# and effect of that transition, so the guard and the recording share one run of the rules.
FILING_CHECK = "_missions_filing_check"


def filing_check(case: Any) -> list[Violation]:
    """The rule check of the application being filed today, run once per transition.

    The filing guard (no blocks) and the filing effect (record the verdict) both ask; the
    first call checks the application, locked so that no edit slips in before the verdict
    is recorded, and the second gets the same violations. Inside the transition's transaction.
    """
    return _filing_check(case)[1]


def filed_mission(case: Any) -> tuple[Mission, list[Violation]]:
    """The locked application of the transition's filing check, and that check's violations."""
    return _filing_check(case)


def _filing_check(case: Any) -> tuple[Mission, list[Violation]]:
    today = timezone.localdate()
    cached = getattr(case, FILING_CHECK, None)
    if cached is not None and cached[0] == today:
        return cached[1], list(cached[2])
    mission = transition_mission(case)
    found = check_filing_today(mission)
    setattr(case, FILING_CHECK, (today, mission, tuple(found)))
    return mission, found


def check_filing_today(mission: Mission) -> list[Violation]:
    """What the rules find if the application is filed today (a refiling counts from today)."""
    today = timezone.localdate()
    return check_mission(
        mission_input(mission, filing_date=today), today, rulebook=load_rulebook(RULE_AREA, today)
    )


def record_verdict(
    *,
    mission: Mission,
    actor: Any,
    stage: str,
    on_date: datetime.date,
    found: list[Violation] | None = None,
) -> Verdict:
    """Store the check as of ``on_date``; later rule edits never change it. Inside a transaction.

    ``found`` is a check already run on this application as of ``on_date`` (the filing's).
    """
    if found is None:
        found = check_stored_mission(mission, on_date=on_date)
    return Verdict.objects.create(
        mission=mission,
        checked_on=on_date,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        stage=stage,
        violations=[v.as_dict() for v in found],
    )


def latest_verdict(mission: Mission) -> Verdict | None:
    return mission.verdicts.order_by("-recorded_at", "-id").first()


def verdict_violations(verdict: Verdict) -> list[Violation]:
    return [Violation.from_dict(v) for v in verdict.violations]


def open_warnings(verdict: Verdict | None) -> list[Violation]:
    """Warnings of the verdict that no authorised officer has overridden yet."""
    if verdict is None:
        return []
    done = set(Override.objects.filter(verdict=verdict).values_list("rule_code", "message_key"))
    return [
        v
        for v in verdict_violations(verdict)
        if not v.is_block and (v.rule_code, v.message_key) not in done
    ]


def led_by_city_leader(mission: Mission) -> bool:
    """Whether a city leader travels: a member of 厅级 rank (正厅级 or 副厅级).

    In a prefecture-level city the city leaders are 厅级, and their missions are decided by
    the provincial foreign-affairs office, whoever leads the delegation.
    """
    return any(m.traveller.rank in TING_RANKS for m in mission.delegation)


def verdict_rows(mission: Mission, *, verdict: Verdict | None = None) -> list[dict[str, Any]]:
    """The latest recorded verdict's violations, each with its override if there is one."""
    verdict = verdict or latest_verdict(mission)
    if verdict is None:
        return []
    overrides = {
        (o.rule_code, o.message_key): o for o in verdict.overrides.select_related("officer")
    }
    return [
        {"violation": v, "override": overrides.get((v.rule_code, v.message_key))}
        for v in verdict_violations(verdict)
    ]


def mission_trip(case: Any) -> Trip:
    """The mission as a trip for other areas (the kernel's ``cases.contrib.trip_of``)."""
    mission = transition_mission(case)
    return Trip(
        case_id=case.pk,
        start=mission.departure_date,
        end=mission.return_date,
        destinations=[
            Stop(
                country=stop.country.upper(),
                arrive_on=stop.arrive_on,
                leave_on=stop.leave_on,
                is_transit=stop.is_transit,
                airside_only=stop.airside_only,
            )
            for stop in mission.destinations.all()
        ],
        member_ids=[member.traveller_id for member in mission.delegation],
        returned_on=mission.returned_on,
        detail=mission,
    )
