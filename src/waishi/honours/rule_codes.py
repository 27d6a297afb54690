"""The award's rule codes, declared to the kernel's rules engine at start-up.

The numbers are rows of ``cases.Rule`` (area ``honours``), edited by the head of the
Overseas Chinese Affairs Division on the rules screen. Money thresholds are empty by default:
of the models studied only Zhongshan sets them (中府〔2010〕44号); a jurisdiction that does
enters a version for its city.
"""

from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import RuleArea, RuleDefinition, record, register_rule_area

from .constants import OVERSEAS_DIVISION, RULE_AREA, Criterion, RuleCode

POSITIVE = {"type": "integer", "minimum": 1}
AMOUNT = {"type": "number", "minimum": 0}
TEXT = {"type": "string"}

DEFINITIONS = [
    RuleDefinition(RuleCode.ROUND_INTERVAL, RuleCode.ROUND_INTERVAL.label, POSITIVE, 2),
    RuleDefinition(
        RuleCode.CHECK_DAYS, RuleCode.CHECK_DAYS.label, POSITIVE, 30, unit=RuleUnit.DAYS
    ),
    RuleDefinition(
        RuleCode.NOTICE_DAYS, RuleCode.NOTICE_DAYS.label, POSITIVE, 7, unit=RuleUnit.DAYS
    ),
    RuleDefinition(
        RuleCode.MOTION_LEAD_DAYS, RuleCode.MOTION_LEAD_DAYS.label, POSITIVE, 30, unit=RuleUnit.DAYS
    ),
    RuleDefinition(
        RuleCode.MONEY_THRESHOLDS,
        RuleCode.MONEY_THRESHOLDS.label,
        {
            "type": "object",
            "properties": {"donations": AMOUNT, "investment": AMOUNT},
            "additionalProperties": False,
        },
        {"donations": 5000000},
    ),
    RuleDefinition(
        RuleCode.CERTIFICATE_SIGNER,
        RuleCode.CERTIFICATE_SIGNER.label,
        record({"title": TEXT, "title_en": TEXT}, ["title", "title_en"]),
        {"title": "肇庆市人民政府市长", "title_en": "Mayor of Zhaoqing"},
    ),
]

# Criteria a money threshold applies to: donations for philanthropy, investment for economy.
THRESHOLD_CRITERIA = {"donations": Criterion.PHILANTHROPY, "investment": Criterion.ECONOMY}


def register() -> None:
    """Declare the award's rules to the kernel (from ``HonoursConfig.ready``)."""
    register_rule_area(
        RuleArea(
            area=RULE_AREA,
            label=_("Honorary citizens"),
            division_code=OVERSEAS_DIVISION,
            ranks=(),
        ),
        DEFINITIONS,
    )
