"""Which version of each rule is in force on a date, for the bureau's area and a rank.

Checks read rules only through a ``RuleBook``, which is plain data: it is built from database
rows (``load_rulebook``, ``rules_on``) or by hand in a test.

Resolution, the same for every area:

1. a version is in force from its ``effective_from`` to its ``effective_to``, both days
   included (open when empty), and only while it is active;
2. it must bind the bureau's city (GB/T 2260 code): a national rule binds everywhere, a
   province rule binds the cities of its province, a city rule its city; where the rule's or
   the bureau's area code is not recorded, the rule binds as written (the rules kept in a
   bureau's database are its own);
3. of the versions left, one written for the rank asked about beats one for every rank; then
   a city rule beats a province rule, which beats a national one; then the latest to take
   effect wins (then the newest row).
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from .constants import JURISDICTION_SPECIFICITY, Jurisdiction


@dataclass(frozen=True)
class RuleSpec:
    """One rule version as a check needs it; ``id`` names the row a verdict records."""

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
    unit: str = ""

    def in_force_on(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def applies_to_area(self, area_code: str) -> bool:
        """Whether the rule binds a city with GB/T 2260 code ``area_code``."""
        # Where either code is not recorded, the rule binds as written: the rules kept in a
        # bureau's database are its own.
        if self.jurisdiction == Jurisdiction.NATIONAL or not self.area_code or not area_code:
            return True
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
        """The rule ``code`` for ``rank``; None when no rule of that code is in force."""
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


def spec_of(row: Any) -> RuleSpec:
    """The ``RuleSpec`` of a ``Rule`` row."""
    return RuleSpec(
        code=row.code,
        value=row.value,
        severity=row.severity,
        citation=row.citation,
        effective_from=row.effective_from,
        effective_to=row.effective_to,
        jurisdiction=row.jurisdiction,
        area_code=row.area_code,
        rank=row.rank,
        id=row.pk,
        unit=row.unit,
    )


def bureau_area_code() -> str:
    """The administrative area code of the bureau this instance serves (empty if unknown)."""
    from waishi.accounts.models import Bureau

    return Bureau.objects.values_list("area_code", flat=True).first() or ""


def load_rulebook(area: str, on_date: datetime.date, *, area_code: str | None = None) -> RuleBook:
    """Read the active rules of ``area`` in force on ``on_date`` for the bureau's city."""
    from .models import Rule

    if area_code is None:
        area_code = bureau_area_code()
    rows = Rule.objects.filter(area=area, active=True, effective_from__lte=on_date).filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on_date)
    )
    return RuleBook([spec_of(r) for r in rows], on_date=on_date, area_code=area_code)


class RuleBooks:
    """Rule books of one area for many dates from one read of its rules (batch work).

    Use it only while the rules do not change (within one transaction of a batch).
    """

    def __init__(self, area: str) -> None:
        self.area = area
        self._specs: list[RuleSpec] | None = None
        self._area_code = ""

    def on(self, day: datetime.date) -> RuleBook:
        if self._specs is None:
            from .models import Rule

            self._specs = [spec_of(r) for r in Rule.objects.filter(area=self.area, active=True)]
            self._area_code = bureau_area_code()
        return RuleBook(self._specs, on_date=day, area_code=self._area_code)


def rules_on(
    area: str, wanted: Mapping[str, datetime.date | None], *, rank: str = ""
) -> dict[str, RuleSpec | None]:
    """The version of each rule code in ``wanted`` in force on its date (today when None).

    Two queries whatever the number of codes: the bureau's area code and the rules.
    """
    from .models import Rule

    today = timezone.localdate()
    area_code = bureau_area_code()
    specs = [spec_of(r) for r in Rule.objects.filter(area=area, code__in=list(wanted), active=True)]
    return {
        code: RuleBook(specs, on_date=day or today, area_code=area_code).get(code, rank)
        for code, day in wanted.items()
    }
