"""The custody rules' numbers, read through the kernel's rules engine, and the due date.

Every number here (days to return, reminder interval, reminders before a lock, validity left
at the end of a trip, stay per entry to Hong Kong or Macao, issuance days) is data with an
effective date and a citation, seeded with the national and Guangdong defaults.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from waishi.cases.rule_engine import rules_on as kernel_rules_on
from waishi.core.workdays import add_months, add_workdays, is_workday

from .constants import RULE_AREA, RuleCode

# Used only when no row is in force (e.g. a database without the seed): the national
# defaults of DOMAIN.md, so the register never stops working.
FALLBACK: dict[str, dict[str, Any]] = {
    RuleCode.RETURN_DAYS: {"days": 7, "roll_to_workday": True},
    RuleCode.REMINDER_INTERVAL: {"workdays": 3},
    RuleCode.REMINDERS_BEFORE_LOCK: {"count": 3},
    RuleCode.EXPIRY_MARGIN: {"months": 6},
    RuleCode.HK_MACAO_STAY: {"days": 30},
    RuleCode.ISSUANCE_DAYS: {"workdays": 5},
    # Only a visit endorsement (赴港/澳访问签注) serves an official visit.
    RuleCode.OFFICIAL_ENDORSEMENTS: {"kinds": ["visit"]},
    # Without a version in force, a suspension covers new filings only.
    RuleCode.SUSPENSION_COVERS: {"businesses": ["filing"]},
}
# The severity of a finding drawn from a rule when no version is in force.
FALLBACK_SEVERITY: dict[str, str] = {RuleCode.EXPIRY_MARGIN: "warning"}


@dataclass(frozen=True)
class RuleValue:
    """The value of a rule on a date, the id of the version it came from and its citation."""

    code: str
    value: dict[str, Any]
    citation: str
    rule_id: int | None
    severity: str = "block"

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default)


def rule_on(code: str, on_date: datetime.date | None = None) -> RuleValue:
    """The version of rule ``code`` in force on ``on_date``, the most local one winning."""
    return rules_on({code: on_date})[code]


def rules_on(wanted: Mapping[str, datetime.date | None]) -> dict[str, RuleValue]:
    """The version of each rule in ``wanted`` in force on its date, read by the kernel.

    Resolution is the kernel's (``waishi.cases.rule_engine``); where no version is in force
    the national default of ``FALLBACK`` applies, with no version named.
    """
    found: dict[str, RuleValue] = {}
    for code, spec in kernel_rules_on(RULE_AREA, wanted).items():
        if spec is None:
            severity = FALLBACK_SEVERITY.get(code, "block")
            found[code] = RuleValue(code, FALLBACK[code], "", None, severity)
        else:
            found[code] = RuleValue(code, dict(spec.value), spec.citation, spec.id, spec.severity)
    return found


def return_due_date(returned_on: datetime.date) -> tuple[datetime.date, RuleValue]:
    """When a document handed out for a trip is due back, and the rule version applied.

    Due = the day of return + the rule's calendar days (7 by default). When the custody
    office is closed that day (weekend, public holiday) the document is due on the next
    working day, if the rule says so.
    """
    rule = rule_on(RuleCode.RETURN_DAYS, returned_on)
    due = returned_on + datetime.timedelta(days=int(rule.get("days", 7)))
    if rule.get("roll_to_workday", False) and not is_workday(due):
        due = add_workdays(due, 0)
    return due, rule


def expiry_limit(
    trip_end: datetime.date, rule: RuleValue | None = None
) -> tuple[datetime.date, RuleValue]:
    """A document must be valid at least until this date for a trip ending on ``trip_end``.

    ``rule`` is the expiry margin in force on ``trip_end`` when the caller has read it.
    """
    rule = rule or rule_on(RuleCode.EXPIRY_MARGIN, trip_end)
    return add_months(trip_end, int(rule.get("months", 6))), rule
