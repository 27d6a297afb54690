"""The overseas Chinese area's rule codes, declared to the kernel's rules engine at start-up.

The numbers are rows of ``cases.Rule`` (area ``overseas``) edited by the head of the Division
of Overseas Chinese Affairs; the seeded versions and their sources are in ``rule_data``.
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import RuleArea, RuleDefinition, record, register_rule_area

from .constants import DIVISION, RULE_AREA

POSITIVE = {"type": "integer", "minimum": 1}
CODES = {"type": "array", "items": {"type": "string"}}

DEFINITIONS = [
    RuleDefinition(
        "short_residence",
        _("Overseas Chinese: years abroad with a residence right, months present"),
        record({"years": POSITIVE, "months_present": POSITIVE}, ["years", "months_present"]),
        {"years": 2, "months_present": 18},
        unit=RuleUnit.MONTHS,
    ),
    RuleDefinition(
        "long_residence",
        _("Overseas Chinese: years of legal residence, months present"),
        record({"years": POSITIVE, "months_present": POSITIVE}, ["years", "months_present"]),
        {"years": 5, "months_present": 30},
        unit=RuleUnit.MONTHS,
    ),
    RuleDefinition(
        "settlement_presence",
        _("Return to settle: presence in China before applying"),
        record(
            {
                "lookback_years": POSITIVE,
                "consecutive_months": POSITIVE,
                "days": POSITIVE,
                "window_months": POSITIVE,
            },
            ["lookback_years", "consecutive_months", "days", "window_months"],
        ),
        {"lookback_years": 2, "consecutive_months": 3, "days": 90, "window_months": 6},
        unit=RuleUnit.DAYS,
    ),
    RuleDefinition(
        "certificate_validity",
        _("Identity certificate: years valid"),
        record({"years": POSITIVE}, ["years"]),
        {"years": 1},
    ),
    RuleDefinition(
        "certificate_processing",
        _("Identity certificate: working days to decide"),
        record({"workdays": POSITIVE}, ["workdays"]),
        {"workdays": 7},
        unit=RuleUnit.WORKING_DAYS,
    ),
    RuleDefinition(
        "settlement_processing",
        _("Return-to-settle certificate: working days to decide"),
        record({"workdays": POSITIVE}, ["workdays"]),
        {"workdays": 20},
        unit=RuleUnit.WORKING_DAYS,
    ),
    RuleDefinition(
        "material_days",
        _("Days for the applicant to send more material"),
        record({"days": POSITIVE}, ["days"]),
        {"days": 30},
        unit=RuleUnit.DAYS,
    ),
    RuleDefinition(
        "city_decides_for",
        _("County-level units whose identity certificates the city decides"),
        record({"units": CODES}, ["units"]),
        {"units": ["gaoxin", "xinqu"]},
    ),
]


def register() -> None:
    register_rule_area(
        RuleArea(
            area=RULE_AREA,
            label=_("Overseas Chinese affairs"),
            division_code=DIVISION,
            ranks=(),
        ),
        DEFINITIONS,
    )
