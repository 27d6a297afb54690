"""The missions area's tables: rules as data, the people register, annual plans, missions."""

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
    "Traveller",
    "Verdict",
]
