"""Named figures the areas contribute to the reports sent upward, for any period.

An area registers a source once, in its ``AppConfig.ready``::

    from waishi.cases.figures import FigureSource, register_figure_source

    register_figure_source(
        FigureSource("missions", _("Official missions abroad"), "missions", mission_figures)
    )

``figures(period)`` returns ``Figure`` rows computed from the area's own tables for the days
of ``period`` (both ends included), each with the references of the cases behind it, so a
reader can open what was counted. The yearly and half-year summary to the provincial
foreign-affairs office (``waishi.supervision``) reads every source and freezes what it read
when the report is sent.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.functional import Promise


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def half(cls, year: int, half: int) -> "Period":
        """The first (1) or second (2) half of ``year``."""
        if half == 1:
            return cls(datetime.date(year, 1, 1), datetime.date(year, 6, 30))
        return cls(datetime.date(year, 7, 1), datetime.date(year, 12, 31))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, datetime.date) and self.start <= day <= self.end


@dataclass(frozen=True)
class Figure:
    """One named number of a source: ``code`` is unique within it (``batches``,
    ``batches.country.DE``); ``group`` sets rows of a breakdown apart (``by country``)."""

    code: str
    label: str
    value: int | Decimal
    cases: Sequence[str] = ()
    group: str = ""


FigureReader = Callable[[Period], Iterable[Figure]]


@dataclass(frozen=True)
class FigureSource:
    code: str
    label: str | Promise
    area: str
    figures: FigureReader = field(compare=False)
    order: int = 50


_sources: dict[str, FigureSource] = {}


def register_figure_source(source: FigureSource) -> FigureSource:
    """Make a source known (idempotent for the same code and reader)."""
    existing = _sources.get(source.code)
    if existing is not None and existing.figures is not source.figures:
        raise ValueError(f"Figure source {source.code} is registered twice")
    _sources[source.code] = source
    return source


def withdraw_figure_source(code: str) -> None:
    _sources.pop(code, None)


def figure_sources() -> list[FigureSource]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.code))


def compute_figures(
    period: Period, *, sources: Sequence[str] | None = None
) -> list[tuple[FigureSource, list[Figure]]]:
    """Every source's figures for ``period``, sources in order."""
    return [
        (source, list(source.figures(period)))
        for source in figure_sources()
        if sources is None or source.code in sources
    ]
