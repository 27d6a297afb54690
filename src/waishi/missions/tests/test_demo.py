"""The missions demo: travellers, a plan and three applications, loaded once."""

import random
from io import StringIO

import pytest

from waishi.accounts import demo as accounts_demo
from waishi.missions import demo
from waishi.missions.models import AnnualPlan, Mission, Traveller

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_the_filed_application_carries_a_warning() -> None:
    out = StringIO()
    accounts_demo.load(stdout=out, rng=random.Random(1))
    demo.load(stdout=out, rng=random.Random(1))
    demo.load(stdout=out, rng=random.Random(1))
    assert Traveller.objects.count() == len(demo.PEOPLE)
    assert Traveller.objects.get(name="单志远").passport_name == "SHAN, ZHIYUAN"
    assert AnnualPlan.objects.count() == 1
    statuses = sorted(Mission.objects.values_list("case__status", flat=True))
    assert statuses == ["approved", "draft", "submitted"]
    filed = Mission.objects.get(case__status="submitted")
    assert [v["rule_code"] for v in filed.verdicts.get().violations] == ["tourist_sites"]
