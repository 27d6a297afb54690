"""The missions area's tables: annual plans and missions."""

from .document import ApprovalDocument
from .mission import (
    PARTS_PREFETCH,
    BudgetLine,
    Destination,
    ItineraryItem,
    Mission,
    MissionMember,
    Override,
    Verdict,
)
from .plans import AnnualPlan, PlannedMission

__all__ = [
    "PARTS_PREFETCH",
    "AnnualPlan",
    "ApprovalDocument",
    "BudgetLine",
    "Destination",
    "ItineraryItem",
    "Mission",
    "MissionMember",
    "Override",
    "PlannedMission",
    "Verdict",
]
