"""The complaints' rule codes, declared to the kernel's rules engine at start-up."""

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import RuleArea, RuleDefinition, register_rule_area

from .constants import DIVISION, RULE_AREA, RuleCode

POSITIVE = {"type": "integer", "minimum": 1}

UNITS = {
    RuleCode.OBJECTION_WORKDAYS: RuleUnit.WORKING_DAYS,
    RuleCode.GROUP_REPRESENTATIVES: RuleUnit.PEOPLE,
}
DEFAULTS = {
    RuleCode.NOTICE_DAYS: 15,
    RuleCode.OBJECTION_WORKDAYS: 5,
    RuleCode.CONCLUDE_DAYS: 60,
    RuleCode.EXTENSION_DAYS: 30,
    RuleCode.TRANSFER_DAYS: 60,
    RuleCode.REVIEW_REQUEST_DAYS: 30,
    RuleCode.REVIEW_DAYS: 30,
    RuleCode.REREVIEW_REQUEST_DAYS: 30,
    RuleCode.REREVIEW_DAYS: 30,
    RuleCode.GROUP_REPRESENTATIVES: 5,
}


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    register_rule_area(
        RuleArea(
            area=RULE_AREA,
            label=_("Rights-protection complaints"),
            division_code=DIVISION,
            ranks=(),
        ),
        [
            RuleDefinition(
                code, code.label, POSITIVE, DEFAULTS[code], unit=UNITS.get(code, RuleUnit.DAYS)
            )
            for code in RuleCode
        ],
    )
