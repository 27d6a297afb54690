"""The supervision area's rule codes, declared to the kernel's rules engine at start-up."""

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import RuleArea, RuleDefinition, register_rule_area

from .constants import DIVISION, RULE_AREA, RuleCode

POSITIVE = {"type": "integer", "minimum": 1}


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    register_rule_area(
        RuleArea(area=RULE_AREA, label=_("Discipline supervision"), division_code=DIVISION),
        [
            RuleDefinition(
                RuleCode.RECTIFICATION_DAYS,
                RuleCode.RECTIFICATION_DAYS.label,
                POSITIVE,
                30,
                unit=RuleUnit.DAYS,
            )
        ],
    )
