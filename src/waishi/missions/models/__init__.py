"""The missions area's tables: rules as data, the people register, annual plans, missions."""

from .mission import (
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
    "AnnualPlan",
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
