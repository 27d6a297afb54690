"""The foreign visitors' figures for the reports sent upward (the kernel's ``cases.figures``).

Visits held (not cancelled) that arrived within the period: batches, persons, and both by
the delegation's country or region. Two queries for any period.
"""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.figures import Figure, FigureSource, Period, register_figure_source
from waishi.registers.countries import country_name

from .models import Visit

# A visit counts once its plan was approved and it was not cancelled.
RECEIVED = ("approved", "held", "reported", "closed")


def visit_figures(period: Period) -> Iterator[Figure]:
    rows = list(
        Visit.objects.filter(
            case__status__in=RECEIVED,
            arrival_date__gte=period.start,
            arrival_date__lte=period.end,
        )
        .annotate(persons=Count("guests"))
        .order_by("arrival_date", "pk")
        .values("case__reference", "country", "persons")
    )
    refs = [r["case__reference"] for r in rows]
    yield Figure("batches", _("Delegations received (batches)"), len(rows), refs)
    yield Figure("persons", _("Foreign guests"), sum(r["persons"] for r in rows), refs)
    by_country: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        by_country[r["country"]].append(r)
    group = _("By country or region")
    for country in sorted(by_country):
        found = by_country[country]
        yield Figure(
            f"batches.country.{country}",
            country_name(country),
            len(found),
            [str(r["case__reference"]) for r in found],
            group=group,
        )


def register() -> None:
    register_figure_source(
        FigureSource(
            "visits", gettext_lazy("Foreign visitors received"), "visits", visit_figures, 20
        )
    )
