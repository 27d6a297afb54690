"""The rule check of mission applications, boundary by boundary, against the seeded defaults."""

import dataclasses
import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from waishi.cases.rule_engine import RuleBook, RuleSpec
from waishi.missions.constants import ActivityKind, HalfDay, Rank, RuleCode, Severity
from waishi.missions.rules import (
    BudgetLineInput,
    DestinationInput,
    HalfDayInput,
    MemberInput,
    MissionInput,
    Violation,
    check_mission,
)

from .factories import national_book, national_specs

# The rules read the holiday calendar and the country register from the database.
pytestmark = pytest.mark.django_db

DEPARTURE = datetime.date(2026, 6, 1)
FILED = datetime.date(2026, 4, 1)


def members(count: int, **fields: Any) -> tuple[MemberInput, ...]:
    return tuple(MemberInput(name=f"成员{i}", agency="a", **fields) for i in range(count))


def mission(days: int = 5, countries: tuple[str, ...] = ("DE",), **fields: Any) -> MissionInput:
    """A clean application: six members, one country, five days, disclosed, filed early."""
    base = MissionInput(
        departure=DEPARTURE,
        return_date=DEPARTURE + datetime.timedelta(days=days - 1),
        members=members(6),
        destinations=tuple(DestinationInput(country=c) for c in countries),
        inviter_kind="counterpart",
        disclosure_start=datetime.date(2026, 3, 16),
        disclosure_end=datetime.date(2026, 3, 27),
        filing_date=FILED,
    )
    return dataclasses.replace(base, **fields)


def codes(application: MissionInput, book: RuleBook | None = None) -> set[str]:
    found = check_mission(application, FILED, rulebook=book or national_book())
    return {v.rule_code for v in found}


def only(application: MissionInput, code: str) -> Violation:
    found = [
        v
        for v in check_mission(application, FILED, rulebook=national_book())
        if v.rule_code == code
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_clean_application_has_no_violations() -> None:
    assert check_mission(mission(), FILED, rulebook=national_book()) == []


def test_six_members_pass_and_a_seventh_is_refused() -> None:
    assert codes(mission(members=members(6))) == set()
    violation = only(mission(members=members(7)), RuleCode.DELEGATION_SIZE)
    assert violation.severity == Severity.BLOCK
    assert violation.field == "members"
    assert "6人" in violation.citation
    assert violation.rule_version_id is not None
    with translation.override("en"):
        assert "7 members" in violation.message and "at most 6" in violation.message


@pytest.mark.parametrize(
    ("countries", "allowed"),
    [
        (("DE",), 5),
        (("DE", "FR"), 8),
        (("DE", "FR", "IT"), 10),
        (("BR",), 6),
        (("DE", "FR", "KE"), 11),
        (("US", "MX", "CU"), 11),
    ],
)
def test_days_abroad_limit_is_exact(countries: tuple[str, ...], allowed: int) -> None:
    assert RuleCode.DAYS_ABROAD not in codes(mission(days=allowed, countries=countries))
    violation = only(mission(days=allowed + 1, countries=countries), RuleCode.DAYS_ABROAD)
    assert violation.severity == Severity.BLOCK
    assert violation.params["limit"] == allowed
    assert violation.params["days"] == allowed + 1


def test_three_countries_pass_and_a_fourth_is_refused() -> None:
    assert RuleCode.COUNTRY_COUNT not in codes(mission(days=10, countries=("DE", "FR", "IT")))
    violation = only(mission(days=10, countries=("DE", "FR", "IT", "ES")), "country_count")
    assert violation.params == {"count": 4, "limit": 3}


def test_an_airside_transit_does_not_count_but_leaving_the_airport_does() -> None:
    stops = (
        DestinationInput("DE"),
        DestinationInput("AE", is_transit=True, airside_only=True),
        DestinationInput("FR"),
        DestinationInput("IT"),
    )
    assert codes(mission(days=10, destinations=stops)) == set()
    landside = dataclasses.replace(stops[1], airside_only=False)
    assert RuleCode.COUNTRY_COUNT in codes(
        mission(days=10, destinations=(stops[0], landside, *stops[2:]))
    )


def test_visiting_the_same_country_twice_counts_once() -> None:
    stops = tuple(DestinationInput(c) for c in ("DE", "FR", "DE"))
    assert RuleCode.COUNTRY_COUNT not in codes(mission(days=8, destinations=stops))


def test_teaching_staff_on_academic_exchange_are_exempt_from_size_days_and_frequency() -> None:
    scholars = tuple(
        MemberInput(
            name=f"教授{i}",
            rank=Rank.ZHENG_TING,
            is_academic=True,
            previous_departures=(DEPARTURE - datetime.timedelta(days=100),),
        )
        for i in range(9)
    )
    assert codes(mission(days=9, members=scholars, academic_exchange=True)) == set()
    # The same people on a mission that is not an academic exchange meet every limit.
    assert {"delegation_size", "days_abroad", "trip_frequency"} <= codes(
        mission(days=9, members=scholars)
    )


def test_exempt_scholars_do_not_count_towards_the_size_of_a_mixed_delegation() -> None:
    mixed = members(6) + members(2, is_academic=True)
    assert codes(mission(members=mixed, academic_exchange=True)) == set()
    assert RuleCode.DELEGATION_SIZE in codes(mission(members=members(7) + mixed[-1:]))
    # With one official who is not exempt, the days limit applies again.
    assert RuleCode.DAYS_ABROAD in codes(mission(days=6, members=mixed, academic_exchange=True))


def itinerary(days: int, official: int, tourist: int = 0) -> tuple[HalfDayInput, ...]:
    halves = []
    for index in range(days * 2):
        day = DEPARTURE + datetime.timedelta(days=index // 2)
        half = HalfDay.MORNING if index % 2 == 0 else HalfDay.AFTERNOON
        if index < official:
            kind = ActivityKind.OFFICIAL
        elif index < official + tourist:
            kind = ActivityKind.TOURIST_SITE
        else:
            kind = ActivityKind.TRAVEL
        halves.append(HalfDayInput(day, half, kind))
    return tuple(halves)


def test_official_activity_must_fill_two_thirds_of_the_half_days() -> None:
    assert RuleCode.OFFICIAL_ACTIVITY not in codes(mission(itinerary=itinerary(5, official=7)))
    violation = only(mission(itinerary=itinerary(5, official=6)), RuleCode.OFFICIAL_ACTIVITY)
    assert violation.severity == Severity.WARNING
    assert violation.params["official"] == 6 and violation.params["total"] == 10


def test_a_tourist_site_in_the_itinerary_is_a_warning() -> None:
    violation = only(mission(itinerary=itinerary(5, official=8, tourist=1)), "tourist_sites")
    assert violation.severity == Severity.WARNING
    assert violation.params["dates"] == "2026-06-05"


@pytest.mark.parametrize("kind", ["overseas_chinese", "foreign_body_in_china", "intermediary"])
def test_invitations_from_other_than_a_counterpart_are_refused(kind: str) -> None:
    violation = only(mission(inviter_kind=kind), RuleCode.INVITATION)
    assert violation.severity == Severity.BLOCK
    assert violation.field == "inviter"


def test_two_leaders_of_one_agency_together_are_a_warning() -> None:
    leaders = (
        MemberInput("甲", agency="a", is_agency_leader=True),
        MemberInput("乙", agency="a", is_agency_leader=True),
        MemberInput("丙", agency="b", is_agency_leader=True),
    )
    violation = only(mission(members=leaders), RuleCode.AGENCY_LEADERS)
    assert violation.severity == Severity.WARNING
    assert violation.params["agency"] == "a"
    assert RuleCode.AGENCY_LEADERS not in codes(mission(members=leaders[1:]))


@pytest.mark.parametrize(
    ("rank", "principal", "days_ago", "violated"),
    [
        (Rank.ZHENG_TING, False, 365, True),
        (Rank.ZHENG_TING, False, 730, False),
        (Rank.ZHENG_TING, False, 729, True),
        (Rank.FU_TING, False, 729, True),
        (Rank.FU_TING, False, 730, False),
        # A principal leader (mayor, Party secretary): once a year.
        (Rank.ZHENG_TING, True, 300, True),
        (Rank.ZHENG_TING, True, 364, True),
        (Rank.ZHENG_TING, True, 365, False),
        # Heads of city bureaus are 正处级: no national frequency rule.
        (Rank.ZHENG_CHU, False, 30, False),
        (Rank.FU_CHU, False, 30, False),
        (Rank.KE_AND_BELOW, False, 30, False),
        (Rank.OTHER, False, 30, False),
    ],
)
def test_trip_frequency_by_rank(rank: str, principal: bool, days_ago: int, violated: bool) -> None:
    traveller = MemberInput(
        "王局长",
        rank=rank,
        is_principal_leader=principal,
        previous_departures=(DEPARTURE - datetime.timedelta(days=days_ago),),
    )
    found = codes(mission(members=(traveller,)))
    assert (RuleCode.TRIP_FREQUENCY in found) is violated


def test_trip_frequency_message_names_the_member_and_the_window() -> None:
    traveller = MemberInput(
        "王局长", rank=Rank.ZHENG_TING, previous_departures=(datetime.date(2025, 9, 1),)
    )
    violation = only(mission(members=(traveller,)), RuleCode.TRIP_FREQUENCY)
    with translation.override("en"):
        assert "王局长" in violation.message and "2 years" in violation.message


def test_a_missing_disclosure_blocks_the_application() -> None:
    violation = only(mission(disclosure_start=None, disclosure_end=None), RuleCode.DISCLOSURE)
    assert violation.severity == Severity.BLOCK
    assert violation.message_key == "disclosure_missing"


def test_disclosure_needs_five_working_days_before_filing() -> None:
    week = {"disclosure_start": datetime.date(2026, 3, 9), "disclosure_end": None}
    # Monday to Friday, filed the next Monday: five working days.
    assert RuleCode.DISCLOSURE not in codes(mission(filing_date=datetime.date(2026, 3, 16), **week))
    violation = only(mission(filing_date=datetime.date(2026, 3, 13), **week), "disclosure")
    assert violation.params == {"days": 4, "limit": 5}


def test_disclosure_days_skip_holidays_and_count_make_up_working_days() -> None:
    # 28–30 September, then the National Day holiday, then 8–9 October: five working days by
    # the end of Friday 9 October; Saturday 10 October is a make-up working day.
    around_holiday = {"disclosure_start": datetime.date(2026, 9, 28), "disclosure_end": None}
    late = dict(around_holiday, departure=datetime.date(2026, 12, 1))
    late["return_date"] = datetime.date(2026, 12, 5)
    assert RuleCode.DISCLOSURE not in codes(
        mission(filing_date=datetime.date(2026, 10, 10), **late)
    )
    violation = only(mission(filing_date=datetime.date(2026, 10, 9), **late), "disclosure")
    assert violation.params["days"] == 4


def test_disclosure_that_ended_early_counts_only_its_own_days() -> None:
    short = mission(
        disclosure_start=datetime.date(2026, 3, 9), disclosure_end=datetime.date(2026, 3, 11)
    )
    assert only(short, RuleCode.DISCLOSURE).params["days"] == 3


def test_lead_time_of_45_days_for_one_country() -> None:
    assert RuleCode.LEAD_TIME not in codes(
        mission(filing_date=DEPARTURE - datetime.timedelta(days=45))
    )
    violation = only(mission(filing_date=DEPARTURE - datetime.timedelta(days=44)), "lead_time")
    assert violation.severity == Severity.WARNING
    assert violation.params == {"days": 44, "limit": 45}


def caps_book() -> RuleBook:
    caps = RuleSpec(
        code=RuleCode.BUDGET_CAPS,
        value={"US": {"currency": "USD", "lodging": 300, "cities": {"New York": {"lodging": 400}}}},
        severity=Severity.BLOCK,
        citation="test caps",
        effective_from=datetime.date(2026, 1, 1),
        id=999,
    )
    return RuleBook([*national_specs(), caps], on_date=FILED)


def test_budget_lines_over_the_per_person_per_day_cap_are_refused() -> None:
    line = BudgetLineInput("lodging", Decimal("3000"), "USD", country="US", persons=2, days=5)
    assert codes(mission(countries=("US",), budget=(line,)), caps_book()) == set()
    over = dataclasses.replace(line, amount=Decimal("3001"))
    found = check_mission(mission(countries=("US",), budget=(over,)), FILED, rulebook=caps_book())
    assert [v.params["amount"] for v in found] == ["300.10"]
    # New York has its own, higher cap.
    in_new_york = dataclasses.replace(over, city="New York")
    assert codes(mission(countries=("US",), budget=(in_new_york,)), caps_book()) == set()


def test_blocks_come_before_warnings() -> None:
    found = check_mission(
        mission(members=members(7), filing_date=DEPARTURE - datetime.timedelta(days=10)),
        FILED,
        rulebook=national_book(),
    )
    assert [v.severity for v in found] == [Severity.BLOCK, Severity.WARNING]


def test_violation_survives_a_round_trip_through_json() -> None:
    violation = only(mission(inviter_kind="intermediary"), RuleCode.INVITATION)
    assert Violation.from_dict(violation.as_dict()) == violation
    with translation.override("en"):
        assert "Intermediary agency" in violation.message


def test_the_2008_days_table_applies_to_a_mission_checked_in_2010() -> None:
    old_book = national_book(datetime.date(2010, 5, 1))
    application = mission(days=6)
    assert RuleCode.DAYS_ABROAD not in {
        v.rule_code for v in check_mission(application, FILED, rulebook=old_book)
    }
    assert RuleCode.DAYS_ABROAD in codes(application)


def test_messages_are_in_chinese_with_the_numbers() -> None:
    violation = only(mission(members=members(7)), RuleCode.DELEGATION_SIZE)
    with translation.override("zh-hans"):
        assert violation.message == "团组共7人，超过6人的上限（含翻译）。"
    with translation.override("zh-hant"):
        assert "團組共7人" in violation.message
