"""The demo: two past rounds walked to the decision and the current round, loaded once."""

import io
import random
from typing import Any

import pytest

from waishi.accounts.tests.factories import AgencyFactory
from waishi.honours import demo
from waishi.honours.models import HonoraryCitizen, HonoraryRound, Nomination

pytestmark = pytest.mark.django_db


def test_the_demo_loads_two_past_rounds_and_the_current_one_once(
    division: Any, foreign_division: Any, portal: Any
) -> None:
    AgencyFactory(code="federation-returned", name_zh_hans="肇庆市归国华侨联合会")
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    assert list(HonoraryRound.objects.order_by("number").values_list("number", "status")) == [
        (3, "decided"),
        (4, "decided"),
        (5, "open"),
    ]
    assert HonoraryCitizen.objects.count() == 6
    assert HonoraryCitizen.objects.filter(status="revoked").count() == 1
    statuses = set(Nomination.objects.values_list("case__status", flat=True))
    assert statuses >= {"conferred", "not_recommended", "filed", "checking"}
    assert all(r.notice_page_id for r in HonoraryRound.objects.filter(number__lt=5))
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    assert HonoraryRound.objects.count() == 3
