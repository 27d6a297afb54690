"""Fixtures of the complaints tests: the division, its staff and a way to record complaints."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from waishi.cases.testing import (  # noqa: F401  (fixtures)
    DivisionFactory,
    agency,
    case_roles,
    head,
    leader,
    liaison,
    officer,
    other_agency,
    other_liaison,
    signatory,
)
from waishi.petitions.constants import CASE_TYPE, Category, Channel, RightsArea


@pytest.fixture(autouse=True)
def rules(request: Any) -> None:
    """The seeded rules (a transactional test elsewhere may have flushed them)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from waishi.cases.models import Rule
    from waishi.petitions.rule_data import seed

    seed(Rule)


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="侨务科")


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def record(officer: Any) -> Callable[..., Any]:  # noqa: F811 (the fixture imported above)
    """Record a complaint as the division's officer (a claim about 侨房 by letter by default)."""
    from waishi.petitions.actions import PetitionerIn, PetitionIn, do_record_petition

    def make(
        *,
        received_on: datetime.date | None = None,
        category: str = Category.CLAIM,
        channel: str = Channel.LETTER,
        against_name: str = "端州区住房和城乡建设局",
        against_agency: Any = None,
        against_division: Any = None,
        people_count: int = 1,
        actor: Any = None,
        key: str = "",
    ) -> Any:
        return do_record_petition(
            actor=actor or officer,
            petition=PetitionIn(
                channel=channel,
                category=category,
                rights_area=RightsArea.HOUSING,
                received_on=received_on or timezone.localdate(),
                request="祖屋被他人占用，请求依法腾退。",
                against_name=against_name,
                against_agency=against_agency,
                against_division=against_division,
                people_count=people_count,
            ),
            petitioner=PetitionerIn(
                name="黄侨眷",
                sex="female",
                date_of_birth=datetime.date(1958, 4, 2),
                phone="13800138000",
            ),
            idempotency_key=key,
        )

    return make
