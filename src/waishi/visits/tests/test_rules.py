"""The reception rules at their boundaries, with the seeded national rules (both databases)."""

import datetime
from decimal import Decimal

import pytest

from waishi.core.workdays import add_workdays
from waishi.visits.constants import ItemKind, RankClass
from waishi.visits.rules import GiftInput, GuestInput, ItemInput, VisitInput, check_visit

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 9, 7)
MINISTER = (GuestInput("米勒", RankClass.MINISTER, is_head=True),)
DIRECTOR = (GuestInput("米勒", RankClass.DIRECTOR, is_head=True),)


def codes(visit: VisitInput, on: datetime.date = DAY) -> list[str]:
    return [v.rule_code for v in check_visit(visit, on)]


def visit(days: int = 3, **kwargs: object) -> VisitInput:
    base = {
        "arrival": DAY,
        "departure": DAY + datetime.timedelta(days=days - 1),
        "guests": MINISTER,
    }
    return VisitInput(**(base | kwargs))  # type: ignore[arg-type]


def banquet(n: int, **kwargs: object) -> ItemInput:
    return ItemInput(DAY, f"宴请{n}", kind=ItemKind.BANQUET, **kwargs)  # type: ignore[arg-type]


def test_fifth_hosted_day_passes_and_sixth_is_warned_with_its_source() -> None:
    assert "hosted_days" not in codes(visit(5))
    found = check_visit(visit(6), DAY)
    (warning,) = [v for v in found if v.rule_code == "hosted_days"]
    assert warning.severity == "warning"
    assert "第六条" in warning.citation
    assert "6" in warning.message


def test_sixth_day_is_fine_with_a_reciprocity_agreement_or_self_paying_guests() -> None:
    assert "hosted_days" not in codes(visit(6, reciprocity_agreement=True))
    assert "hosted_days" not in codes(visit(6, hosting_class="self_paying"))


def test_second_banquet_passes_and_third_is_warned() -> None:
    assert "banquets_per_visit" not in codes(visit(schedule=(banquet(1), banquet(2))))
    three = visit(schedule=(banquet(1), banquet(2), banquet(3)))
    assert "banquets_per_visit" in codes(three)


def test_banquet_cost_cap_depends_on_the_host_rank_and_the_format() -> None:
    at_cap = banquet(1, host_rank="minister", banquet_format="seated", cost_per_person=Decimal(400))
    over = banquet(
        1, host_rank="ting_or_below", banquet_format="seated", cost_per_person=Decimal(301)
    )
    buffet = banquet(1, host_rank="minister", banquet_format="buffet", cost_per_person=Decimal(151))
    assert "banquet_cost" not in codes(visit(schedule=(at_cap,)))
    assert "banquet_cost" in codes(visit(schedule=(over,)))
    assert "banquet_cost" in codes(visit(schedule=(buffet,)))


def test_gift_cap_is_keyed_on_the_head_of_delegations_rank() -> None:
    assert "gift_value" not in codes(visit(gifts=(GiftInput("端砚", Decimal(400), "米勒"),)))
    assert "gift_value" in codes(visit(gifts=(GiftInput("端砚", Decimal("400.01"), "米勒"),)))
    director = visit(guests=DIRECTOR, gifts=(GiftInput("端砚", Decimal(201), "米勒"),))
    assert "gift_value" in codes(director)
    director_ok = visit(guests=DIRECTOR, gifts=(GiftInput("端砚", Decimal(200), "米勒"),))
    assert "gift_value" not in codes(director_ok)


def test_one_gift_to_the_head_only() -> None:
    one = visit(gifts=(GiftInput("端砚", Decimal(300), "米勒"),))
    assert "gifts_per_visit" not in codes(one)
    two = visit(
        gifts=(GiftInput("端砚", Decimal(300), "米勒"), GiftInput("茶", Decimal(50), "米勒"))
    )
    assert "gifts_per_visit" in codes(two)
    other = visit(gifts=(GiftInput("茶", Decimal(50), "施密特", to_head=False),))
    assert "gifts_per_visit" in codes(other)


def test_meals_and_lodging_caps_by_rank() -> None:
    assert "meals_per_day" not in codes(visit(meals_per_day=Decimal(500)))
    assert "meals_per_day" in codes(visit(meals_per_day=Decimal(501)))
    assert "meals_per_day" in codes(visit(guests=DIRECTOR, meals_per_day=Decimal(301)))
    assert "lodging_stars" not in codes(visit(lodging_stars=5))
    assert "lodging_stars" in codes(visit(guests=DIRECTOR, lodging_stars=5))
    assert "lodging_stars" not in codes(visit(guests=DIRECTOR, lodging_stars=4))


def test_city_leaders_approval_requested_three_days_ahead_passes_two_is_warned() -> None:
    item = {
        "starts_on": DAY,
        "activity": "会见",
        "city_leader": "王市长",
        "leader_approved_on": DAY,
    }
    three = ItemInput(leader_requested_on=DAY - datetime.timedelta(days=3), **item)  # type: ignore[arg-type]
    two = ItemInput(leader_requested_on=DAY - datetime.timedelta(days=2), **item)  # type: ignore[arg-type]
    assert "leader_approval_days" not in codes(visit(schedule=(three,)))
    assert "leader_approval_days" in codes(visit(schedule=(two,)))
    unapproved = ItemInput(
        DAY, "会见", city_leader="王市长", leader_requested_on=DAY - datetime.timedelta(days=5)
    )
    assert "leader_approval_days" in codes(visit(schedule=(unapproved,)))


def test_diplomats_invited_thirty_working_days_ahead_pass_twenty_nine_are_warned() -> None:
    filed = datetime.date(2026, 6, 1)
    on_time = visit(invites_diplomats=True, filed_on=filed, arrival=add_workdays(filed, 30))
    late = visit(invites_diplomats=True, filed_on=filed, arrival=add_workdays(filed, 29))
    on_time = VisitInput(**{**on_time.__dict__, "departure": on_time.arrival})
    late = VisitInput(**{**late.__dict__, "departure": late.arrival})
    assert "diplomat_lead_time" not in codes(on_time, filed)
    assert "diplomat_lead_time" in codes(late, filed)
