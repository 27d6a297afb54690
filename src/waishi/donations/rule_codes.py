"""The donations area's rule codes, declared to the kernel's rules engine at start-up.

The numbers are rows of ``cases.Rule`` (area ``donations``), edited by the head of the
Division of Overseas Chinese Affairs. A jurisdiction lowers the certificate threshold with a
city version of ``certificate_threshold`` (PREF: "lowerable").
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import RuleArea, RuleDefinition, register_rule_area

from .constants import DIVISION, RULE_AREA, RuleCode

POSITIVE = {"type": "integer", "minimum": 1}
# An amount in RMB: a whole number of yuan or one with fen.
AMOUNT = {"type": "number", "exclusiveMinimum": 0}

DEFINITIONS = [
    RuleDefinition(
        RuleCode.CERTIFICATE_THRESHOLD, RuleCode.CERTIFICATE_THRESHOLD.label, AMOUNT, 100000
    ),
    RuleDefinition(
        RuleCode.FILING_DAYS, RuleCode.FILING_DAYS.label, POSITIVE, 30, unit=RuleUnit.DAYS
    ),
    RuleDefinition(
        RuleCode.CONFIRMATION_MONTHS,
        RuleCode.CONFIRMATION_MONTHS.label,
        POSITIVE,
        3,
        unit=RuleUnit.MONTHS,
    ),
    RuleDefinition(
        RuleCode.USE_REPORT_MONTHS,
        RuleCode.USE_REPORT_MONTHS.label,
        POSITIVE,
        12,
        unit=RuleUnit.MONTHS,
    ),
]


def register() -> None:
    """Declare the donations area's rules to the kernel (from ``DonationsConfig.ready``)."""
    register_rule_area(
        RuleArea(area=RULE_AREA, label=_("Donations"), division_code=DIVISION, ranks=()),
        DEFINITIONS,
    )
