"""A received gift not declared within the month is on the inspector's list from the day
after its due day; declaring it (late) clears it."""

import datetime
from decimal import Decimal
from typing import Any

import pytest

from waishi.cases.actions import do_transition
from waishi.cases.breaches import BreachQuery, find_breaches
from waishi.registers.tests.factories import PersonFactory
from waishi.visits import actions
from waishi.visits import breaches as vb

pytestmark = pytest.mark.django_db

RECEIVED = datetime.date(2026, 6, 3)
DUE = datetime.date(2026, 7, 3)


def keys(today: datetime.date, **kw: Any) -> list[str]:
    query = BreachQuery(today=today, **kw)
    return [b.key for b in find_breaches(query, sources=[vb.GIFT_NOT_DECLARED])]


def test_a_gift_not_declared_by_its_due_day_is_listed_until_declared(
    liaison: Any, division: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: RECEIVED)
    person = PersonFactory(agency=liaison.agency, name="郑受礼")
    case = actions.do_file_gift(
        actor=liaison,
        agency=liaison.agency,
        recipient=person,
        data={
            "item": "银质纪念盘",
            "kind": "goods",
            "value": Decimal("200"),
            "giver": "汉堡市政府",
            "giver_country": "DE",
            "received_on": RECEIVED,
            "returned_on": None,
            "mission_reference": "",
        },
    )
    gift = case.received_gift
    assert keys(DUE) == []
    assert keys(DUE + datetime.timedelta(days=1)) == [f"gift:{gift.pk}"]
    row = find_breaches(
        BreachQuery(today=DUE + datetime.timedelta(days=1)), sources=[vb.GIFT_NOT_DECLARED]
    )[0]
    assert (row.person_name, row.when, row.case_reference) == ("郑受礼", DUE, case.reference)

    late = DUE + datetime.timedelta(days=5)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: late)
    do_transition(case=case, transition="declare", actor=liaison)
    assert keys(late) == []
    cleared = find_breaches(BreachQuery(today=late, cleared=True), sources=[vb.GIFT_NOT_DECLARED])
    assert [(b.key, b.cleared_on) for b in cleared] == [(f"gift:{gift.pk}", late)]
