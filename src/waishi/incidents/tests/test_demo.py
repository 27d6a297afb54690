"""The demo: a year of made-up incidents across nationalities, loaded once."""

import io
import random
from typing import Any

import pytest

from waishi.accounts.tests.factories import AgencyFactory
from waishi.incidents import demo
from waishi.incidents.models import Incident

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_year_of_incidents_once(division: Any) -> None:
    AgencyFactory(code="public-security", name_zh_hans="肇庆市公安局")
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    incidents = Incident.objects.select_related("case")
    assert incidents.count() == 48
    assert len({i.nationality for i in incidents}) >= 6
    assert {i.kind for i in incidents} >= {"criminal", "administrative", "death"}
    assert incidents.filter(dual_national=True).exists()
    assert {i.case.status for i in incidents} >= {"opened", "notified", "closed"}
    surnames = {s for names, _given in demo.NAMES.values() for s in names}
    for incident in incidents.prefetch_related("persons__person"):
        for link in incident.persons.all():
            assert link.person.foreign_names.split(",")[0] in surnames
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    assert Incident.objects.count() == 48
