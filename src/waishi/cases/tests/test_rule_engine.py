"""The rules engine: declared codes and their value schemas, resolution, and the one writer."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import BureauFactory
from waishi.audit.models import AuditEvent
from waishi.cases.constants import Jurisdiction, Severity
from waishi.cases.models import Rule
from waishi.cases.rule_actions import do_add_rule_version, do_set_rule_active
from waishi.cases.rule_engine import RuleBook, RuleSpec, load_rulebook, rules_on
from waishi.cases.rule_registry import (
    check_rule_value,
    register_rule_area,
    unregister_rule_area,
)

from .rule_area import AREA, DEFINITIONS, RULE_AREA

MAY_31, JUNE_1 = datetime.date(2026, 5, 31), datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def demo_rule_area() -> Iterator[None]:
    register_rule_area(RULE_AREA, DEFINITIONS)
    yield
    unregister_rule_area(AREA)


def spec(value: Any, **fields: Any) -> RuleSpec:
    defaults: dict[str, Any] = {
        "code": "group_size",
        "severity": Severity.BLOCK,
        "citation": f"rule {value}",
        "effective_from": datetime.date(2020, 1, 1),
    }
    return RuleSpec(value=value, **{**defaults, **fields})


def row(value: Any, **fields: Any) -> Rule:
    defaults: dict[str, Any] = {
        "area": AREA,
        "code": "group_size",
        "severity": Severity.BLOCK,
        "citation": f"rule {value}",
        "effective_from": datetime.date(2020, 1, 1),
    }
    return Rule.objects.create(value=value, **{**defaults, **fields})


# Resolution --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_rule_ending_the_day_before_gives_way_to_one_starting_that_day() -> None:
    old = row(6, effective_to=MAY_31)
    new = row(5, effective_from=JUNE_1, supersedes=old)
    assert load_rulebook(AREA, MAY_31).get("group_size").id == old.pk  # type: ignore[union-attr]
    assert load_rulebook(AREA, JUNE_1).get("group_size").id == new.pk  # type: ignore[union-attr]
    found = rules_on(AREA, {"group_size": MAY_31})
    assert found["group_size"] is not None and found["group_size"].value == 6
    assert rules_on(AREA, {"group_size": JUNE_1})["group_size"].value == 5  # type: ignore[union-attr]
    assert load_rulebook(AREA, datetime.date(2019, 12, 31)).get("group_size") is None


@pytest.mark.django_db
def test_an_inactive_version_and_another_areas_rules_are_not_applied() -> None:
    row(6, active=False)
    row(4, area="other_area")
    assert load_rulebook(AREA, JUNE_1).get("group_size") is None


def test_a_city_rule_beats_a_province_rule_which_beats_the_national_one() -> None:
    specs = [
        spec(6),
        spec(5, jurisdiction=Jurisdiction.PROVINCE, area_code="440000"),
        spec(4, jurisdiction=Jurisdiction.CITY, area_code="441200"),
    ]
    assert RuleBook(specs, on_date=JUNE_1, area_code="441200").get("group_size").value == 4  # type: ignore[union-attr]
    assert RuleBook(specs, on_date=JUNE_1, area_code="440100").get("group_size").value == 5  # type: ignore[union-attr]
    assert RuleBook(specs, on_date=JUNE_1, area_code="110000").get("group_size").value == 6  # type: ignore[union-attr]
    # A bureau that has not recorded its area applies the rules it keeps as written.
    assert RuleBook(specs, on_date=JUNE_1, area_code="").get("group_size").value == 4  # type: ignore[union-attr]


@pytest.mark.django_db
def test_the_bureaus_area_code_selects_the_local_rule() -> None:
    row(6)
    row(5, jurisdiction=Jurisdiction.PROVINCE, area_code="440000")
    row(4, jurisdiction=Jurisdiction.CITY, area_code="441200")
    BureauFactory(area_code="440300")
    assert load_rulebook(AREA, JUNE_1).get("group_size").value == 5  # type: ignore[union-attr]


def test_a_rule_for_the_rank_beats_a_more_local_rule_for_every_rank() -> None:
    specs = [spec(6, jurisdiction=Jurisdiction.CITY, area_code="441200"), spec(3, rank="senior")]
    book = RuleBook(specs, on_date=JUNE_1, area_code="441200")
    assert book.get("group_size", "senior").value == 3  # type: ignore[union-attr]
    assert book.get("group_size", "other").value == 6  # type: ignore[union-attr]


# Values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "good", "bad"),
    [
        ("group_size", [0, 6], [-1, "6", True, 1.5, None, {"n": 6}]),
        ("stay", [{"days": 30}, {"days": 1, "roll": False}], [{"days": 0}, {"weeks": 1}, {}]),
        ("stay", [], [{"days": True}, {"days": 30, "roll": 1}, [30]]),
        ("lead_time", [{"1": 45}, {"1": 45, "3": 60, "extra": 1}], [{}, {"one": 4}, {"1": -1}]),
        ("caps", [{}, {"US": 335.5}], [{"US": "335"}, {"US": -1}, []]),
    ],
)
def test_each_code_checks_its_value_against_its_schema(code: str, good: list, bad: list) -> None:
    with translation.override("en"):
        for value in good:
            assert check_rule_value(AREA, code, value) == [], value
        for value in bad:
            problems = check_rule_value(AREA, code, value)
            assert len(problems) == 1, value
            # The refusal shows how the value is written.
            assert "written like" in problems[0]


def test_an_undeclared_code_or_area_is_refused() -> None:
    assert check_rule_value(AREA, "no_such_rule", 1)
    assert check_rule_value("no_such_area", "group_size", 1)


# Writing -----------------------------------------------------------------------------------


@pytest.fixture
def head(make_user: Any, division: Any) -> Any:
    return make_user(Role.DIVISION_HEAD, division=division)


def add(actor: Any, **changes: Any) -> Rule:
    values: dict[str, Any] = {
        "area": AREA,
        "code": "group_size",
        "value": 5,
        "severity": Severity.BLOCK,
        "effective_from": datetime.date(2027, 1, 1),
        "citation": "测试规定第1条",
    }
    return do_add_rule_version(actor=actor, **{**values, **changes})


def written() -> tuple[list[tuple[Any, ...]], int]:
    return (
        list(Rule.objects.order_by("pk").values_list("pk", "effective_to", "updated_at")),
        AuditEvent.objects.count(),
    )


@pytest.mark.django_db
def test_the_areas_division_head_adds_a_version_which_ends_the_old_one(head: Any) -> None:
    old = row(6)
    new = add(head, supersedes=old, seen=old.updated_at, jurisdiction="city", area_code="441200")
    old.refresh_from_db()
    assert old.effective_to == datetime.date(2026, 12, 31)
    assert (new.supersedes, new.unit, new.created_by) == (old, "people", head)
    event = AuditEvent.objects.get(action=f"{AREA}.rule.add")
    assert event.after["value"] == 5 and event.after["supersedes"] == old.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"value": "five"},
        {"value": -1},
        {"code": "stay", "value": {"days": 0}},
        {"code": "no_such_rule"},
        {"citation": "  "},
        {"jurisdiction": Jurisdiction.CITY, "area_code": ""},
        {"jurisdiction": Jurisdiction.PROVINCE, "area_code": "44"},
        {"severity": "fatal"},
        {"rank": "general"},
        {"effective_from": datetime.date(2020, 1, 1)},
    ],
)
def test_an_invalid_version_is_refused_and_nothing_is_written(head: Any, changes: Any) -> None:
    old = row(6)
    before = written()
    with pytest.raises(ValidationError):
        add(head, supersedes=old, **changes)
    assert written() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [Role.DIVISION_OFFICER, Role.BUREAU_LEADER, Role.LIAISON_OFFICER, Role.SYSTEM_ADMIN]
)
def test_only_the_head_of_the_areas_division_writes_its_rules(
    make_user: Any, division: Any, role: str
) -> None:
    old = row(6)
    people = [make_user(role, division=division) if "division" in role else make_user(role)]
    # A head of another division keeps other areas' rules, not this one's.
    people.append(make_user(Role.DIVISION_HEAD))
    before = written()
    for actor in people:
        with pytest.raises(PermissionDenied):
            add(actor, supersedes=old)
        with pytest.raises(PermissionDenied):
            do_set_rule_active(actor=actor, rule=old, active=False, reason="不执行")
    assert written() == before


@pytest.mark.django_db
def test_a_stale_edit_is_refused_and_nothing_is_written(head: Any) -> None:
    old = row(6)
    seen = old.updated_at
    do_set_rule_active(actor=head, rule=old, active=False, reason="暂停执行")
    before = written()
    with pytest.raises(ValidationError) as refused:
        add(head, supersedes=old, seen=seen)
    assert refused.value.code == "stale"
    assert written() == before
    # A version already replaced cannot be replaced a second time.
    old.refresh_from_db()
    add(head, supersedes=old, seen=old.updated_at)
    before = written()
    with pytest.raises(ValidationError):
        add(head, supersedes=old, effective_from=datetime.date(2028, 1, 1))
    assert written() == before


@pytest.mark.django_db
def test_switching_a_version_off_needs_a_reason_and_is_audited(head: Any) -> None:
    rule = row(6)
    with pytest.raises(ValidationError):
        do_set_rule_active(actor=head, rule=rule, active=False, reason=" ")
    do_set_rule_active(actor=head, rule=rule, active=False, reason="本市不执行")
    assert load_rulebook(AREA, JUNE_1).get("group_size") is None
    assert AuditEvent.objects.get(action=f"{AREA}.rule.deactivate").reason == "本市不执行"
