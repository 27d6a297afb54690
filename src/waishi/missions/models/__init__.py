"""The missions area's tables: rules as data, the people register and annual plans."""

from .people import Traveller
from .plans import AnnualPlan, PlannedMission
from .rule import Rule

__all__ = ["AnnualPlan", "PlannedMission", "Rule", "Traveller"]
