"""Factories for the missions area: rule books from the seeded defaults, travellers, plans."""

import datetime
import importlib
from typing import Any

import factory

from waishi.accounts.tests.factories import AgencyFactory
from waishi.cases.rule_engine import RuleBook, RuleSpec
from waishi.missions.models import AnnualPlan, PlannedMission
from waishi.registers.tests.factories import PersonFactory

_seed = importlib.import_module("waishi.missions.migrations.0002_national_rules")
_ladder = importlib.import_module("waishi.missions.migrations.0013_rank_ladder_rules")


def seeded_rules() -> list[tuple[Any, ...]]:
    """The seeded national rules with their ranks on the city's ladder (as ``0012`` did)."""
    rows = []
    for code, rank, value, severity, start, end, citation in _seed.RULES:
        principal, deputy = _ladder.RENAME.get(rank, (rank, None))
        rows.append((code, principal, value, severity, start, end, citation))
        if deputy:
            rows.append((code, deputy, value, severity, start, end, citation))
    return rows


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
        for index, (code, rank, value, severity, start, end, citation) in enumerate(seeded_rules())
    ]


def seed_national_rules() -> None:
    """Write the seeded national rules into the kernel's table again if they are missing.

    A transactional test anywhere in the run flushes every table, data-migration rows
    included; the seed migration wrote them into the missions' old table, so this repeats
    what it and ``0010_rules_to_kernel`` did together.
    """
    from waishi.cases.models import Rule
    from waishi.missions.rule_codes import DEFINITIONS

    units = {d.code: d.unit for d in DEFINITIONS}
    for code, rank, value, severity, start, end, citation in seeded_rules():
        Rule.objects.get_or_create(
            area="missions",
            code=code,
            jurisdiction="national",
            area_code="",
            rank=rank,
            effective_from=start,
            defaults={
                "value": value,
                "unit": units.get(code, ""),
                "severity": severity,
                "effective_to": end,
                "citation": citation,
                "active": True,
            },
        )
    days = Rule.objects.filter(area="missions", code="days_abroad")
    old = days.filter(effective_to__isnull=False).first()
    days.filter(effective_to__isnull=True, supersedes__isnull=True).update(supersedes=old)


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
