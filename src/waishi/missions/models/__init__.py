"""The missions area's tables: rules as data, annual plans, missions."""

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
from .rule import Rule

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
    "Rule",
    "Verdict",
]
