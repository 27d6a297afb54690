"""The missions area's tables: the people register, annual plans, missions."""

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
from .people import Traveller
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
    "Traveller",
    "Verdict",
]
