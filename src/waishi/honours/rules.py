"""The award's checks against its rule data; each refusal carries the rule's citation.

Numbers live in ``cases.Rule`` (area ``honours``, ``rule_codes.py``). A rule missing from the
rules screen falls back to the declared default, so the award never runs without a limit.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from waishi.cases.rule_engine import RuleSpec, load_rulebook

from .constants import RULE_AREA, RuleCode
from .rule_codes import DEFINITIONS, THRESHOLD_CRITERIA

DEFAULTS = {str(d.code): d.example for d in DEFINITIONS}


@dataclass(frozen=True)
class RuleValue:
    """A rule's value on a day, with the version and citation it came from."""

    value: Any
    citation: str
    rule_id: int | None


def rule_value(code: str, on: datetime.date) -> RuleValue:
    """The value of rule ``code`` in force on ``on`` (the declared default without one)."""
    spec: RuleSpec | None = load_rulebook(RULE_AREA, on).get(code)
    if spec is None:
        default = {} if code == RuleCode.MONEY_THRESHOLDS else DEFAULTS[code]
        return RuleValue(default, "", None)
    return RuleValue(spec.value, spec.citation, spec.id)


def cite(message: str, rule: RuleValue) -> str:
    """The message with the rule's citation, as every refusal of the award gives it."""
    if not rule.citation:
        return message
    return _("%(message)s (Rule: %(citation)s)") % {"message": message, "citation": rule.citation}


def check_thresholds(
    *,
    criteria: list[str],
    donations: Decimal | None,
    investment: Decimal | None,
    on: datetime.date,
) -> list[str]:
    """Reasons a nomination falls below a money threshold the jurisdiction set (none by default)."""
    rule = rule_value(RuleCode.MONEY_THRESHOLDS, on)
    amounts = {"donations": donations, "investment": investment}
    reasons = []
    for key, criterion in THRESHOLD_CRITERIA.items():
        threshold = (rule.value or {}).get(key)
        if threshold is None or criterion not in criteria:
            continue
        amount = amounts[key] or Decimal(0)
        if amount < Decimal(str(threshold)):
            reasons.append(
                cite(
                    _("%(what)s of RMB %(amount)s are below the threshold of RMB %(threshold)s.")
                    % {
                        "what": _("Donations") if key == "donations" else _("Investment"),
                        "amount": f"{amount:,.2f}",
                        "threshold": f"{Decimal(str(threshold)):,.2f}",
                    },
                    rule,
                )
            )
    return reasons


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_interval(last_call: datetime.date | None, call_on: datetime.date) -> list[str]:
    """Reasons a new call comes too soon after the last round's (every 2 years by default)."""
    if last_call is None:
        return []
    rule = rule_value(RuleCode.ROUND_INTERVAL, call_on)
    earliest = add_years(last_call, int(rule.value))
    if call_on < earliest:
        return [
            cite(
                _(
                    "A round is held every %(years)s years: the next call may open on "
                    "%(earliest)s at the earliest."
                )
                % {"years": rule.value, "earliest": earliest.isoformat()},
                rule,
            )
        ]
    return []


def check_motion_lead(motion_on: datetime.date, session_on: datetime.date) -> list[str]:
    """Reasons the motion reaches the standing committee too late before its session."""
    rule = rule_value(RuleCode.MOTION_LEAD_DAYS, motion_on)
    days = int(rule.value)
    if (session_on - motion_on).days < days:
        latest = session_on - datetime.timedelta(days=days)
        return [
            cite(
                _(
                    "The motion must reach the standing committee at least %(days)s days before "
                    "its session: for a session on %(session)s, by %(latest)s."
                )
                % {"days": days, "session": session_on.isoformat(), "latest": latest.isoformat()},
                rule,
            )
        ]
    return []
