"""The missions' figures for the reports sent upward (the kernel's ``cases.figures``).

Missions that went ahead (approved, whatever happened after) and left within the period:
batches, persons, person-days abroad (departure and return days included), and the batches
and persons by country or region visited and by rank. Three queries for any period.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.figures import Figure, FigureSource, Period, register_figure_source
from waishi.registers.countries import country_name

from .constants import Rank
from .models import Destination, Mission, MissionMember

# The states of a mission that was approved: it counts whether it has left, come back or
# been closed since.
WENT_AHEAD = ("approved", "change_requested", "departed", "back_home", "report_submitted", "closed")


def mission_figures(period: Period) -> Iterator[Figure]:
    rows = list(
        Mission.objects.filter(
            case__status__in=WENT_AHEAD,
            departure_date__gte=period.start,
            departure_date__lte=period.end,
        )
        .annotate(persons=Count("members"))
        .order_by("departure_date", "pk")
        .values("pk", "case__reference", "departure_date", "return_date", "persons")
    )
    refs = [r["case__reference"] for r in rows]
    reference = {r["pk"]: r["case__reference"] for r in rows}
    persons = {r["pk"]: r["persons"] for r in rows}
    yield Figure("batches", _("Missions (batches)"), len(rows), refs)
    yield Figure("persons", _("Persons"), sum(persons.values()), refs)
    person_days = 0
    for r in rows:
        if r["departure_date"] is not None and r["return_date"] is not None:
            person_days += r["persons"] * ((r["return_date"] - r["departure_date"]).days + 1)
    yield Figure("person_days", _("Person-days abroad"), person_days, refs)
    by_country: dict[str, set[int]] = defaultdict(set)
    for stop in Destination.objects.filter(mission_id__in=reference, is_transit=False).values(
        "mission_id", "country"
    ):
        by_country[stop["country"]].add(stop["mission_id"])
    group = _("By country or region")
    for country in sorted(by_country):
        ids = sorted(by_country[country])
        yield Figure(
            f"batches.country.{country}",
            country_name(country),
            len(ids),
            [reference[i] for i in ids],
            group=group,
        )
    by_rank: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for member in MissionMember.objects.filter(mission_id__in=reference).values(
        "mission_id", "traveller__rank"
    ):
        rank = member["traveller__rank"] or ""
        by_rank[rank].add(member["mission_id"])
        counts[rank] += 1
    group = _("Persons by rank")
    labels = dict(Rank.choices)
    for rank in sorted(counts):
        yield Figure(
            f"persons.rank.{rank or 'none'}",
            str(labels.get(rank, _("Rank not recorded"))),
            counts[rank],
            [reference[i] for i in sorted(by_rank[rank])],
            group=group,
        )


def register() -> None:
    register_figure_source(
        FigureSource(
            "missions", gettext_lazy("Official missions abroad"), "missions", mission_figures, 10
        )
    )
