"""The missions area's rule codes, declared to the kernel's rules engine at start-up.

Each code says the form its value takes (a JSON Schema subset, see
``waishi.cases.rule_registry``), an example, and its unit; the numbers themselves are rows of
``cases.Rule`` (area ``missions``), edited by the head of the Mission Administration Division.
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import (
    COUNT,
    RuleArea,
    RuleDefinition,
    count_table,
    record,
    register_rule_area,
)

from .constants import MISSION_DIVISION, RULE_AREA, RULE_RANKS, RuleCode

POSITIVE = {"type": "integer", "minimum": 1}

BUDGET_CAPS_SCHEMA = {
    "type": "object",
    "propertyNames": {"pattern": "[A-Za-z]{2}"},
    "additionalProperties": {
        "type": "object",
        "properties": {
            "currency": {"type": "string"},
            "cities": {"type": "object", "additionalProperties": {"type": "object"}},
        },
    },
}

DEFINITIONS = [
    RuleDefinition(
        RuleCode.DELEGATION_SIZE, RuleCode.DELEGATION_SIZE.label, COUNT, 6, unit=RuleUnit.PEOPLE
    ),
    RuleDefinition(
        RuleCode.COUNTRY_COUNT, RuleCode.COUNTRY_COUNT.label, COUNT, 3, unit=RuleUnit.COUNTRIES
    ),
    RuleDefinition(
        RuleCode.DAYS_ABROAD,
        RuleCode.DAYS_ABROAD.label,
        count_table("extra_latin_america_africa"),
        {"1": 5, "2": 8, "3": 10, "extra_latin_america_africa": 1},
        unit=RuleUnit.DAYS,
    ),
    RuleDefinition(
        RuleCode.OFFICIAL_ACTIVITY,
        RuleCode.OFFICIAL_ACTIVITY.label,
        record({"numerator": COUNT, "denominator": POSITIVE}, ["numerator", "denominator"]),
        {"numerator": 2, "denominator": 3},
    ),
    RuleDefinition(RuleCode.TOURIST_SITES, RuleCode.TOURIST_SITES.label, COUNT, 0),
    RuleDefinition(
        RuleCode.INVITATION,
        RuleCode.INVITATION.label,
        record({"refused": {"type": "array", "items": {"type": "string"}}}, ["refused"]),
        {"refused": ["intermediary"]},
    ),
    RuleDefinition(
        RuleCode.AGENCY_LEADERS, RuleCode.AGENCY_LEADERS.label, COUNT, 2, unit=RuleUnit.PEOPLE
    ),
    RuleDefinition(
        RuleCode.TRIP_FREQUENCY,
        RuleCode.TRIP_FREQUENCY.label,
        record({"trips": COUNT, "years": POSITIVE}, ["trips", "years"]),
        {"trips": 1, "years": 2},
        unit=RuleUnit.TRIPS,
    ),
    RuleDefinition(
        RuleCode.DISCLOSURE, RuleCode.DISCLOSURE.label, COUNT, 5, unit=RuleUnit.WORKING_DAYS
    ),
    RuleDefinition(
        RuleCode.LEAD_TIME, RuleCode.LEAD_TIME.label, count_table(), {"1": 45}, unit=RuleUnit.DAYS
    ),
    RuleDefinition(RuleCode.TRIP_REPORT, RuleCode.TRIP_REPORT.label, COUNT, 30, unit=RuleUnit.DAYS),
    RuleDefinition(
        RuleCode.BUDGET_CAPS,
        RuleCode.BUDGET_CAPS.label,
        BUDGET_CAPS_SCHEMA,
        {"US": {"currency": "USD", "lodging": 335, "cities": {"New York": {"lodging": 400}}}},
        unit=RuleUnit.CURRENCY,
        # The budget check compares lines with the caps; without caps it checks nothing.
        needs_value=True,
        empty_warning=_("No per-diem caps configured: budget lines are not checked."),
    ),
]


def register() -> None:
    """Declare the missions area's rules to the kernel (from ``MissionsConfig.ready``)."""
    register_rule_area(
        RuleArea(
            area=RULE_AREA,
            label=_("Missions"),
            division_code=MISSION_DIVISION,
            ranks=RULE_RANKS,
        ),
        DEFINITIONS,
    )
