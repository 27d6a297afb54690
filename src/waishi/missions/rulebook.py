"""Which version of each rule is in force on a date, for a jurisdiction and a rank.

The checker in ``rules.py`` reads rules only through a ``RuleBook``, which is plain data: it
can be built from database rows (``load_rulebook``) or by hand in a test.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .constants import JURISDICTION_SPECIFICITY, Jurisdiction, RuleCode


@dataclass(frozen=True)
class RuleSpec:
    """One rule version as the checker needs it."""

    code: str
    value: Any
    severity: str
    citation: str
    effective_from: datetime.date
    effective_to: datetime.date | None = None
    jurisdiction: str = Jurisdiction.NATIONAL
    area_code: str = ""
    rank: str = ""
    id: int | None = None

    def in_force_on(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def applies_to_area(self, area_code: str) -> bool:
        """Whether the rule binds a city with GB/T 2260 code ``area_code``."""
        if self.jurisdiction == Jurisdiction.NATIONAL:
            return True
        if not area_code or not self.area_code:
            return False
        if self.jurisdiction == Jurisdiction.PROVINCE:
            return self.area_code[:2] == area_code[:2]
        return self.area_code == area_code


class RuleBook:
    """The rules in force on one date for one city, most specific version first."""

    def __init__(self, specs: Iterable[RuleSpec], *, on_date: datetime.date, area_code: str = ""):
        self.on_date = on_date
        self.area_code = area_code
        self.specs = [s for s in specs if s.in_force_on(on_date) and s.applies_to_area(area_code)]

    def get(self, code: str, rank: str = "") -> RuleSpec | None:
        """The rule ``code`` for ``rank``; None when no rule of that code is in force.

        A rule written for the rank beats one for all ranks; then a city rule beats a province
        rule, which beats a national one; then the newest version wins.
        """
        candidates = [s for s in self.specs if s.code == code and s.rank in ("", rank)]
        if not candidates:
            return None
        return max(
            candidates,
            key=lambda s: (
                bool(rank) and s.rank == rank,
                JURISDICTION_SPECIFICITY[Jurisdiction(s.jurisdiction)],
                s.effective_from,
                s.id or 0,
            ),
        )


def _specs(rows: Iterable[Any]) -> list[RuleSpec]:
    return [
        RuleSpec(
            code=r.code,
            value=r.value,
            severity=r.severity,
            citation=r.citation,
            effective_from=r.effective_from,
            effective_to=r.effective_to,
            jurisdiction=r.jurisdiction,
            area_code=r.area_code,
            rank=r.rank,
            id=r.pk,
        )
        for r in rows
    ]


def load_rulebook(on_date: datetime.date, *, area_code: str | None = None) -> RuleBook:
    """Read the active rules in force on ``on_date`` for the bureau's city."""
    from django.db.models import Q

    from .models import Rule

    if area_code is None:
        area_code = bureau_area_code()
    rows = Rule.objects.filter(active=True, effective_from__lte=on_date).filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on_date)
    )
    return RuleBook(_specs(rows), on_date=on_date, area_code=area_code)


class RuleBooks:
    """Rule books for many dates from one read of the rules, for batch work such as imports.

    Use it only while the rules do not change (within one transaction of a batch).
    """

    def __init__(self) -> None:
        self._specs: list[RuleSpec] | None = None
        self._area_code = ""

    def on(self, day: datetime.date) -> RuleBook:
        if self._specs is None:
            from .models import Rule

            self._specs = _specs(Rule.objects.filter(active=True))
            self._area_code = bureau_area_code()
        return RuleBook(self._specs, on_date=day, area_code=self._area_code)


def bureau_area_code() -> str:
    """The administrative area code of the bureau this instance serves (empty if unknown)."""
    from waishi.accounts.models import Bureau

    return Bureau.objects.values_list("area_code", flat=True).first() or ""


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_count_table(value: Any, extra: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    return (
        isinstance(value, dict)
        and bool(value)
        and all((k.isdigit() or k in extra) and _is_count(v) for k, v in value.items())
    )


def check_rule_value(code: str, value: Any) -> list[str]:
    """Why ``value`` is not a valid value for rule ``code`` (empty when it is)."""
    shape_ok = {
        RuleCode.DELEGATION_SIZE: _is_count,
        RuleCode.COUNTRY_COUNT: _is_count,
        RuleCode.TOURIST_SITES: _is_count,
        RuleCode.AGENCY_LEADERS: _is_count,
        RuleCode.DISCLOSURE: _is_count,
        RuleCode.TRIP_REPORT: _is_count,
        RuleCode.DAYS_ABROAD: lambda v: _is_count_table(v, {"extra_latin_america_africa"}),
        RuleCode.LEAD_TIME: _is_count_table,
        RuleCode.OFFICIAL_ACTIVITY: lambda v: (
            isinstance(v, dict)
            and _is_count(v.get("numerator"))
            and _is_count(v.get("denominator"))
            and v["denominator"] > 0
        ),
        RuleCode.TRIP_FREQUENCY: lambda v: (
            isinstance(v, dict)
            and _is_count(v.get("trips"))
            and _is_count(v.get("years"))
            and v["years"] > 0
        ),
        RuleCode.INVITATION: lambda v: (
            isinstance(v, dict)
            and isinstance(v.get("refused"), list)
            and all(isinstance(k, str) for k in v["refused"])
        ),
        RuleCode.BUDGET_CAPS: _budget_caps_ok,
    }.get(RuleCode(code))
    if shape_ok is None:
        return [_("Unknown rule.")]
    if not shape_ok(value):
        return [_("The value does not have the form this rule needs (see docs/missions.md).")]
    return []


def _budget_caps_ok(value: Any) -> bool:
    """Caps: {"US": {"currency": "USD", "lodging": 335, "cities": {"New York": {...}}}}."""
    if not isinstance(value, dict):
        return False
    for entry in value.values():
        if not isinstance(entry, dict) or not isinstance(entry.get("currency", ""), str):
            return False
        for city in (entry.get("cities") or {}).values():
            if not isinstance(city, dict):
                return False
    return True


def table_lookup(table: dict[str, int], count: int) -> int | None:
    """The table's entry for ``count``, or the entry of the largest count below it."""
    keys = sorted(int(k) for k in table if k.isdigit())
    fitting = [k for k in keys if k <= count]
    if not fitting:
        return table.get(str(keys[0])) if keys else None
    return table[str(fitting[-1])]
