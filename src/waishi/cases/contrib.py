"""What an area contributes to another area's cases, without either importing the other.

Three registries, filled in ``AppConfig.ready``:

- **Guards** on another case type's transition: ``contribute_guard("CG", "approve", guard)``
  makes the kernel run ``guard(case, actor, inputs)`` after the workflow's own guards.
- **Panels** on another case type's page: ``contribute_panel("CG", CasePanel(template,
  permission))`` includes ``template`` (with ``case`` and ``detail`` in its context) for people
  holding ``permission``.
- **Trips**: the area owning a case type whose cases are journeys registers a reader,
  ``register_trip_reader("CG", reader)``; any area then asks ``trip_of(case)`` for the dates,
  destinations and members' person ids without naming the owning area's models.

Suspension sources live in ``cases.standing`` and person-search hooks in ``cases.registry``.
Registration happens at start-up from code, so it is the same in every process.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .workflow import Guard


@dataclass(frozen=True)
class CasePanel:
    """A template another area shows on the case page, and who may see it."""

    template: str
    permission: str
    order: int = 50


@dataclass(frozen=True)
class Stop:
    """One destination of a trip: a country or region code and its dates when known."""

    country: str
    arrive_on: datetime.date | None = None
    leave_on: datetime.date | None = None
    is_transit: bool = False
    airside_only: bool = False


@dataclass(frozen=True)
class Trip:
    """A case's journey as another area needs it."""

    case_id: int
    start: datetime.date | None
    end: datetime.date | None
    destinations: Sequence[Stop] = ()
    member_ids: Sequence[int] = ()
    # The day the travellers actually came back, once registered.
    returned_on: datetime.date | None = None
    # The owning area's detail row, for code that only passes it back to templates.
    detail: Any = field(default=None, compare=False)


TripReader = Callable[[Any], Trip | None]
# Told, inside the owning area's transaction, that a case's trip was approved with (new)
# dates or that its travellers came back: ``listener(case)``; it reads ``trip_of(case)``
# only when it has something to move, so telling costs nothing where nobody follows.
TripListener = Callable[[Any], None]

_guards: dict[tuple[str, str], list[Guard]] = {}
_panels: dict[str, list[CasePanel]] = {}
_trip_readers: dict[str, TripReader] = {}
_trip_listeners: dict[str, list[TripListener]] = {}


def contribute_guard(case_type: str, transition: str, guard: Guard) -> Guard:
    """Run ``guard`` on ``transition`` of ``case_type`` (idempotent)."""
    guards = _guards.setdefault((case_type, transition), [])
    if guard not in guards:
        guards.append(guard)
    return guard


def withdraw_guard(case_type: str, transition: str, guard: Guard) -> None:
    guards = _guards.get((case_type, transition), [])
    if guard in guards:
        guards.remove(guard)


def contributed_guards(case_type: str, transition: str) -> list[Guard]:
    return list(_guards.get((case_type, transition), ()))


def contribute_panel(case_type: str, panel: CasePanel) -> CasePanel:
    """Show ``panel`` on the pages of ``case_type`` (idempotent)."""
    panels = _panels.setdefault(case_type, [])
    if panel not in panels:
        panels.append(panel)
        panels.sort(key=lambda p: (p.order, p.template))
    return panel


def withdraw_panel(case_type: str, panel: CasePanel) -> None:
    panels = _panels.get(case_type, [])
    if panel in panels:
        panels.remove(panel)


def panels_for(case_type: str, user: Any) -> list[CasePanel]:
    """The contributed panels ``user`` may see on a case of ``case_type``."""
    return [p for p in _panels.get(case_type, ()) if user.has_perm(p.permission)]


def register_trip_reader(case_type: str, reader: TripReader) -> TripReader:
    existing = _trip_readers.get(case_type)
    if existing is not None and existing is not reader:
        raise ValueError(f"A trip reader for {case_type} is registered twice")
    _trip_readers[case_type] = reader
    return reader


def trip_of(case: Any) -> Trip | None:
    """The journey ``case`` describes, or ``None`` when its type has no trip reader."""
    reader = _trip_readers.get(case.case_type)
    return None if reader is None else reader(case)


def on_trip_changed(case_type: str, listener: TripListener) -> TripListener:
    """Call ``listener`` whenever a case of ``case_type`` announces its trip changed."""
    listeners = _trip_listeners.setdefault(case_type, [])
    if listener not in listeners:
        listeners.append(listener)
    return listener


def withdraw_trip_listener(case_type: str, listener: TripListener) -> None:
    if listener in _trip_listeners.get(case_type, []):
        _trip_listeners[case_type].remove(listener)


def trip_changed(case: Any) -> None:
    """The owning area says the case's trip has (new) approved dates or has come back.

    Runs every listener in the caller's transaction (passports recompute the documents'
    due dates), so a failure undoes the change that caused it.
    """
    for listener in _trip_listeners.get(case.case_type, ()):
        listener(case)
