"""The demo's visits and gifts load through the ordinary actions, once."""

import io
import random
from typing import Any

import pytest

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.models import Case
from waishi.registers.tests.factories import PersonFactory
from waishi.visits import demo
from waishi.visits.models import GiftGiven, Guest, ReceivedGift, Visit

pytestmark = pytest.mark.django_db


def test_the_demo_loads_visits_in_every_state_and_gifts_once(
    division: Any, agency: Any, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path
    make_user(Role.LIAISON_OFFICER, agency=agency, username="liaison.demo")
    PersonFactory(agency=agency)
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    states = set(Case.objects.filter(case_type="JD").values_list("status", flat=True))
    assert {"plan", "review", "approved", "closed"} <= states
    assert Visit.objects.count() == 36
    assert not Guest.objects.exclude(person__kinds="foreign_guest").exists()
    assert GiftGiven.objects.count() == 36
    assert ReceivedGift.objects.filter(case__status="disposed").exists()
    counts = (Visit.objects.count(), ReceivedGift.objects.count())
    demo.load(stdout=io.StringIO(), rng=random.Random(1))
    assert (Visit.objects.count(), ReceivedGift.objects.count()) == counts
    assert "contact.head" in (tmp_path / "demo-logins.txt").read_text(encoding="utf-8")
