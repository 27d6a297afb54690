"""The visits area's rule codes, declared to the kernel's rules engine at start-up.

The numbers are rows of ``cases.Rule`` (area ``visits``), edited by the head of the External
Contact Division; rank-dependent caps have a version per guest rank class.
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import COUNT, RuleArea, RuleDefinition, record, register_rule_area

from .constants import DIVISION, RULE_AREA, RankClass, RuleCode

POSITIVE = {"type": "integer", "minimum": 1}

DEFINITIONS = [
    RuleDefinition(RuleCode.HOSTED_DAYS, RuleCode.HOSTED_DAYS.label, COUNT, 5, unit=RuleUnit.DAYS),
    RuleDefinition(RuleCode.BANQUETS, RuleCode.BANQUETS.label, COUNT, 2, unit=RuleUnit.TIMES),
    RuleDefinition(
        RuleCode.BANQUET_COST,
        RuleCode.BANQUET_COST.label,
        record(
            dict.fromkeys(("minister", "ting_or_below", "buffet", "cocktail", "tea"), COUNT),
            ["minister", "ting_or_below", "buffet", "cocktail", "tea"],
        ),
        {"minister": 400, "ting_or_below": 300, "buffet": 150, "cocktail": 100, "tea": 60},
        unit=RuleUnit.CURRENCY,
    ),
    RuleDefinition(RuleCode.MEALS, RuleCode.MEALS.label, COUNT, 300, unit=RuleUnit.CURRENCY),
    RuleDefinition(RuleCode.LODGING, RuleCode.LODGING.label, POSITIVE, 4),
    RuleDefinition(
        RuleCode.GIFT_VALUE, RuleCode.GIFT_VALUE.label, COUNT, 200, unit=RuleUnit.CURRENCY
    ),
    RuleDefinition(
        RuleCode.GIFTS_PER_VISIT, RuleCode.GIFTS_PER_VISIT.label, COUNT, 1, unit=RuleUnit.TIMES
    ),
    RuleDefinition(
        RuleCode.LEADER_APPROVAL, RuleCode.LEADER_APPROVAL.label, COUNT, 3, unit=RuleUnit.DAYS
    ),
    RuleDefinition(
        RuleCode.DIPLOMAT_LEAD,
        RuleCode.DIPLOMAT_LEAD.label,
        record(
            {"unit_workdays": COUNT, "city_workdays": COUNT}, ["unit_workdays", "city_workdays"]
        ),
        {"unit_workdays": 30, "city_workdays": 25},
        unit=RuleUnit.WORKING_DAYS,
    ),
    RuleDefinition(
        RuleCode.DECLARATION_THRESHOLD,
        RuleCode.DECLARATION_THRESHOLD.label,
        COUNT,
        200,
        unit=RuleUnit.CURRENCY,
    ),
    RuleDefinition(
        RuleCode.DECLARATION_MONTHS,
        RuleCode.DECLARATION_MONTHS.label,
        POSITIVE,
        1,
        unit=RuleUnit.MONTHS,
    ),
]


def register() -> None:
    """Declare the visits area's rules to the kernel (from ``VisitsConfig.ready``)."""
    register_rule_area(
        RuleArea(
            area=RULE_AREA,
            label=_("Foreign visits"),
            division_code=DIVISION,
            ranks=tuple(RankClass.choices),
        ),
        DEFINITIONS,
    )
