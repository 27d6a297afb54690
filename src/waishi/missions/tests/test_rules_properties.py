"""Random applications checked against a plain restatement of the national limits."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from waishi.missions.constants import Rank, RuleCode
from waishi.missions.rules import DestinationInput, MemberInput, MissionInput, check_mission

from .factories import national_book

DEPARTURE = datetime.date(2026, 6, 1)
BOOK = national_book()
AFRICA_OR_LATIN_AMERICA = {"KE", "ZA", "EG", "BR", "MX", "CU"}
COUNTRIES = ["DE", "FR", "IT", "GB", "JP", "US", "AE", *sorted(AFRICA_OR_LATIN_AMERICA)]

member = st.builds(
    MemberInput,
    name=st.just("成员"),
    rank=st.sampled_from(Rank.values),
    is_academic=st.booleans(),
    previous_departures=st.lists(
        st.integers(min_value=1, max_value=1200).map(
            lambda n: DEPARTURE - datetime.timedelta(days=n)
        ),
        max_size=3,
    ).map(tuple),
)
stop = st.builds(
    DestinationInput,
    country=st.sampled_from(COUNTRIES),
    is_transit=st.booleans(),
    airside_only=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    people=st.lists(member, min_size=1, max_size=10),
    stops=st.lists(stop, min_size=1, max_size=6),
    days=st.integers(min_value=1, max_value=16),
    academic=st.booleans(),
)
def test_verdicts_match_the_rules_as_written(
    people: list[MemberInput], stops: list[DestinationInput], days: int, academic: bool
) -> None:
    application = MissionInput(
        departure=DEPARTURE,
        return_date=DEPARTURE + datetime.timedelta(days=days - 1),
        members=tuple(people),
        destinations=tuple(stops),
        academic_exchange=academic,
    )
    found = {v.rule_code for v in check_mission(application, DEPARTURE, rulebook=BOOK)}

    def exempt(person: MemberInput) -> bool:
        return academic and person.is_academic

    # At most 6 people, interpreter included; exempt scholars are not counted.
    too_many = sum(1 for p in people if not exempt(p)) > 6
    # At most 3 countries or regions; a transit stop counts unless the travellers stay airside.
    visited = {s.country for s in stops if not (s.is_transit and s.airside_only)}
    too_many_countries = len(visited) > 3
    # 1 country 5 days, 2 countries 8, 3 or more 10; one more for Africa or Latin America.
    limit = {0: 5, 1: 5, 2: 8}.get(len(visited), 10)
    if visited & AFRICA_OR_LATIN_AMERICA:
        limit += 1
    too_long = days > limit and not all(exempt(p) for p in people)
    # Department-level (厅级) officials once in two years.
    window = {Rank.ZHENG_TING: 730, Rank.FU_TING: 730}
    too_often = any(
        p.rank in window
        and not exempt(p)
        and any((DEPARTURE - d).days < window[p.rank] for d in p.previous_departures)
        for p in people
    )

    assert (RuleCode.DELEGATION_SIZE in found) == too_many
    assert (RuleCode.COUNTRY_COUNT in found) == too_many_countries
    assert (RuleCode.DAYS_ABROAD in found) == too_long
    assert (RuleCode.TRIP_FREQUENCY in found) == too_often
