"""Fixtures of the visits tests: the External Contact Division, the seeded rules, a visit
with a delegation and a schedule, a gift received."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from waishi.cases.testing import DivisionFactory
from waishi.visits import actions
from waishi.visits.constants import VISIT_CASE_TYPE, ItemKind, RankClass


@pytest.fixture(autouse=True)
def national_rules(request: Any) -> None:
    """The seeded rules, written again after a transactional test flushed every table."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from waishi.cases.models import Rule
    from waishi.visits.rule_data import seed

    seed(Rule)


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=VISIT_CASE_TYPE, name_zh_hans="对外联络科")


def arrival_day() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=60)


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def make_visit(liaison: Any, division: Any) -> Callable[..., Any]:
    """A visit of ``liaison``'s agency: a minister-class head, ``days`` days, ``banquets``."""

    def make(
        *,
        actor: Any = None,
        days: int = 3,
        banquets: int = 1,
        rank: str = RankClass.MINISTER,
        reciprocity: bool = False,
        arrival: datetime.date | None = None,
        **extra: Any,
    ) -> Any:
        actor = actor or liaison
        start = arrival or arrival_day()
        case = actions.do_file_visit(
            actor=actor,
            agency=extra.pop("agency", None) or liaison.agency,
            title="德国友好城市代表团来访",
            data={
                "purpose": "友好交流与经贸合作",
                "country": "DE",
                "arrival_date": start,
                "departure_date": start + datetime.timedelta(days=days - 1),
                "hosting_class": "full",
                "reciprocity_agreement": reciprocity,
                **extra,
            },
        )
        visit = case.visit
        actions.do_add_guest(
            actor=actor,
            visit=visit,
            name="米勒",
            foreign_names="Anna Müller",
            sex="female",
            date_of_birth=datetime.date(1970, 5, 1),
            nationality="DE",
            rank_class=rank,
            is_head=True,
            title="市长",
        )
        actions.do_add_schedule_item(
            actor=actor,
            visit=visit,
            data={
                "starts_at": at(start),
                "place": "市政府",
                "activity": "会见",
                "kind": ItemKind.MEETING,
            },
        )
        for n in range(banquets):
            actions.do_add_schedule_item(
                actor=actor,
                visit=visit,
                data={
                    "starts_at": at(start, 18 + n % 3),
                    "place": "星湖宾馆",
                    "activity": f"宴请{n + 1}",
                    "kind": ItemKind.BANQUET,
                    "banquet_format": "seated",
                    "host_rank": "ting_or_below",
                    "cost_per_person": Decimal("280"),
                },
            )
        visit.refresh_from_db()
        return visit

    return make
