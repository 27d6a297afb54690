"""Supervision's own contributions: rectification overdue as a breach (``cases.breaches``)
and the inspections' figures for the reports upward (``cases.figures``). One query each."""

from collections.abc import Iterator

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from waishi.cases.breaches import Breach, BreachQuery, local_day
from waishi.cases.figures import Figure, Period
from waishi.cases.models import Clock

from .constants import CASE_TYPE, RECTIFICATION_CLOCK, MeasureKind, RuleCode
from .models import Inspection, Measure


def _clock(field: str) -> Subquery:
    return Subquery(
        Clock.objects.filter(case_id=OuterRef("case_id"), code=RECTIFICATION_CLOCK).values(field)[
            :1
        ]
    )


def rectification_overdue(query: BreachQuery) -> Iterator[Breach]:
    """An inspected agency past its rectification day; cleared when the head confirms it."""
    rows = query.narrow(
        Inspection.objects.annotate(
            due=_clock("due_date"), ended=_clock("ended_at"), citation_text=_clock("rule__citation")
        ).filter(due__lt=query.today),
        when="due",
        agency="case__agency_id",
        person="person_id",
        cleared=Q(case__is_open=False),
    ).values(
        "pk",
        "due",
        "ended",
        "case_id",
        "case__reference",
        "case__agency_id",
        "person_id",
        "person__name",
        "citation_text",
        "case__is_open",
    )[: query.limit]
    for r in rows:
        ended = local_day(r["ended"]) if not r["case__is_open"] else None
        if ended is not None and ended <= r["due"]:
            continue
        yield Breach(
            source="supervision.rectification_overdue",
            key=f"inspection:{r['pk']}",
            when=r["due"],
            what=_("Rectification required by inspection %(reference)s was due on %(due)s.")
            % {"reference": r["case__reference"], "due": r["due"]},
            agency_id=r["case__agency_id"],
            person_id=r["person_id"],
            person_name=r["person__name"] or "",
            case_id=r["case_id"],
            case_reference=r["case__reference"],
            rule_code=str(RuleCode.RECTIFICATION_DAYS),
            citation=r["citation_text"] or "",
            cleared_on=ended,
        )


def inspection_figures(period: Period) -> Iterator[Figure]:
    opened = list(
        Inspection.objects.filter(
            case__case_type=CASE_TYPE,
            case__created_at__date__gte=period.start,
            case__created_at__date__lte=period.end,
        )
        .order_by("case__created_at")
        .values_list("case__reference", flat=True)
    )
    yield Figure("inspections", _("Discipline inspections opened"), len(opened), opened)
    measures = list(
        Measure.objects.filter(taken_on__gte=period.start, taken_on__lte=period.end).values(
            "kind", "inspection__case__reference"
        )
    )
    group = _("Measures taken")
    for value, label in MeasureKind.choices:
        refs = sorted({m["inspection__case__reference"] for m in measures if m["kind"] == value})
        count = sum(1 for m in measures if m["kind"] == value)
        if count:
            yield Figure(f"measures.{value}", str(label), count, refs, group=group)
