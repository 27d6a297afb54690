"""Every transition of a passport request as every role: refusals write nothing."""

import datetime
from typing import Any

import pytest

from waishi.cases.models import Case
from waishi.cases.testing import allowed, force_status, walk_transitions
from waishi.core.validators import DocumentKind
from waishi.passports import issuance_actions
from waishi.passports.constants import CASE_TYPE
from waishi.passports.workflow import WORKFLOW

from .factories import TravellerFactory, make_mission

pytestmark = pytest.mark.django_db

OUTSIDERS = {"other_liaison", "county_officer", "inspector", "website_editor", "system_admin"}


def test_every_transition_as_every_role(
    liaison: Any, agency: Any, division: Any, case_roles: dict[str, Any]
) -> None:
    people = [TravellerFactory(agency=agency, name=n) for n in ("周一", "吴二")]
    departure = datetime.date.today() + datetime.timedelta(days=30)
    mission = make_mission(agency=agency, travellers=people, departure=departure, days=5)

    def make_case(state: str) -> Case:
        issuance = issuance_actions.do_open_request(
            actor=liaison, mission=mission, holders=people, kind=DocumentKind.SERVICE_PASSPORT
        )
        return force_status(issuance.case, state)

    outcomes = walk_transitions(CASE_TYPE, make_case, case_roles)
    assert len(outcomes) == sum(len(t.sources) for t in WORKFLOW.transitions) * len(case_roles)
    done = allowed(outcomes)
    assert not {role for _name, _source, role in done} & OUTSIDERS
    assert {o.transition for o in outcomes if not o.forbidden} == {
        t.name for t in WORKFLOW.transitions
    }
    # The agency files (here refused by a guard: no photos yet); the bureau decides.
    (submit,) = [
        o for o in outcomes if (o.transition, o.source, o.role) == ("submit", "draft", "liaison")
    ]
    assert not submit.forbidden and submit.reasons
    assert ("accept", "submitted", "officer") in done
    assert not {(n, s, r) for n, s, r in done if n == "accept" and r in {"liaison", "signatory"}}
