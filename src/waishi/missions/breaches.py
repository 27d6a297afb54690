"""The missions' breaches for the discipline inspector (the kernel's ``cases.breaches``).

Each reader is one query, computed from the missions' own rows: a trip report past its due
day (cleared when filed), a delegation back later than approved (gone once a change of dates
covers the stay), warnings accepted with their reasons and trip frequency limits exceeded
(cleared when the mission did not go ahead).
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.breaches import (
    Breach,
    BreachQuery,
    BreachSource,
    local_day,
    register_breach_source,
)
from waishi.cases.models import Clock

from .constants import REPORT_CLOCK, RuleCode
from .models import Mission, MissionMember, Override
from .rules import Violation

AREA = "missions"
REPORT_OVERDUE = "missions.trip_report_overdue"
EXTENDED_STAY = "missions.extended_stay"
ACCEPTED_WARNING = "missions.accepted_warning"
FREQUENCY = "missions.frequency_exceeded"
# The mission did not take place: a warning accepted for it no longer matters.
NOT_GONE = ("rejected", "withdrawn")


def _leader(field: str) -> Subquery:
    return Subquery(
        MissionMember.objects.filter(mission_id=OuterRef("pk"), is_leader=True).values(field)[:1]
    )


def _missions() -> Any:
    return Mission.objects.annotate(
        leader_id=_leader("traveller_id"), leader_name=_leader("traveller__name")
    )


def trip_reports_overdue(query: BreachQuery) -> Iterator[Breach]:
    """Reports not filed by their due day; a report filed late is the cleared breach."""
    citation = Subquery(
        Clock.objects.filter(case_id=OuterRef("case_id"), code=REPORT_CLOCK).values(
            "rule__citation"
        )[:1]
    )
    rows = query.narrow(
        _missions()
        .filter(report_due__lt=query.today)
        .filter(
            Q(report_submitted_at__isnull=True) | Q(report_submitted_at__date__gt=F("report_due"))
        )
        .annotate(citation=citation),
        when="report_due",
        agency="case__agency_id",
        person="members__traveller_id",
        cleared=Q(report_submitted_at__isnull=False),
    ).values(
        "pk",
        "report_due",
        "report_submitted_at",
        "returned_on",
        "case_id",
        "case__reference",
        "case__agency_id",
        "leader_id",
        "leader_name",
        "citation",
    )[: query.limit]
    for r in rows:
        submitted = r["report_submitted_at"]
        yield Breach(
            source=REPORT_OVERDUE,
            key=f"mission:{r['pk']}",
            when=r["report_due"],
            what=_("Trip report due on %(due)s not filed (back on %(back)s).")
            % {"due": r["report_due"], "back": r["returned_on"] or "—"},
            agency_id=r["case__agency_id"],
            person_id=r["leader_id"],
            person_name=r["leader_name"] or "",
            case_id=r["case_id"],
            case_reference=r["case__reference"],
            rule_code=str(RuleCode.TRIP_REPORT),
            citation=r["citation"] or "",
            cleared_on=local_day(submitted),
        )


def extended_stays(query: BreachQuery) -> Iterator[Breach]:
    """Delegations back later than the approved return day (gone once new dates cover it)."""
    rows = query.narrow(
        _missions().filter(returned_on__gt=F("return_date")),
        when="returned_on",
        agency="case__agency_id",
        person="members__traveller_id",
    ).values(
        "pk",
        "return_date",
        "returned_on",
        "case_id",
        "case__reference",
        "case__agency_id",
        "leader_id",
        "leader_name",
    )[: query.limit]
    for r in rows:
        extra = (r["returned_on"] - r["return_date"]).days
        yield Breach(
            source=EXTENDED_STAY,
            key=f"mission:{r['pk']}",
            when=r["returned_on"],
            what=_("Back on %(back)s, %(days)d day(s) after the approved return on %(due)s.")
            % {"back": r["returned_on"], "days": extra, "due": r["return_date"]},
            agency_id=r["case__agency_id"],
            person_id=r["leader_id"],
            person_name=r["leader_name"] or "",
            case_id=r["case_id"],
            case_reference=r["case__reference"],
            rule_code=str(RuleCode.DAYS_ABROAD),
        )


def _overrides(query: BreachQuery, *, frequency: bool, source: str) -> Iterator[Breach]:
    overrides = Override.objects.annotate(
        day=F("created_at__date"),
        leader_id=Subquery(
            MissionMember.objects.filter(
                mission_id=OuterRef("verdict__mission_id"), is_leader=True
            ).values("traveller_id")[:1]
        ),
        leader_name=Subquery(
            MissionMember.objects.filter(
                mission_id=OuterRef("verdict__mission_id"), is_leader=True
            ).values("traveller__name")[:1]
        ),
    )
    overrides = (
        overrides.filter(rule_code=RuleCode.TRIP_FREQUENCY)
        if frequency
        else overrides.exclude(rule_code=RuleCode.TRIP_FREQUENCY)
    )
    rows = query.narrow(
        overrides,
        when="day",
        agency="verdict__mission__case__agency_id",
        person="verdict__mission__members__traveller_id",
        cleared=Q(verdict__mission__case__status__in=NOT_GONE),
    ).values(
        "pk",
        "day",
        "rule_code",
        "message_key",
        "reason",
        "officer__full_name",
        "officer__username",
        "verdict__violations",
        "verdict__mission__case_id",
        "verdict__mission__case__reference",
        "verdict__mission__case__agency_id",
        "verdict__mission__case__status",
        "verdict__mission__case__updated_at",
        "leader_id",
        "leader_name",
    )[: query.limit]
    for r in rows:
        violation = _violation(r["verdict__violations"], r["rule_code"], r["message_key"])
        gone = r["verdict__mission__case__status"] in NOT_GONE
        yield Breach(
            source=source,
            key=f"override:{r['pk']}",
            when=r["day"],
            what=_("%(message)s Accepted by %(officer)s: %(reason)s")
            % {
                "message": _message(violation, r["rule_code"]),
                "officer": r["officer__full_name"] or r["officer__username"],
                "reason": r["reason"],
            },
            agency_id=r["verdict__mission__case__agency_id"],
            person_id=r["leader_id"],
            person_name=r["leader_name"] or "",
            case_id=r["verdict__mission__case_id"],
            case_reference=r["verdict__mission__case__reference"],
            rule_code=r["rule_code"],
            citation=violation.citation if violation else "",
            cleared_on=local_day(r["verdict__mission__case__updated_at"]) if gone else None,
        )


def accepted_warnings(query: BreachQuery) -> Iterator[Breach]:
    """Warnings an officer accepted, with the reason (cleared when the trip did not go ahead)."""
    return _overrides(query, frequency=False, source=ACCEPTED_WARNING)


def frequency_exceeded(query: BreachQuery) -> Iterator[Breach]:
    """Trip frequency warnings accepted: a traveller over the limit for their rank."""
    return _overrides(query, frequency=True, source=FREQUENCY)


def _violation(stored: Any, rule_code: str, message_key: str) -> Violation | None:
    for v in stored or ():
        if v.get("rule_code") == rule_code and v.get("message_key") == message_key:
            try:
                return Violation.from_dict(v)
            except TypeError:
                return None
    return None


def _message(violation: Violation | None, rule_code: str) -> str:
    """The warning as the officer saw it; the rule's name if it can no longer be worded."""
    try:
        return violation.message if violation else str(RuleCode(rule_code).label)
    except (KeyError, TypeError, ValueError):
        return rule_code


def register() -> None:
    for code, label, reader, order in (
        (REPORT_OVERDUE, gettext_lazy("Trip report overdue"), trip_reports_overdue, 10),
        (EXTENDED_STAY, gettext_lazy("Stay abroad extended"), extended_stays, 11),
        (ACCEPTED_WARNING, gettext_lazy("Warning accepted"), accepted_warnings, 12),
        (FREQUENCY, gettext_lazy("Trip frequency limit exceeded"), frequency_exceeded, 13),
    ):
        register_breach_source(
            BreachSource(code=code, label=label, area=AREA, rows=reader, order=order)
        )
