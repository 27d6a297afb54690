"""Which rule version is in force: dates, jurisdiction, rank; and the seeded defaults."""

import datetime
from typing import Any

import pytest

from waishi.cases.models import Rule
from waishi.cases.rule_engine import RuleBook, RuleSpec
from waishi.cases.rule_engine import load_rulebook as kernel_rulebook
from waishi.cases.rule_registry import check_rule_value as kernel_check
from waishi.missions.constants import (
    PRINCIPAL_LEADER,
    RULE_AREA,
    Jurisdiction,
    Rank,
    RuleCode,
    Severity,
)

from .factories import national_specs

DAY = datetime.date(2026, 6, 1)
ZHAOQING = "441200"


def load_rulebook(day: datetime.date, **kwargs: Any) -> RuleBook:
    return kernel_rulebook(RULE_AREA, day, **kwargs)


def check_rule_value(code: str, value: Any) -> list[str]:
    return kernel_check(RULE_AREA, code, value)


def spec(value: int, **fields: object) -> RuleSpec:
    defaults: dict[str, object] = {
        "code": RuleCode.DELEGATION_SIZE,
        "severity": Severity.BLOCK,
        "citation": f"rule {value}",
        "effective_from": datetime.date(2020, 1, 1),
    }
    defaults.update(fields)
    return RuleSpec(value=value, **defaults)  # type: ignore[arg-type]


def test_a_city_rule_beats_a_province_rule_which_beats_the_national_one() -> None:
    specs = [
        spec(6),
        spec(5, jurisdiction=Jurisdiction.PROVINCE, area_code="440000"),
        spec(4, jurisdiction=Jurisdiction.CITY, area_code=ZHAOQING),
    ]
    assert RuleBook(specs, on_date=DAY, area_code=ZHAOQING).get("delegation_size").value == 4
    # Another city of the same province gets the province's rule.
    assert RuleBook(specs, on_date=DAY, area_code="440100").get("delegation_size").value == 5
    # A city in another province gets only the national rule.
    assert RuleBook(specs, on_date=DAY, area_code="110000").get("delegation_size").value == 6


def test_a_rule_for_the_rank_beats_a_rule_for_all_ranks() -> None:
    specs = [
        spec(6, jurisdiction=Jurisdiction.CITY, area_code=ZHAOQING),
        spec(3, rank=Rank.ZHENG_TING),
    ]
    book = RuleBook(specs, on_date=DAY, area_code=ZHAOQING)
    assert book.get("delegation_size", Rank.ZHENG_TING).value == 3
    assert book.get("delegation_size", Rank.OTHER).value == 6
    assert book.get("delegation_size").value == 6


def test_rule_dates_are_inclusive_and_the_newest_version_wins() -> None:
    specs = [
        spec(6, effective_to=datetime.date(2026, 5, 31)),
        spec(5, effective_from=datetime.date(2026, 6, 1)),
    ]
    assert RuleBook(specs, on_date=datetime.date(2026, 5, 31)).get("delegation_size").value == 6
    assert RuleBook(specs, on_date=DAY).get("delegation_size").value == 5
    assert RuleBook(specs, on_date=datetime.date(2019, 12, 31)).get("delegation_size") is None


def test_check_rule_value_refuses_values_of_the_wrong_form() -> None:
    for each in national_specs():
        assert check_rule_value(each.code, each.value) == [], each.code
    assert check_rule_value(RuleCode.DELEGATION_SIZE, "6")
    assert check_rule_value(RuleCode.DELEGATION_SIZE, True)
    assert check_rule_value(RuleCode.DAYS_ABROAD, {"one": 5})
    assert check_rule_value(RuleCode.TRIP_FREQUENCY, {"trips": 1, "years": 0})
    assert check_rule_value(RuleCode.OFFICIAL_ACTIVITY, {"numerator": 2})


@pytest.mark.django_db
def test_the_seeded_national_rules_are_loaded_from_the_database() -> None:
    book = load_rulebook(DAY, area_code=ZHAOQING)
    assert book.get(RuleCode.DELEGATION_SIZE).value == 6
    assert book.get(RuleCode.DAYS_ABROAD).value["1"] == 5
    for rank in (Rank.ZHENG_TING, Rank.FU_TING):
        assert book.get(RuleCode.TRIP_FREQUENCY, rank).value == {"trips": 1, "years": 2}
    assert book.get(RuleCode.TRIP_FREQUENCY, PRINCIPAL_LEADER).value == {"trips": 1, "years": 1}
    assert book.get(RuleCode.TRIP_FREQUENCY, Rank.ZHENG_CHU) is None
    assert book.get(RuleCode.TRIP_FREQUENCY, Rank.OTHER) is None
    assert load_rulebook(datetime.date(2010, 1, 1)).get(RuleCode.DAYS_ABROAD).value["1"] == 6
    new = Rule.objects.get(area=RULE_AREA, code=RuleCode.DAYS_ABROAD, effective_to__isnull=True)
    assert new.supersedes is not None and new.supersedes.value["1"] == 6
    assert {s.code for s in national_specs()} == set(RuleCode.values)


@pytest.mark.django_db
def test_an_inactive_rule_is_not_applied() -> None:
    Rule.objects.filter(area=RULE_AREA, code=RuleCode.DELEGATION_SIZE).update(active=False)
    assert load_rulebook(DAY).get(RuleCode.DELEGATION_SIZE) is None
