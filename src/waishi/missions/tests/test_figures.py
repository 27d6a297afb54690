"""The missions' figures for the yearly report equal counts made here from the seeded year."""

import datetime
import itertools
import random
from typing import Any

import pytest
from django.db import transaction

from waishi.cases.figures import Period, compute_figures
from waishi.cases.models import Case
from waishi.cases.references import next_reference
from waishi.missions.models import Destination, Mission, MissionMember
from waishi.registers.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

YEAR = 2025
_n = itertools.count(1)
STATUSES = ["approved", "departed", "back_home", "closed", "rejected", "withdrawn", "draft"]
GONE = {"approved", "departed", "back_home", "closed"}


def seed(agency: Any) -> list[dict[str, Any]]:
    rng = random.Random(7)
    made = []
    days = [
        datetime.date(2024, 12, 31),
        datetime.date(2025, 1, 1),
        datetime.date(2025, 6, 30),
        datetime.date(2025, 7, 1),
        datetime.date(2025, 12, 31),
        datetime.date(2026, 1, 1),
    ]
    for status in STATUSES:
        for departure in days:
            with transaction.atomic():
                reference = next_reference("CG", "CG")
            case = Case.objects.create(
                reference=reference,
                case_type="CG",
                status=status,
                agency=agency,
                title=f"出访{next(_n)}",
            )
            length = rng.randint(3, 8)
            mission = Mission.objects.create(
                case=case,
                departure_date=departure,
                return_date=departure + datetime.timedelta(days=length - 1),
            )
            size = rng.randint(1, 4)
            for i in range(size):
                MissionMember.objects.create(
                    mission=mission,
                    traveller=PersonFactory(agency=agency),
                    is_leader=i == 0,
                    sort_order=i,
                )
            countries = rng.sample(["DE", "FR", "JP", "US"], rng.randint(1, 2))
            for order, country in enumerate(countries):
                Destination.objects.create(mission=mission, country=country, sort_order=order)
            Destination.objects.create(mission=mission, country="AE", is_transit=True, sort_order=9)
            made.append(
                {
                    "ref": reference,
                    "status": status,
                    "departure": departure,
                    "days": length,
                    "size": size,
                    "countries": countries,
                }
            )
    return made


def figures_of(period: Period) -> dict[str, Any]:
    ((_source, figures),) = compute_figures(period, sources=["missions"])
    return {f.code: f for f in figures}


@pytest.mark.parametrize("period", [Period.year(YEAR), Period.half(YEAR, 1), Period.half(YEAR, 2)])
def test_the_figures_equal_counts_made_from_the_seeded_year(agency: Any, period: Period) -> None:
    made = seed(agency)
    counted = [m for m in made if m["status"] in GONE and m["departure"] in period]
    found = figures_of(period)
    assert found["batches"].value == len(counted)
    assert sorted(found["batches"].cases) == sorted(m["ref"] for m in counted)
    assert found["persons"].value == sum(m["size"] for m in counted)
    assert found["person_days"].value == sum(m["size"] * m["days"] for m in counted)
    for country in ("DE", "FR", "JP", "US"):
        expected = [m["ref"] for m in counted if country in m["countries"]]
        figure = found.get(f"batches.country.{country}")
        assert (figure.value if figure else 0) == len(expected)
        if figure:
            assert sorted(figure.cases) == sorted(expected)
    assert "batches.country.AE" not in found  # a transit stop is not a country visited
