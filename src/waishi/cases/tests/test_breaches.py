"""The kernel's registry of breaches: sources registered once, read through one call that
narrows, orders and names the agencies whatever the number of sources."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from waishi.cases.breaches import (
    Breach,
    BreachQuery,
    BreachSource,
    breach_sources,
    find_breaches,
    register_breach_source,
    withdraw_breach_source,
)

DAY = datetime.date(2026, 5, 4)


def _rows(agency_id: int | None) -> Any:
    def rows(query: BreachQuery) -> Iterator[Breach]:
        for n, cleared in ((1, None), (2, DAY), (3, None)):
            yield Breach(
                source="toy.late",
                key=str(n),
                when=DAY - datetime.timedelta(days=n),
                what=f"late {n}",
                agency_id=agency_id,
                cleared_on=cleared,
            )

    return rows


@pytest.fixture
def toy(agency: Any) -> Iterator[BreachSource]:
    source = register_breach_source(BreachSource("toy.late", "Late", "toy", _rows(agency.pk)))
    yield source
    withdraw_breach_source("toy.late")


def test_open_breaches_come_newest_first_with_their_agency_named(
    toy: BreachSource, agency: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        found = find_breaches(BreachQuery(today=DAY), sources=["toy.late"])
    assert [b.key for b in found] == ["1", "3"]
    assert {b.agency_name for b in found} == {str(agency)}
    assert found[0].uid == "toy.late:1"


def test_cleared_and_all_and_period_and_agency(toy: BreachSource, other_agency: Any) -> None:
    def keys(**kw: Any) -> list[str]:
        return [b.key for b in find_breaches(BreachQuery(today=DAY, **kw), sources=["toy.late"])]

    assert keys(cleared=True) == ["2"]
    assert keys(cleared=None) == ["1", "2", "3"]
    assert keys(cleared=None, since=DAY - datetime.timedelta(days=2)) == ["1", "2"]
    assert keys(cleared=None, until=DAY - datetime.timedelta(days=2)) == ["2", "3"]
    assert keys(agency_id=other_agency.pk) == []
    assert keys(cleared=None, limit=1) == ["1"]


def test_a_code_is_registered_once_and_under_its_area(toy: BreachSource) -> None:
    assert toy in breach_sources()
    register_breach_source(toy)  # the same source again: nothing changes
    with pytest.raises(ValueError):
        register_breach_source(BreachSource("toy.late", "Late", "toy", _rows(None)))
    with pytest.raises(ValueError):
        register_breach_source(BreachSource("other.late", "Late", "toy", _rows(None)))


def test_the_areas_here_register_their_sources() -> None:
    codes = {s.code for s in breach_sources()}
    assert {
        "missions.trip_report_overdue",
        "missions.extended_stay",
        "missions.accepted_warning",
        "missions.frequency_exceeded",
        "passports.overdue_return",
        "passports.agency_lock",
        "visits.gift_not_declared",
    } <= codes


@pytest.mark.django_db
def test_every_source_reads_in_one_query(django_assert_max_num_queries: Any) -> None:
    for source in breach_sources():
        with django_assert_max_num_queries(1):
            list(source.rows(BreachQuery()))
