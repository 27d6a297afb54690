"""Fixtures of the missions tests: the mission division, an agency and its people, a
complete application ready to be filed."""

import datetime
import io
from collections.abc import Callable
from typing import Any

import pytest

from waishi.cases.testing import DivisionFactory
from waishi.missions import mission_actions as ma
from waishi.missions.constants import CASE_TYPE, Rank

from .factories import TravellerFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def national_rules(request: Any) -> None:
    """Make sure the seeded national rules are there.

    A transactional test anywhere in the run flushes every table, data-migration rows
    included; the tests after it would otherwise find no rules at all.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from .factories import seed_national_rules

    seed_national_rules()


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="因公出国（境）管理科")


def departure_day() -> datetime.date:
    """A departure far enough ahead for the 45-day lead time."""
    return datetime.date.today() + datetime.timedelta(days=60)


@pytest.fixture
def draft(liaison: Any, division: Any) -> Callable[..., Any]:
    """A complete application (6 members, Germany, 5 days), not yet confirmed."""

    def make(
        *,
        members: int = 6,
        leader_rank: str = Rank.KE_AND_BELOW,
        days: int = 5,
        inviter_kind: str = "counterpart",
        tourist: bool = False,
    ) -> Any:
        mission = ma.do_create_mission(actor=liaison, title="赴德国开展职业教育交流")
        start = departure_day()
        end = start + datetime.timedelta(days=days - 1)
        mission = ma.do_save_basics(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            purpose="考察职业教育合作",
            academic_exchange=False,
            departure_date=start,
            return_date=end,
            planned_mission=None,
            out_of_plan_reason="年中新增的合作任务",
        )
        people = [TravellerFactory(agency=liaison.agency) for _ in range(members)]
        people[0].rank = leader_rank
        people[0].save()
        mission = ma.do_set_members(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            members=[(p, i == 0, "") for i, p in enumerate(people)],
        )
        mission = ma.do_set_destinations(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            destinations=[{"country": "DE", "city": "Berlin", "tasks": "会谈职业教育合作"}],
        )
        items = []
        for offset in range(days):
            for half in ("morning", "afternoon"):
                kind = "official"
                if tourist and offset == 1 and half == "afternoon":
                    kind = "tourist_site"
                items.append(
                    {
                        "date": start + datetime.timedelta(days=offset),
                        "half": half,
                        "city": "Berlin",
                        "activity": "会谈",
                        "kind": kind,
                    }
                )
        mission = ma.do_set_itinerary(
            actor=liaison, mission=mission, expected_version=mission.version, items=items
        )
        mission = ma.do_save_inviter(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            name="Berlin Senate Department for Education",
            country_code="DE",
            contact="info@example.de",
            relation="友好城市教育部门",
            kind=inviter_kind,
            letter=io.BytesIO(PDF),
            letter_name="invitation.pdf",
        )
        mission = ma.do_set_budget(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            lines=[
                {
                    "category": "lodging",
                    "country": "DE",
                    "currency": "EUR",
                    "amount": "3000",
                    "amount_rmb": "23400",
                    "persons": members,
                    "days": days - 1,
                }
            ],
            funding_source="部门预算",
        )
        today = datetime.date.today()
        return ma.do_save_disclosure(
            actor=liaison,
            mission=mission,
            expected_version=mission.version,
            start=today - datetime.timedelta(days=21),
            end=today - datetime.timedelta(days=7),
            place="单位内网公示栏",
        )

    return make


@pytest.fixture
def confirmed(draft: Callable[..., Any], signatory: Any) -> Callable[..., Any]:
    """A complete application confirmed by the agency signatory."""

    def make(**kwargs: Any) -> Any:
        mission = draft(**kwargs)
        return ma.do_confirm(actor=signatory, mission=mission, expected_version=mission.version)

    return make
