"""A rule area that exists only in the test suite, declared the way an area app declares one."""

from waishi.cases.constants import RuleUnit
from waishi.cases.rule_registry import COUNT, RuleArea, RuleDefinition, count_table, record

from .demo_type import DEMO_DIVISION

AREA = "demo_rules"

RULE_AREA = RuleArea(
    area=AREA,
    label="Demo rules",
    division_code=DEMO_DIVISION,
    ranks=(("senior", "Senior"), ("other", "Other")),
)

DEFINITIONS = [
    RuleDefinition("group_size", "Group size", COUNT, 6, unit=RuleUnit.PEOPLE),
    RuleDefinition(
        "stay",
        "Longest stay",
        record({"days": {"type": "integer", "minimum": 1}, "roll": {"type": "boolean"}}, ["days"]),
        {"days": 30},
        unit=RuleUnit.DAYS,
    ),
    RuleDefinition("lead_time", "Lead time", count_table("extra"), {"1": 45, "extra": 2}),
    RuleDefinition(
        "caps",
        "Caps",
        {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
        {"US": 335},
        needs_value=True,
        empty_warning="No per-diem caps configured.",
    ),
]
