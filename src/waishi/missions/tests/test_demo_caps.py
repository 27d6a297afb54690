"""The demo's per-day caps: a new version of the rule, a warning, honest about its figures."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from waishi.cases.models import Rule
from waishi.missions import mission_actions as ma
from waishi.missions.checking import check_stored_mission
from waishi.missions.demo_caps import CAPS, load_caps

pytestmark = pytest.mark.django_db


def test_the_caps_supersede_the_empty_table_once_as_a_warning(head: Any) -> None:
    empty = Rule.objects.get(area="missions", code="budget_caps", effective_to__isnull=True)
    assert empty.value == {}
    rule = load_caps(actor=head)
    assert rule is not None and rule.value == CAPS and rule.severity == "warning"
    assert rule.supersedes == empty and "财行〔2013〕516号" in rule.citation
    assert "figures to be confirmed against the annex before production use" in rule.citation
    empty.refresh_from_db()
    assert empty.effective_to == rule.effective_from - datetime.timedelta(days=1)
    assert load_caps(actor=head) is None


def test_a_line_above_a_city_cap_is_a_warning_that_cites_the_caveat(
    draft: Callable[..., Any], liaison: Any, head: Any
) -> None:
    rule = load_caps(actor=head)
    assert rule is not None
    mission = draft(members=2)
    mission = ma.do_set_budget(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        lines=[
            # 250 EUR a night in Berlin, above the demo's 200; meals within the cap.
            {
                "category": "lodging",
                "country": "DE",
                "city": "Berlin",
                "currency": "EUR",
                "amount": "2000",
                "amount_rmb": "15600",
                "persons": 2,
                "days": 4,
            },
            {
                "category": "meals",
                "country": "DE",
                "city": "Berlin",
                "currency": "EUR",
                "amount": "400",
                "amount_rmb": "3120",
                "persons": 2,
                "days": 5,
            },
        ],
        funding_source="部门预算",
    )
    [violation] = [v for v in check_stored_mission(mission) if v.rule_code == "budget_caps"]
    assert violation.severity == "warning" and violation.rule_version_id == rule.pk
    assert violation.params["cap"] == "200" and violation.params["amount"] == "250.00"
    assert "figures to be confirmed" in violation.citation
