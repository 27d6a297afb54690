"""Every transition of a mission application as every role: refusals write nothing."""

from collections.abc import Callable
from typing import Any

import pytest

from waishi.cases.testing import allowed, force_status, walk_transitions
from waishi.missions.constants import CASE_TYPE
from waishi.missions.workflow import WORKFLOW

pytestmark = pytest.mark.django_db

# People with no business in another agency's application, or none with applications at all.
OUTSIDERS = {"other_liaison", "county_officer", "inspector", "website_editor", "system_admin"}


def test_every_transition_as_every_role(
    confirmed: Callable[..., Any], case_roles: dict[str, Any]
) -> None:
    outcomes = walk_transitions(
        CASE_TYPE, lambda state: force_status(confirmed().case, state), case_roles
    )
    assert len(outcomes) == sum(len(t.sources) for t in WORKFLOW.transitions) * len(case_roles)
    done = allowed(outcomes)
    # Nobody outside the agency and the bureau's working staff moves an application.
    assert not {role for _name, _source, role in done} & OUTSIDERS
    # Every transition has someone holding the right to it.
    may = {o.transition for o in outcomes if not o.forbidden}
    assert may == {t.name for t in WORKFLOW.transitions}
    # The agency files; the bureau decides.
    assert ("submit", "draft", "liaison") in done
    assert ("submit", "draft", "officer") not in done
    assert not {(n, s, r) for n, s, r in done if n == "approve" and r in {"liaison", "signatory"}}
