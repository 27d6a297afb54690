"""The rule check of a mission application: every violation with its rule version and source.

``check_mission`` works on plain dataclasses, so it runs the same for a draft being typed, a
submission being recorded, an API call or a test. Every number comes from the kernel's ``RuleBook``.
"""

import dataclasses
import datetime
from collections import defaultdict
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from waishi.cases.rule_engine import RuleBook, RuleSpec, load_rulebook
from waishi.registers.countries import country_name, is_in

from .constants import (
    CAPPED_CATEGORIES,
    PRINCIPAL_LEADER,
    RANK_ORDER,
    RULE_AREA,
    ActivityKind,
    BudgetCategory,
    InviterKind,
    Rank,
    Region,
    RuleCode,
    Severity,
)

# Ranks from the most to the least senior (``RANK_ORDER``); the most senior member decides
# which version of a delegation-wide rule applies when no leader is marked.
# Regions whose poor flight connections earn a delegation extra days (see the days rule);
# the codes are groups of the country register.
EXTRA_DAY_REGIONS = frozenset({Region.AFRICA, Region.LATIN_AMERICA})

# The form section each rule concerns, so a screen can show the violation where it belongs.
FIELDS = {
    RuleCode.DELEGATION_SIZE: "members",
    RuleCode.COUNTRY_COUNT: "destinations",
    RuleCode.DAYS_ABROAD: "dates",
    RuleCode.OFFICIAL_ACTIVITY: "itinerary",
    RuleCode.TOURIST_SITES: "itinerary",
    RuleCode.INVITATION: "inviter",
    RuleCode.AGENCY_LEADERS: "members",
    RuleCode.TRIP_FREQUENCY: "members",
    RuleCode.DISCLOSURE: "disclosure",
    RuleCode.LEAD_TIME: "dates",
    RuleCode.BUDGET_CAPS: "budget",
}

MESSAGES: dict[str, Any] = {
    "delegation_size": _(
        "The delegation has %(count)d members; at most %(limit)d are allowed, interpreter included."
    ),
    "country_count": _(
        "The trip covers %(count)d countries or regions; at most %(limit)d are allowed "
        "(transit stops count unless the travellers stay airside)."
    ),
    "days_abroad": _(
        "The trip lasts %(days)d days abroad; at most %(limit)d are allowed for %(countries)d "
        "countries or regions, departure and return days included."
    ),
    "official_activity": _(
        "Official activity fills %(official)d of %(total)d half-days abroad; at least "
        "%(numerator)d/%(denominator)d of the time abroad must be substantive official work."
    ),
    "tourist_sites": _("The itinerary includes visits to tourist sites (%(dates)s)."),
    "invitation": _(
        "The invitation comes from: %(kind)s. Invitations must come from a foreign "
        "counterpart body."
    ),
    "agency_leaders": _(
        "%(count)d members of the leadership of %(agency)s travel together; in principle at "
        "most %(limit)d may be in the same delegation."
    ),
    "trip_frequency": ngettext_lazy(
        "%(name)s already has %(trips)d official trip(s) abroad in the last year; the limit "
        "for this rank is %(limit)d per year.",
        "%(name)s already has %(trips)d official trip(s) abroad in the last %(years)d years; "
        "the limit for this rank is %(limit)d per %(years)d years.",
        "years",
    ),
    "disclosure_missing": _(
        "No pre-departure disclosure inside the agency is recorded; it must run at least "
        "%(limit)d working days before the application is filed."
    ),
    "disclosure": ngettext_lazy(
        "The pre-departure disclosure ran %(days)d working day before filing; at least "
        "%(limit)d are required.",
        "The pre-departure disclosure ran %(days)d working days before filing; at least "
        "%(limit)d are required.",
        "days",
    ),
    "lead_time": ngettext_lazy(
        "The application is filed %(days)d day before departure; at least %(limit)d days are "
        "expected.",
        "The application is filed %(days)d days before departure; at least %(limit)d days are "
        "expected.",
        "days",
    ),
    "budget_caps": _(
        "%(category)s in %(place)s comes to %(amount)s %(currency)s per person per day, above "
        "the cap of %(cap)s %(currency)s."
    ),
}


@dataclass(frozen=True)
class MemberInput:
    """A member of the delegation, with the departure dates of their earlier missions."""

    name: str
    rank: str = Rank.OTHER
    agency: str = ""
    is_leader: bool = False
    # Head of the city Party committee or government (主要负责人): the rules' rank
    # ``principal_leader`` (e.g. one trip a year) applies before the member's level.
    is_principal_leader: bool = False
    is_agency_leader: bool = False
    is_academic: bool = False
    previous_departures: tuple[datetime.date, ...] = ()


@dataclass(frozen=True)
class DestinationInput:
    """A stop of the trip in visiting order; a transit stop may be airside only."""

    country: str
    city: str = ""
    is_transit: bool = False
    airside_only: bool = False


@dataclass(frozen=True)
class HalfDayInput:
    date: datetime.date
    half: str
    kind: str = ActivityKind.OFFICIAL


@dataclass(frozen=True)
class BudgetLineInput:
    """A budget line in a country's currency, for ``persons`` people over ``days`` days."""

    category: str
    amount: Decimal
    currency: str
    country: str = ""
    city: str = ""
    persons: int = 1
    days: int = 1


@dataclass(frozen=True)
class MissionInput:
    """Everything the rules look at, independent of how the application is stored."""

    departure: datetime.date
    return_date: datetime.date
    members: tuple[MemberInput, ...] = ()
    destinations: tuple[DestinationInput, ...] = ()
    itinerary: tuple[HalfDayInput, ...] = ()
    inviter_kind: str = ""
    academic_exchange: bool = False
    disclosure_start: datetime.date | None = None
    disclosure_end: datetime.date | None = None
    filing_date: datetime.date | None = None
    budget: tuple[BudgetLineInput, ...] = ()

    @property
    def days_abroad(self) -> int:
        """Days abroad, the day of departure and the day of return both counted."""
        return (self.return_date - self.departure).days + 1

    @property
    def counted_countries(self) -> list[str]:
        """The distinct countries and regions that count, in order; airside transits do not."""
        seen: list[str] = []
        for stop in self.destinations:
            if stop.is_transit and stop.airside_only:
                continue
            if stop.country not in seen:
                seen.append(stop.country)
        return seen

    def exempt(self, member: MemberInput) -> bool:
        """Teaching and research staff on academic exchange are outside the limits."""
        return self.academic_exchange and member.is_academic


@dataclass(frozen=True)
class Violation:
    """A rule the application breaks, with the rule version and the legal source."""

    rule_code: str
    field: str
    severity: str
    citation: str
    rule_version_id: int | None
    message_key: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        """The message in the active language, with the numbers filled in."""
        params = dict(self.params)
        if "kind" in params:
            params["kind"] = InviterKind(params["kind"]).label
        if "category" in params:
            params["category"] = BudgetCategory(params["category"]).label
        if "place" in params:
            params["place"] = country_name(params["place"])
        return str(MESSAGES[self.message_key] % params)

    @property
    def is_block(self) -> bool:
        return self.severity == Severity.BLOCK

    def as_dict(self) -> dict[str, Any]:
        """The JSON form stored in a recorded verdict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Violation":
        return cls(**data)


def _violation(rule: RuleSpec, key: str, **params: Any) -> Violation:
    return Violation(
        rule_code=rule.code,
        field=FIELDS[RuleCode(rule.code)],
        severity=rule.severity,
        citation=rule.citation,
        rule_version_id=rule.id,
        message_key=key,
        params=params,
    )


def delegation_rank(mission: MissionInput) -> str:
    """The rank that selects delegation-wide rules: the leader's, else the most senior."""
    for member in mission.members:
        if member.is_leader:
            return member.rank
    ranks = [m.rank for m in mission.members]
    return next((r for r in RANK_ORDER if r in ranks), Rank.OTHER)


def check_mission(
    application: MissionInput, on_date: datetime.date, *, rulebook: RuleBook | None = None
) -> list[Violation]:
    """Every violation of the rules in force on ``on_date``, blocks first.

    Without ``rulebook`` the rules are read from the database for the bureau's city.
    """
    book = rulebook if rulebook is not None else load_rulebook(RULE_AREA, on_date)
    rank = delegation_rank(application)
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(application, book, rank, on_date))
    return sorted(found, key=lambda v: (v.severity != Severity.BLOCK, v.rule_code))


def _size(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.DELEGATION_SIZE, rank)
    counted = [member for member in m.members if not m.exempt(member)]
    if rule is None or len(counted) <= rule.value:
        return []
    return [_violation(rule, "delegation_size", count=len(counted), limit=rule.value)]


def _countries(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.COUNTRY_COUNT, rank)
    count = len(m.counted_countries)
    if rule is None or count <= rule.value:
        return []
    return [_violation(rule, "country_count", count=count, limit=rule.value)]


def days_limit(m: MissionInput, value: dict[str, int]) -> int | None:
    """The days allowed for this trip by a days-abroad table, the extra day included."""
    count = max(len(m.counted_countries), 1)
    limit = table_lookup(value, count)
    if limit is None:
        return None
    # Flights to Latin America and Africa connect poorly, so such trips get extra days.
    if any(is_in(c, *EXTRA_DAY_REGIONS) for c in m.counted_countries):
        limit += int(value.get("extra_latin_america_africa", 0))
    return limit


def _days(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.DAYS_ABROAD, rank)
    if rule is None or (m.members and all(m.exempt(member) for member in m.members)):
        return []
    limit = days_limit(m, rule.value)
    if limit is None or m.days_abroad <= limit:
        return []
    countries = max(len(m.counted_countries), 1)
    return [_violation(rule, "days_abroad", days=m.days_abroad, limit=limit, countries=countries)]


def _activity(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.OFFICIAL_ACTIVITY, rank)
    if rule is None or not m.itinerary:
        return []
    total = m.days_abroad * 2
    official = sum(1 for h in m.itinerary if h.kind == ActivityKind.OFFICIAL)
    numerator, denominator = rule.value["numerator"], rule.value["denominator"]
    if official * denominator >= numerator * total:
        return []
    return [
        _violation(
            rule,
            "official_activity",
            official=official,
            total=total,
            numerator=numerator,
            denominator=denominator,
        )
    ]


def _tourism(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.TOURIST_SITES, rank)
    visits = sorted({h.date for h in m.itinerary if h.kind == ActivityKind.TOURIST_SITE})
    tourist_halves = sum(1 for h in m.itinerary if h.kind == ActivityKind.TOURIST_SITE)
    if rule is None or tourist_halves <= rule.value:
        return []
    dates = ", ".join(d.isoformat() for d in visits)
    return [_violation(rule, "tourist_sites", dates=dates, count=tourist_halves)]


def _invitation(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.INVITATION, rank)
    if rule is None or not m.inviter_kind or m.inviter_kind not in rule.value["refused"]:
        return []
    return [_violation(rule, "invitation", kind=m.inviter_kind)]


def _leaders(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.AGENCY_LEADERS, rank)
    if rule is None:
        return []
    by_agency: dict[str, int] = defaultdict(int)
    for member in m.members:
        if member.is_agency_leader:
            by_agency[member.agency] += 1
    return [
        _violation(rule, "agency_leaders", count=count, agency=agency, limit=rule.value)
        for agency, count in sorted(by_agency.items())
        if count > rule.value
    ]


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _frequency(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    found: list[Violation] = []
    for member in m.members:
        rule = None
        if member.is_principal_leader:
            rule = book.get(RuleCode.TRIP_FREQUENCY, PRINCIPAL_LEADER)
            rule = rule if rule is not None and rule.rank == PRINCIPAL_LEADER else None
        rule = rule or book.get(RuleCode.TRIP_FREQUENCY, member.rank)
        if rule is None or m.exempt(member):
            continue
        trips, years = rule.value["trips"], rule.value["years"]
        start = years_before(m.departure, years)
        earlier = [d for d in member.previous_departures if start < d < m.departure]
        if len(earlier) + 1 > trips:
            found.append(
                _violation(
                    rule,
                    "trip_frequency",
                    name=member.name,
                    trips=len(earlier),
                    years=years,
                    limit=trips,
                )
            )
    return found


def disclosure_working_days(m: MissionInput, filed: datetime.date) -> int:
    """Working days the disclosure ran, from its first day up to the day before filing."""
    from waishi.core.workdays import workdays_between

    if m.disclosure_start is None:
        return 0
    last = filed - datetime.timedelta(days=1)
    if m.disclosure_end is not None:
        last = min(last, m.disclosure_end)
    if last < m.disclosure_start:
        return 0
    # workdays_between counts the days after its start, so start one day earlier.
    return workdays_between(m.disclosure_start - datetime.timedelta(days=1), last)


def _disclosure(m: MissionInput, book: RuleBook, rank: str, on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.DISCLOSURE, rank)
    if rule is None:
        return []
    if m.disclosure_start is None:
        return [_violation(rule, "disclosure_missing", limit=rule.value)]
    days = disclosure_working_days(m, m.filing_date or on)
    if days >= rule.value:
        return []
    return [_violation(rule, "disclosure", days=days, limit=rule.value)]


def _lead(m: MissionInput, book: RuleBook, rank: str, on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.LEAD_TIME, rank)
    if rule is None:
        return []
    limit = table_lookup(rule.value, max(len(m.counted_countries), 1))
    days = (m.departure - (m.filing_date or on)).days
    if limit is None or days >= limit:
        return []
    return [_violation(rule, "lead_time", days=days, limit=limit)]


def table_lookup(table: dict[str, int], count: int) -> int | None:
    """The table's entry for ``count``, or the entry of the largest count below it."""
    keys = sorted(int(k) for k in table if k.isdigit())
    fitting = [k for k in keys if k <= count]
    if not fitting:
        return table.get(str(keys[0])) if keys else None
    return table[str(fitting[-1])]


def budget_cap(value: dict[str, Any], line: BudgetLineInput) -> tuple[Decimal, str] | None:
    """The cap and its currency for a budget line, the city's entry before the country's."""
    entry = value.get(line.country.upper())
    if not entry:
        return None
    city = (entry.get("cities") or {}).get(line.city) or {}
    cap = city.get(line.category, entry.get(line.category))
    if cap is None:
        return None
    return Decimal(str(cap)), city.get("currency", entry.get("currency", ""))


def _budget(m: MissionInput, book: RuleBook, rank: str, _on: datetime.date) -> list[Violation]:
    rule = book.get(RuleCode.BUDGET_CAPS, rank)
    if rule is None:
        return []
    found: list[Violation] = []
    for line in m.budget:
        if line.category not in CAPPED_CATEGORIES or line.persons < 1 or line.days < 1:
            continue
        cap = budget_cap(rule.value, line)
        if cap is None or cap[1] != line.currency:
            continue
        per_day = (line.amount / (line.persons * line.days)).quantize(Decimal("0.01"))
        if per_day > cap[0]:
            found.append(
                _violation(
                    rule,
                    "budget_caps",
                    category=line.category,
                    place=line.country,
                    amount=str(per_day),
                    currency=line.currency,
                    cap=str(cap[0]),
                )
            )
    return found


CHECKS = (
    _size,
    _countries,
    _days,
    _activity,
    _tourism,
    _invitation,
    _leaders,
    _frequency,
    _disclosure,
    _lead,
    _budget,
)
