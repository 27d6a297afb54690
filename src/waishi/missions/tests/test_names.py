"""The delegation members are named in their cases, so the inbox finds a case by a name."""

from collections.abc import Callable
from typing import Any

import pytest

from waishi.cases.inbox import list_page
from waishi.cases.models import CaseName
from waishi.missions import actions
from waishi.missions import mission_actions as ma
from waishi.missions.names import rebuild_case_names

from .factories import TravellerFactory

pytestmark = pytest.mark.django_db


def names_in(case: Any) -> set[str]:
    return set(CaseName.objects.filter(case=case).values_list("name", flat=True))


def test_the_delegation_is_named_in_the_case_and_found_by_name(
    draft: Callable[..., Any], liaison: Any, officer: Any
) -> None:
    mission = draft(members=3)
    members = [m.traveller for m in mission.members.select_related("traveller")]
    assert names_in(mission.case) == {t.name for t in members}
    newcomer = TravellerFactory(agency=liaison.agency, name="欧阳明远")
    mission = ma.do_set_members(
        actor=liaison,
        mission=mission,
        expected_version=mission.version,
        members=[(members[0], True, ""), (newcomer, False, "")],
    )
    assert names_in(mission.case) == {members[0].name, "欧阳明远"}
    page = list_page(liaison, {"q": "欧阳"}, None)
    assert [row.reference for row in page.rows] == [mission.case.reference]
    # Unfiled, the draft is the agency's alone: the bureau's search does not list it.
    assert list_page(officer, {"tab": "recent", "q": "欧阳"}, None).rows == []


def test_renaming_a_traveller_renames_them_in_their_cases(
    draft: Callable[..., Any], liaison: Any
) -> None:
    mission = draft(members=2)
    traveller = mission.members.get(is_leader=True).traveller
    other = mission.members.get(is_leader=False).traveller
    actions.do_update_traveller(actor=liaison, traveller=traveller, changes={"name": "司马光明"})
    assert names_in(mission.case) == {"司马光明", other.name}


def test_rebuilding_gives_the_names_the_actions_keep(draft: Callable[..., Any]) -> None:
    missions = [draft(members=2), draft(members=4)]
    kept = {(r.case_id, r.name) for r in CaseName.objects.all()}
    assert len(kept) >= 6
    assert rebuild_case_names() == len(kept)
    assert {(r.case_id, r.name) for r in CaseName.objects.all()} == kept
    assert {m.case_id for m in missions} == {case for case, _name in kept}
