"""The rules screen: the bureau reads every area's rules; an area's division head edits them."""

import datetime
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from waishi.accounts.constants import Role
from waishi.audit.models import AuditEvent
from waishi.cases.models import Rule
from waishi.cases.rule_registry import register_rule_area, unregister_rule_area

from .rule_area import AREA, DEFINITIONS, RULE_AREA

pytestmark = pytest.mark.django_db

RULES = reverse("cases:rules")
NEW = reverse("cases:rule_new")


@pytest.fixture(autouse=True)
def demo_rule_area() -> Iterator[None]:
    register_rule_area(RULE_AREA, DEFINITIONS)
    yield
    unregister_rule_area(AREA)


@pytest.fixture
def head(client: Any, make_user: Any, division: Any) -> Any:
    user = make_user(Role.DIVISION_HEAD, division=division)
    client.force_login(user)
    return user


def row(value: Any, code: str = "group_size", **fields: Any) -> Rule:
    defaults: dict[str, Any] = {
        "severity": "block",
        "citation": f"规定 {code}",
        "effective_from": datetime.date(2020, 1, 1),
    }
    return Rule.objects.create(area=AREA, code=code, value=value, **{**defaults, **fields})


def form(**changes: Any) -> dict[str, Any]:
    values = {
        "area": AREA,
        "code": "group_size",
        "jurisdiction": "city",
        "area_code": "441200",
        "rank": "",
        "value": "5",
        "severity": "block",
        "effective_from": "2027-01-01",
        "citation": "市外办规定第3条",
    }
    return {**values, **changes}


def test_every_bureau_role_reads_the_rules_and_an_empty_needed_value_is_a_warning(
    client: Any, make_user: Any
) -> None:
    row(6)
    row({}, code="caps")
    client.force_login(make_user(Role.WEBSITE_EDITOR))
    page = client.get(RULES, {"area": AREA})
    text = page.content.decode()
    assert page.status_code == 200 and "规定 group_size" in text
    assert 'data-testid="rule-warning"' in text and "No per-diem caps configured." in text
    # Nobody outside the area's division gets the edit links.
    assert NEW not in text


def test_a_needed_value_with_no_version_in_force_is_a_warning_too(
    client: Any, make_user: Any
) -> None:
    row({"US": 335}, code="caps", effective_to=datetime.date(2025, 12, 31))
    client.force_login(make_user(Role.DIVISION_OFFICER))
    assert "No per-diem caps configured." in client.get(RULES, {"on": "2026-06-01"}).text
    assert "No per-diem caps configured." not in client.get(RULES, {"on": "2025-06-01"}).text


def test_caps_configured_give_no_warning(client: Any, make_user: Any) -> None:
    row({"US": 335}, code="caps")
    client.force_login(make_user(Role.BUREAU_LEADER))
    assert 'data-testid="rule-warning"' not in client.get(RULES, {"area": AREA}).text


def test_the_screen_reads_a_fixed_number_of_queries(client: Any, head: Any) -> None:
    row(6)
    client.get(RULES)  # warm the session and the user's division
    with CaptureQueriesContext(connection) as few:
        assert client.get(RULES, {"area": AREA}).status_code == 200
    for year in range(2000, 2030):
        row(year - 1990, code="group_size", effective_from=datetime.date(year, 1, 1))
        row({"1": year - 1990}, code="lead_time", rank="senior")
    with CaptureQueriesContext(connection) as many:
        page = client.get(RULES, {"area": AREA})
    assert page.text.count('data-rule="lead_time"') == 30
    assert len(many.captured_queries) == len(few.captured_queries) <= 8


def test_the_division_head_adds_a_version_from_the_screen(client: Any, head: Any) -> None:
    old = row(6)
    page = client.get(NEW, {"supersedes": old.pk})
    assert page.status_code == 200 and f'value="{old.updated_at.isoformat()}"' in page.text
    response = client.post(
        NEW, form(supersedes=old.pk, seen=old.updated_at.isoformat(), rank="senior")
    )
    assert response.status_code == 302 and response["Location"] == f"{RULES}?area={AREA}"
    new = Rule.objects.get(supersedes=old)
    assert (new.value, new.area_code, new.rank, new.unit) == (5, "441200", "senior", "people")
    assert AuditEvent.objects.filter(action=f"{AREA}.rule.add").count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"value": json.dumps("five")},
        {"value": "-1"},
        {"code": "stay", "value": json.dumps({"weeks": 2})},
        {"area_code": ""},
        {"citation": " "},
        {"value": "{not json"},
    ],
)
def test_a_bad_version_gets_a_translated_error_and_nothing_is_written(
    client: Any, head: Any, changes: dict[str, Any]
) -> None:
    row(6)
    before = list(Rule.objects.values_list("pk", "effective_to"))
    response = client.post(NEW, form(**changes), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    assert 'class="alert alert-danger"' in response.text or "invalid-feedback" in response.text
    assert list(Rule.objects.values_list("pk", "effective_to")) == before
    assert not AuditEvent.objects.filter(action=f"{AREA}.rule.add").exists()


def test_a_stale_edit_is_refused_with_a_conflict(client: Any, head: Any) -> None:
    old = row(6)
    seen = old.updated_at.isoformat()
    assert client.post(NEW, form(supersedes=old.pk, seen=seen)).status_code == 302
    before = list(Rule.objects.values_list("pk", "effective_to"))
    again = client.post(NEW, form(supersedes=old.pk, seen=seen, effective_from="2028-01-01"))
    assert again.status_code == 409 and "他人已修改此规则" in again.text
    assert list(Rule.objects.values_list("pk", "effective_to")) == before


def test_a_head_of_another_division_finds_no_area_to_edit(client: Any, make_user: Any) -> None:
    old = row(6)
    client.force_login(make_user(Role.DIVISION_HEAD))
    assert client.get(NEW, {"area": AREA}).status_code == 404
    assert client.get(NEW, {"supersedes": old.pk}).status_code == 404
    assert client.post(NEW, form()).status_code == 404
    assert Rule.objects.filter(area=AREA).count() == 1


def test_the_refusal_speaks_the_users_language(client: Any, head: Any) -> None:
    client.cookies["waishi_language"] = "en"
    refused = client.post(NEW, form(value="-1"))
    assert "it is written like 6" in refused.text
    # Simplified last: the language the other tests expect stays active.
    client.cookies["waishi_language"] = "zh-hans"
    refused = client.post(NEW, form(value="-1"))
    assert "取值不符合该规则要求的格式，应写作 6" in refused.text
