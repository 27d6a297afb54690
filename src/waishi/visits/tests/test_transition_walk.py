"""Every transition of a visit and of a received gift as every role: refusals write nothing."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from waishi.cases.testing import allowed, force_status, walk_transitions
from waishi.registers.tests.factories import PersonFactory
from waishi.visits import actions
from waishi.visits.constants import GIFT_CASE_TYPE, VISIT_CASE_TYPE
from waishi.visits.workflow import GIFT_WORKFLOW, VISIT_WORKFLOW

pytestmark = pytest.mark.django_db

OUTSIDERS = {"other_liaison", "county_officer", "inspector", "website_editor", "system_admin"}


def test_every_visit_transition_as_every_role(
    make_visit: Callable[..., Any], case_roles: dict[str, Any]
) -> None:
    def in_state(state: str) -> Any:
        visit = make_visit(arrival=datetime.date.today())
        case = force_status(visit.case, state)
        if state == "held":
            # The outcome report is written while the visit is held.
            type(visit).objects.filter(pk=visit.pk).update(outcome_report="会谈取得成果")
        return case

    outcomes = walk_transitions(VISIT_CASE_TYPE, in_state, case_roles)
    assert len(outcomes) == sum(len(t.sources) for t in VISIT_WORKFLOW.transitions) * len(
        case_roles
    )
    done = allowed(outcomes)
    assert not {role for _n, _s, role in done} & OUTSIDERS
    assert {o.transition for o in outcomes if not o.forbidden} == {
        t.name for t in VISIT_WORKFLOW.transitions
    }
    expected = {
        ("submit", "plan", "liaison"),
        ("submit", "plan", "signatory"),
        ("submit", "returned", "liaison"),
        ("approve", "review", "head"),
        ("approve", "review", "leader"),
        ("return_for_revision", "review", "officer"),
        ("record_held", "approved", "liaison"),
        ("record_held", "approved", "officer"),
        ("submit_report", "held", "liaison"),
        ("close", "reported", "officer"),
        ("cancel", "review", "liaison"),
    }
    assert expected <= done
    # The bureau's officers do not file an agency's plan; the agency does not approve it.
    assert ("submit", "plan", "officer") not in done
    assert not {
        (n, s, r) for n, s, r in done if n == "approve" and r in {"liaison", "signatory", "officer"}
    }


def test_every_gift_transition_as_every_role(
    liaison: Any, division: Any, case_roles: dict[str, Any]
) -> None:
    person = PersonFactory(agency=liaison.agency)

    def in_state(state: str) -> Any:
        case = actions.do_file_gift(
            actor=liaison,
            agency=liaison.agency,
            recipient=person,
            data={
                "item": "瓷瓶",
                "kind": "goods",
                "value": Decimal(500),
                "giver": "某市政府",
                "received_on": datetime.date.today(),
            },
        )
        return force_status(case, state)

    outcomes = walk_transitions(GIFT_CASE_TYPE, in_state, case_roles)
    assert len(outcomes) == sum(len(t.sources) for t in GIFT_WORKFLOW.transitions) * len(case_roles)
    done = allowed(outcomes)
    assert not {role for _n, _s, role in done} & OUTSIDERS
    assert ("declare", "recorded", "liaison") in done
    assert ("declare", "recorded", "officer") not in done
    assert ("register_hand_in", "declared", "officer") in done
    assert ("dispose", "handed_in", "officer") in done
    # A 500 RMB vase is never kept, nor sent to the treasury.
    assert not {(n, s, r) for n, s, r in done if n in ("keep", "to_treasury")}
