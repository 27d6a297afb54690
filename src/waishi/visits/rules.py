"""The rule checks of a visit: every warning with the rule version and its legal source.

``check_visit`` works on plain dataclasses, so it runs the same for a plan being typed, a
filing, the API or a test. Every number comes from the kernel's ``RuleBook`` (area
``visits``); the caps keyed on rank use the head of delegation's rank class.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from waishi.cases.rule_engine import RuleBook, RuleSpec, load_rulebook
from waishi.core.workdays import workdays_between

from .constants import RANK_ORDER, RULE_AREA, BanquetFormat, HostingClass, ItemKind, RankClass
from .constants import RuleCode as R


@dataclass(frozen=True)
class GuestInput:
    name: str
    rank_class: str = RankClass.OTHER
    is_head: bool = False


@dataclass(frozen=True)
class ItemInput:
    starts_on: datetime.date
    activity: str
    kind: str = ItemKind.MEETING
    banquet_format: str = ""
    host_rank: str = ""
    cost_per_person: Decimal | None = None
    city_leader: str = ""
    leader_requested_on: datetime.date | None = None
    leader_approved_on: datetime.date | None = None


@dataclass(frozen=True)
class GiftInput:
    item: str
    value: Decimal
    recipient: str
    to_head: bool = True


@dataclass(frozen=True)
class VisitInput:
    """Everything the rules look at, independent of how the visit is stored."""

    arrival: datetime.date
    departure: datetime.date
    hosting_class: str = HostingClass.FULL
    reciprocity_agreement: bool = False
    invites_diplomats: bool = False
    lodging_stars: int | None = None
    meals_per_day: Decimal | None = None
    guests: tuple[GuestInput, ...] = ()
    schedule: tuple[ItemInput, ...] = ()
    gifts: tuple[GiftInput, ...] = ()
    filed_on: datetime.date | None = None

    @property
    def hosted_days(self) -> int:
        """Days of the visit, the days of arrival and departure included."""
        return (self.departure - self.arrival).days + 1

    @property
    def rank(self) -> str:
        """The rank class that keys the caps: the head's, else the most senior guest's."""
        for guest in self.guests:
            if guest.is_head:
                return guest.rank_class
        ranks = {g.rank_class for g in self.guests}
        return next((str(r) for r in RANK_ORDER if r in ranks), RankClass.OTHER)


@dataclass(frozen=True)
class Violation:
    """A rule the visit breaks: what, how bad, and the rule version and source behind it."""

    rule_code: str
    severity: str
    citation: str
    rule_version_id: int | None
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(R(self.rule_code).label)


def _v(rule: RuleSpec, message: str, **params: Any) -> Violation:
    return Violation(rule.code, rule.severity, rule.citation, rule.id, message % params, params)


def check_visit(
    visit: VisitInput, on_date: datetime.date, *, rulebook: RuleBook | None = None
) -> list[Violation]:
    """Every violation of the rules in force on ``on_date`` (the filing day or today)."""
    book = rulebook if rulebook is not None else load_rulebook(RULE_AREA, on_date)
    found: list[Violation] = []
    for check in CHECKS:
        found.extend(check(visit, book, on_date))
    return found


def _hosted_days(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.HOSTED_DAYS, v.rank)
    if rule is None or v.reciprocity_agreement or v.hosting_class == HostingClass.SELF_PAYING:
        return []
    if v.hosted_days <= rule.value:
        return []
    return [
        _v(
            rule,
            _(
                "The guests are hosted for %(days)d days; without a reciprocity or exchange "
                "agreement at most %(limit)d days are hosted (arrival and departure included), "
                "beyond that the guests pay."
            ),
            days=v.hosted_days,
            limit=rule.value,
        )
    ]


def _banquets(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.BANQUETS, v.rank)
    count = sum(1 for item in v.schedule if item.kind == ItemKind.BANQUET)
    if rule is None or count <= rule.value:
        return []
    return [
        _v(
            rule,
            _(
                "The plan has %(count)d banquets; at most %(limit)d are given per visit "
                "(a joint banquet of a district or county counts)."
            ),
            count=count,
            limit=rule.value,
        )
    ]


def banquet_cap(value: dict[str, int], item: ItemInput) -> int | None:
    """The cap per person of a banquet: by its format, else by the host's rank."""
    if item.banquet_format in (BanquetFormat.BUFFET, BanquetFormat.COCKTAIL, BanquetFormat.TEA):
        return value.get(item.banquet_format)
    return value.get(item.host_rank or "ting_or_below")


def _banquet_cost(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.BANQUET_COST, v.rank)
    if rule is None:
        return []
    found = []
    for item in v.schedule:
        if item.kind != ItemKind.BANQUET or item.cost_per_person is None:
            continue
        cap = banquet_cap(rule.value, item)
        if cap is not None and item.cost_per_person > cap:
            found.append(
                _v(
                    rule,
                    _("%(activity)s costs %(cost)s RMB per person; the cap is %(cap)s RMB."),
                    activity=item.activity,
                    cost=item.cost_per_person,
                    cap=cap,
                )
            )
    return found


def _meals(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.MEALS, v.rank)
    if rule is None or v.meals_per_day is None or v.meals_per_day <= rule.value:
        return []
    return [
        _v(
            rule,
            _(
                "Meals are planned at %(amount)s RMB per person per day; for guests of this "
                "rank the cap is %(cap)s RMB, drinks included."
            ),
            amount=v.meals_per_day,
            cap=rule.value,
        )
    ]


def _lodging(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.LODGING, v.rank)
    if rule is None or v.lodging_stars is None or v.lodging_stars <= rule.value:
        return []
    return [
        _v(
            rule,
            _(
                "The guests are lodged in a %(stars)d-star hotel; for their rank at most "
                "%(cap)d stars."
            ),
            stars=v.lodging_stars,
            cap=rule.value,
        )
    ]


def _gift_value(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.GIFT_VALUE, v.rank)
    if rule is None:
        return []
    return [
        _v(
            rule,
            _(
                "The gift %(item)s is worth %(value)s RMB; for guests of this rank at most "
                "%(cap)s RMB."
            ),
            item=gift.item,
            value=gift.value,
            cap=rule.value,
        )
        for gift in v.gifts
        if gift.value > rule.value
    ]


def _gift_count(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.GIFTS_PER_VISIT, v.rank)
    if rule is None:
        return []
    found = []
    others = [g for g in v.gifts if not g.to_head]
    if others:
        found.append(
            _v(
                rule,
                _("Gifts go to the head of delegation (and spouse) only, not to %(names)s."),
                names="、".join(g.recipient for g in others),
            )
        )
    if len(v.gifts) > rule.value:
        found.append(
            _v(
                rule,
                ngettext(
                    "%(count)d gift is planned; the head of delegation receives at most %(limit)d.",
                    "%(count)d gifts are planned; the head of delegation receives at most "
                    "%(limit)d.",
                    len(v.gifts),
                ),
                count=len(v.gifts),
                limit=rule.value,
            )
        )
    return found


def _leader_approval(v: VisitInput, book: RuleBook, _on: datetime.date) -> list[Violation]:
    rule = book.get(R.LEADER_APPROVAL, v.rank)
    if rule is None:
        return []
    found = []
    for item in v.schedule:
        if not item.city_leader:
            continue
        if item.leader_requested_on is None:
            found.append(
                _v(
                    rule,
                    _(
                        "%(leader)s attends %(activity)s: request the leader's approval at "
                        "least %(limit)d days before the item."
                    ),
                    leader=item.city_leader,
                    activity=item.activity,
                    limit=rule.value,
                )
            )
            continue
        days = (item.starts_on - item.leader_requested_on).days
        if days < rule.value:
            found.append(
                _v(
                    rule,
                    _(
                        "The approval of %(leader)s for %(activity)s was requested %(days)d "
                        "days before the item; at least %(limit)d days are required."
                    ),
                    leader=item.city_leader,
                    activity=item.activity,
                    days=days,
                    limit=rule.value,
                )
            )
        elif item.leader_approved_on is None:
            found.append(
                _v(
                    rule,
                    _("%(leader)s has not yet approved attending %(activity)s."),
                    leader=item.city_leader,
                    activity=item.activity,
                )
            )
    return found


def _diplomats(v: VisitInput, book: RuleBook, on: datetime.date) -> list[Violation]:
    rule = book.get(R.DIPLOMAT_LEAD, v.rank)
    if rule is None or not v.invites_diplomats:
        return []
    filed = v.filed_on or on
    days = workdays_between(filed, v.arrival)
    limit = int(rule.value["unit_workdays"])
    if days >= limit:
        return []
    return [
        _v(
            rule,
            _(
                "Diplomats accredited in China are invited %(days)d working days before the "
                "visit; apply at least %(limit)d working days ahead (the city reports to the "
                "province and the Ministry at least %(city)d working days ahead)."
            ),
            days=days,
            limit=limit,
            city=rule.value["city_workdays"],
        )
    ]


CHECKS = (
    _hosted_days,
    _banquets,
    _banquet_cost,
    _meals,
    _lodging,
    _gift_value,
    _gift_count,
    _leader_approval,
    _diplomats,
)
