"""The rank ladder of a prefecture-level city, and the mapping that moved the former ranks."""

import importlib
from typing import Any

import pytest
from django.apps import apps

from waishi.registers.constants import RANK_ORDER, TING_RANKS, Rank
from waishi.registers.models import Person

from .factories import PersonFactory

pytestmark = pytest.mark.django_db

ladder = importlib.import_module("waishi.registers.migrations.0007_rank_ladder")


def test_the_ladder_runs_from_principal_department_level_to_other_staff() -> None:
    assert [str(r) for r in RANK_ORDER] == [
        "zheng_ting",
        "fu_ting",
        "zheng_chu",
        "fu_chu",
        "ke_and_below",
        "other",
    ]
    assert {Rank.ZHENG_TING, Rank.FU_TING} == TING_RANKS


@pytest.mark.parametrize(
    ("old", "post", "new", "principal"),
    [
        ("city_leader", "市长", "zheng_ting", True),
        ("city_leader", "市委书记", "zheng_ting", True),
        ("city_leader", "副市长", "fu_ting", False),
        ("bureau_level", "局长", "zheng_chu", False),
        ("bureau_level", "副局长", "fu_chu", False),
        ("division_level", "科长", "ke_and_below", False),
        ("division_level", "副科长", "ke_and_below", False),
        ("division_level", "办公室主任", "ke_and_below", False),
        ("division_level", "县长", "zheng_chu", False),
        ("division_level", "副区长", "fu_chu", False),
        ("other", "翻译", "other", False),
    ],
)
def test_the_former_ranks_move_by_the_documented_mapping(
    old: str, post: str, new: str, principal: bool
) -> None:
    person: Any = PersonFactory(post=post)
    Person.objects.filter(pk=person.pk).update(rank=old)
    ladder.forward(apps, None)
    person.refresh_from_db()
    assert (person.rank, person.is_principal_leader) == (new, principal)
