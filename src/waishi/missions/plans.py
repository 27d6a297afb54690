"""Planned against used: how much of an agency's annual plan its missions have taken up."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from .models import AnnualPlan, Mission, PlannedMission
from .workflow import TRIP_STATES


@dataclass(frozen=True)
class PlanUsage:
    planned_missions: int
    planned_persons: int
    used_missions: int
    used_persons: int
    outside_plan: int


def entries_with_use(plan: AnnualPlan) -> list[PlannedMission]:
    """The plan's entries, each with ``used`` (approved missions) and ``used_persons``."""
    used = Q(missions__case__status__in=TRIP_STATES)
    return list(
        plan.entries.annotate(
            used=Count("missions", filter=used, distinct=True),
            used_persons=Count("missions__members", filter=used),
        ).order_by("month", "sort_order", "id")
    )


def plan_usage(plan: AnnualPlan) -> PlanUsage:
    """Totals of the plan against the agency's approved missions departing in its year."""
    entries = entries_with_use(plan)
    outside = Mission.objects.filter(
        case__agency_id=plan.agency_id,
        case__status__in=TRIP_STATES,
        planned_mission__isnull=True,
        departure_date__year=plan.year,
    ).count()
    return PlanUsage(
        planned_missions=len(entries),
        planned_persons=sum(e.size for e in entries),
        used_missions=sum(getattr(e, "used", 0) for e in entries),
        used_persons=sum(getattr(e, "used_persons", 0) for e in entries),
        outside_plan=outside,
    )


def with_totals(plans: Any) -> Any:
    """Annotate plans with planned and used totals in one query, whatever their number."""
    entries = PlannedMission.objects.filter(plan=OuterRef("pk")).values("plan")
    used = Mission.objects.filter(
        planned_mission__plan=OuterRef("pk"), case__status__in=TRIP_STATES
    ).values("planned_mission__plan")
    return plans.annotate(
        planned_missions=Coalesce(Subquery(entries.annotate(n=Count("id")).values("n")), 0),
        planned_persons=Coalesce(Subquery(entries.annotate(n=Sum("size")).values("n")), 0),
        used_missions=Coalesce(Subquery(used.annotate(n=Count("id")).values("n")), 0),
    )
