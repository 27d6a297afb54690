"""Factories for the missions area: rule books from the seeded defaults, travellers, plans."""

import datetime
import importlib
from typing import Any

import factory

from waishi.accounts.tests.factories import AgencyFactory
from waishi.missions.models import AnnualPlan, PlannedMission
from waishi.missions.rulebook import RuleBook, RuleSpec
from waishi.registers.tests.factories import PersonFactory

_seed = importlib.import_module("waishi.missions.migrations.0002_national_rules")


def national_specs() -> list[RuleSpec]:
    """The national defaults exactly as the data migration seeds them, without a database."""
    return [
        RuleSpec(
            code=code,
            value=value,
            severity=severity,
            citation=citation,
            effective_from=start,
            effective_to=end,
            rank=rank,
            id=index + 1,
        )
        for index, (code, rank, value, severity, start, end, citation) in enumerate(_seed.RULES)
    ]


def national_book(on_date: datetime.date | None = None, **kwargs: Any) -> RuleBook:
    return RuleBook(national_specs(), on_date=on_date or datetime.date(2026, 6, 1), **kwargs)


# Travellers are people of the register; the name stays for the missions tests.
TravellerFactory = PersonFactory


class AnnualPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualPlan

    agency = factory.SubFactory(AgencyFactory)
    year = 2026


class PlannedMissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedMission

    plan = factory.SubFactory(AnnualPlanFactory)
    countries = factory.LazyFunction(lambda: ["DE"])
    purpose = "经贸交流"
    size = 5
    month = 5
