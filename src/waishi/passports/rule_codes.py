"""The passports area's custody rule codes, declared to the kernel's rules engine at start-up.

The numbers are rows of ``cases.Rule`` (area ``passports``), edited by the head of the
Passport & Visa Division; a value is an object whose key names the unit (``{"days": 7}``).
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import Business, RuleUnit
from waishi.cases.rule_registry import RuleArea, RuleDefinition, record, register_rule_area

from .constants import PASSPORT_DIVISION, RULE_AREA, EndorsementKind, RuleCode


def _at_least(least: int) -> dict[str, object]:
    return {"type": "integer", "minimum": least}


DEFINITIONS = [
    RuleDefinition(
        RuleCode.RETURN_DAYS,
        RuleCode.RETURN_DAYS.label,
        record({"days": _at_least(0), "roll_to_workday": {"type": "boolean"}}, ["days"]),
        {"days": 7, "roll_to_workday": True},
        unit=RuleUnit.DAYS,
    ),
    RuleDefinition(
        RuleCode.REMINDER_INTERVAL,
        RuleCode.REMINDER_INTERVAL.label,
        # Working days ("workdays"), so nobody is reminded or suspended over a holiday they
        # could not act in; calendar "days" are still read from older versions.
        {**record({"days": _at_least(1), "workdays": _at_least(1)}, []), "minProperties": 1},
        {"workdays": 3},
        unit=RuleUnit.WORKING_DAYS,
    ),
    RuleDefinition(
        RuleCode.REMINDERS_BEFORE_LOCK,
        RuleCode.REMINDERS_BEFORE_LOCK.label,
        record({"count": _at_least(1)}, ["count"]),
        {"count": 3},
        unit=RuleUnit.TIMES,
    ),
    RuleDefinition(
        RuleCode.EXPIRY_MARGIN,
        RuleCode.EXPIRY_MARGIN.label,
        record({"months": _at_least(0)}, ["months"]),
        {"months": 6},
        unit=RuleUnit.MONTHS,
    ),
    RuleDefinition(
        RuleCode.HK_MACAO_STAY,
        RuleCode.HK_MACAO_STAY.label,
        record({"days": _at_least(1)}, ["days"]),
        {"days": 30},
        unit=RuleUnit.DAYS,
    ),
    RuleDefinition(
        RuleCode.ISSUANCE_DAYS,
        RuleCode.ISSUANCE_DAYS.label,
        record({"workdays": _at_least(1)}, ["workdays"]),
        {"workdays": 5},
        unit=RuleUnit.WORKING_DAYS,
    ),
    RuleDefinition(
        RuleCode.OFFICIAL_ENDORSEMENTS,
        RuleCode.OFFICIAL_ENDORSEMENTS.label,
        record(
            {
                "kinds": {
                    "type": "array",
                    "items": {"type": "string", "enum": [str(k) for k in EndorsementKind]},
                }
            },
            ["kinds"],
        ),
        {"kinds": ["visit"]},
    ),
    RuleDefinition(
        RuleCode.SUSPENSION_COVERS,
        RuleCode.SUSPENSION_COVERS.label,
        record(
            {
                "businesses": {
                    "type": "array",
                    "items": {"type": "string", "enum": [str(b) for b in Business]},
                }
            },
            ["businesses"],
        ),
        {"businesses": ["filing", "approval", "hand_out", "issuance", "visa"]},
    ),
]


def register() -> None:
    """Declare the passports area's rules to the kernel (from ``PassportsConfig.ready``)."""
    register_rule_area(
        RuleArea(area=RULE_AREA, label=_("Passports"), division_code=PASSPORT_DIVISION),
        DEFINITIONS,
    )
