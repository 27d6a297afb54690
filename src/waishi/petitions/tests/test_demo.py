"""The demo: a year of made-up complaints at every stage, loaded once."""

import io
import random
from typing import Any

import pytest

from waishi.accounts.tests.factories import AgencyFactory
from waishi.petitions import demo
from waishi.petitions.models import Petition

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_year_of_complaints_once(division: Any) -> None:
    AgencyFactory(code="education", name_zh_hans="肇庆市教育局")
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    petitions = Petition.objects.select_related("case", "petitioner")
    assert petitions.count() == 36
    statuses = {p.case.status for p in petitions}
    assert "closed" in statuses and len(statuses) >= 5
    assert petitions.filter(against_agency__code="education").exists()
    assert petitions.exclude(satisfaction="").exists()
    for petition in petitions:
        assert petition.petitioner.name[0] in demo.SURNAMES
        assert "虚构" in petition.request
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    assert Petition.objects.count() == 36
