"""Foreign-related incidents' figures for the reports sent upward (``cases.figures``).

Cases that began within the period, in all and by kind: counts only, the restricted cases'
details stay with the consular staff. One query for any period.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.cases.figures import Figure, FigureSource, Period, register_figure_source

from .constants import IncidentKind
from .models import Incident


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def incident_figures(period: Period) -> Iterator[Figure]:
    rows = list(
        Incident.objects.filter(
            began_at__gte=_moment(period.start),
            began_at__lt=_moment(period.end + datetime.timedelta(days=1)),
        )
        .order_by("began_at", "pk")
        .values("kind", "case__reference")
    )
    yield Figure(
        "cases", _("Foreign-related cases"), len(rows), [r["case__reference"] for r in rows]
    )
    by_kind: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r["case__reference"])
    group = _("By kind")
    for value, label in IncidentKind.choices:
        if by_kind.get(value):
            yield Figure(
                f"cases.kind.{value}", str(label), len(by_kind[value]), by_kind[value], group=group
            )


def register() -> None:
    register_figure_source(
        FigureSource(
            "incidents",
            gettext_lazy("Foreign-related incidents"),
            "incidents",
            incident_figures,
            30,
        )
    )
