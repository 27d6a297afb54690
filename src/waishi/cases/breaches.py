"""Breaches of the rules across areas, computed from each area's own data.

An area registers the sources of its breaches once, in its ``AppConfig.ready``::

    from waishi.cases.breaches import BreachSource, register_breach_source

    register_breach_source(
        BreachSource(
            code="passports.overdue_return",
            label=_("Passport not returned to custody in time"),
            area="passports",
            rows=overdue_returns,
        )
    )

``rows(query)`` returns the breaches as they stand now: one ``Breach`` per fact (a hand-out
past its due day, a trip report not filed), read from the area's tables in a fixed number of
queries whatever their size, narrowed by the query (agency, person, period, cleared or not)
and at most ``query.limit`` of them, newest first. Nothing is copied: a breach appears when
the area's data shows it and is cleared (or disappears) when the data no longer does — the
document is back, the report filed, the lock lifted. Readers (the discipline inspector's
workbench) call ``find_breaches(query)`` and never name an area.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise

# At most this many rows from each source for one reading (the workbench pages below it).
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class BreachQuery:
    """What a reader asks for. ``cleared``: ``False`` open only, ``True`` cleared only,
    ``None`` both. ``since``/``until`` bound the day the breach began (both included)."""

    agency_id: int | None = None
    person_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    cleared: bool | None = False
    limit: int = DEFAULT_LIMIT
    today: datetime.date = field(default_factory=timezone.localdate)

    def narrow(
        self,
        queryset: QuerySet[Any],
        *,
        when: str,
        agency: str = "",
        person: str = "",
        cleared: Q | None = None,
    ) -> QuerySet[Any]:
        """Apply the query to ``queryset`` given the lookups of the source's fields.

        ``when``: the day the breach began; ``agency``/``person``: lookups of the agency's and
        the person's ids (a source without a person answers nothing to a person filter);
        ``cleared``: a ``Q`` true for cleared rows.
        """
        if self.agency_id is not None:
            if not agency:
                return queryset.none()
            queryset = queryset.filter(**{agency: self.agency_id})
        if self.person_id is not None:
            if not person:
                return queryset.none()
            queryset = queryset.filter(**{person: self.person_id})
        if self.since is not None:
            queryset = queryset.filter(**{f"{when}__gte": self.since})
        if self.until is not None:
            queryset = queryset.filter(**{f"{when}__lte": self.until})
        if cleared is not None and self.cleared is not None:
            queryset = queryset.filter(cleared) if self.cleared else queryset.exclude(cleared)
        return queryset.order_by(f"-{when}")


@dataclass(frozen=True)
class Breach:
    """One breach as the inspector reads it."""

    source: str
    # Stable within the source (``"handout:12"``): the same fact keeps the same key.
    key: str
    # The day the breach began (the due day passed, the warning accepted).
    when: datetime.date
    what: str
    agency_id: int | None = None
    person_id: int | None = None
    person_name: str = ""
    case_id: int | None = None
    case_reference: str = ""
    rule_code: str = ""
    citation: str = ""
    # The day it was put right (the document back, the report filed, the lock lifted).
    cleared_on: datetime.date | None = None
    # Filled in by ``find_breaches`` (one query for every row).
    agency_name: str = ""

    @property
    def cleared(self) -> bool:
        return self.cleared_on is not None

    @property
    def uid(self) -> str:
        """The breach's name across sources (``passports.overdue_return:handout:12``)."""
        return f"{self.source}:{self.key}"


BreachReader = Callable[[BreachQuery], Iterable[Breach]]


@dataclass(frozen=True)
class BreachSource:
    """One kind of breach an area reports, and how to read it."""

    code: str  # "<area>.<kind>"
    label: str | Promise
    area: str  # the area's app label
    rows: BreachReader = field(compare=False)
    order: int = 50


_sources: dict[str, BreachSource] = {}


def register_breach_source(source: BreachSource) -> BreachSource:
    """Make a source known (idempotent for the same code and reader)."""
    existing = _sources.get(source.code)
    if existing is not None and existing.rows is not source.rows:
        raise ValueError(f"Breach source {source.code} is registered twice")
    if not source.code.startswith(source.area + "."):
        raise ValueError(f"Breach source {source.code} must start with its area {source.area}.")
    _sources[source.code] = source
    return source


def withdraw_breach_source(code: str) -> None:
    _sources.pop(code, None)


def breach_sources() -> list[BreachSource]:
    """Every registered source, by order and code."""
    return sorted(_sources.values(), key=lambda s: (s.order, s.code))


def get_breach_source(code: str) -> BreachSource:
    try:
        return _sources[code]
    except KeyError:
        raise LookupError(f"Unknown breach source {code}") from None


def source_label(code: str) -> str:
    source = _sources.get(code)
    return str(source.label) if source else code


def find_breaches(
    query: BreachQuery | None = None,
    *,
    sources: Sequence[str] | None = None,
    areas: Sequence[str] | None = None,
) -> list[Breach]:
    """The breaches of the chosen sources (all by default), newest first.

    Costs each source's own queries (one for the sources of the areas here) and one for the
    agencies' names, whatever the number of rows; at most ``query.limit`` rows in all.
    """
    query = query or BreachQuery()
    found: list[Breach] = []
    for source in breach_sources():
        if sources is not None and source.code not in sources:
            continue
        if areas is not None and source.area not in areas:
            continue
        found.extend(r for r in source.rows(query) if _matches(r, query))
    found.sort(key=lambda b: (b.when, b.source, b.key), reverse=True)
    found = found[: query.limit]
    return _with_agency_names(found)


def _matches(breach: Breach, query: BreachQuery) -> bool:
    """The query checked again on each row, so a source that reads loosely stays right."""
    if query.agency_id is not None and breach.agency_id != query.agency_id:
        return False
    if query.since is not None and breach.when < query.since:
        return False
    if query.until is not None and breach.when > query.until:
        return False
    return query.cleared is None or breach.cleared == query.cleared


def _with_agency_names(found: list[Breach]) -> list[Breach]:
    ids = {b.agency_id for b in found if b.agency_id is not None}
    if not ids:
        return found
    from waishi.accounts.models import Agency

    names = {a.pk: str(a) for a in Agency.objects.filter(pk__in=ids)}
    return [replace(b, agency_name=names.get(b.agency_id, "")) if b.agency_id else b for b in found]


def local_day(moment: datetime.datetime | None) -> datetime.date | None:
    """The local calendar day of a stored moment (for ``cleared_on`` from a timestamp)."""
    return timezone.localdate(moment) if moment is not None else None
