"""The custody rules' numbers, read from versioned ``CustodyRule`` rows, and the due date.

Every number here (days to return, reminder interval, reminders before a lock, validity left
at the end of a trip, stay per entry to Hong Kong or Macao, issuance days) is data with an
effective date and a citation, seeded with the national and Guangdong defaults.
"""

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from waishi.core.workdays import add_workdays, is_workday

from .constants import JURISDICTION_SPECIFICITY, Jurisdiction, RuleCode
from .models import CustodyRule

# Used only when no row is in force (e.g. a database without the seed): the national
# defaults of DOMAIN.md, so the register never stops working.
FALLBACK: dict[str, dict[str, Any]] = {
    RuleCode.RETURN_DAYS: {"days": 7, "roll_to_workday": True},
    RuleCode.REMINDER_INTERVAL: {"days": 3},
    RuleCode.REMINDERS_BEFORE_LOCK: {"count": 3},
    RuleCode.EXPIRY_MARGIN: {"months": 6},
    RuleCode.HK_MACAO_STAY: {"days": 30},
    RuleCode.ISSUANCE_DAYS: {"workdays": 5},
}


# The keys each rule's value holds: (type, smallest value allowed, required).
VALUE_SCHEMA: dict[str, dict[str, tuple[type, int, bool]]] = {
    RuleCode.RETURN_DAYS: {"days": (int, 0, True), "roll_to_workday": (bool, 0, False)},
    RuleCode.REMINDER_INTERVAL: {"days": (int, 1, True)},
    RuleCode.REMINDERS_BEFORE_LOCK: {"count": (int, 1, True)},
    RuleCode.EXPIRY_MARGIN: {"months": (int, 0, True)},
    RuleCode.HK_MACAO_STAY: {"days": (int, 1, True)},
    RuleCode.ISSUANCE_DAYS: {"workdays": (int, 1, True)},
}


def check_rule_value(code: str, value: Any) -> dict[str, Any]:
    """``value`` if it fits rule ``code`` (its keys, whole numbers, yes/no); else an error.

    Example for ``return_days``: ``{"days": 7, "roll_to_workday": true}``.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    schema = VALUE_SCHEMA.get(code)
    if schema is None:
        raise ValidationError(_("Choose the rule."))
    example = {key: (True if kind is bool else 1) for key, (kind, _least, _r) in schema.items()}
    wrong = ValidationError(
        _("The value of this rule is written like %(example)s.") % {"example": json.dumps(example)}
    )
    if not isinstance(value, dict) or set(value) - set(schema):
        raise wrong
    for key, (kind, least, required) in schema.items():
        if key not in value:
            if required:
                raise wrong
            continue
        item = value[key]
        # JSON's true and false are not numbers here, even though Python's bool is an int.
        if kind is int and (isinstance(item, bool) or not isinstance(item, int) or item < least):
            raise wrong
        if kind is bool and not isinstance(item, bool):
            raise wrong
    return dict(value)


@dataclass(frozen=True)
class RuleValue:
    """The value of a rule on a date, the row it came from and its citation."""

    code: str
    value: dict[str, Any]
    citation: str
    rule: CustodyRule | None

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default)


def _area_codes() -> tuple[str, str]:
    """The province and city codes of the bureau (GB/T 2260), e.g. 440000 and 441200."""
    from waishi.accounts.models import Bureau

    city = Bureau.objects.values_list("area_code", flat=True).first() or ""
    province = city[:2] + "0000" if len(city) == 6 else ""
    return province, city


def rule_on(code: str, on_date: datetime.date | None = None) -> RuleValue:
    """The version of rule ``code`` in force on ``on_date``, the most local one winning."""
    return rules_on({code: on_date})[code]


def rules_on(wanted: Mapping[str, datetime.date | None]) -> dict[str, RuleValue]:
    """The version of each rule in ``wanted`` in force on its date, in one query.

    A rule version applies on a day from its ``effective_from`` to its ``effective_to``
    (open when empty); of those, the most local one wins, then the latest to take effect.
    """
    today = timezone.localdate()
    province, city = _area_codes()
    candidates: dict[str, list[CustodyRule]] = {code: [] for code in wanted}
    for row in CustodyRule.objects.filter(code__in=list(wanted), active=True):
        # Where the bureau's area is not recorded, local rules apply as written.
        if (
            city
            and row.jurisdiction == Jurisdiction.PROVINCE
            and row.area_code not in ("", province)
        ):
            continue
        if city and row.jurisdiction == Jurisdiction.CITY and row.area_code not in ("", city):
            continue
        candidates[row.code].append(row)
    found: dict[str, RuleValue] = {}
    for code, on_date in wanted.items():
        day = on_date or today
        in_force = [
            row
            for row in candidates[code]
            if row.effective_from <= day and (row.effective_to is None or row.effective_to >= day)
        ]
        best = max(
            in_force,
            key=lambda row: (
                JURISDICTION_SPECIFICITY[Jurisdiction(row.jurisdiction)],
                row.effective_from,
            ),
            default=None,
        )
        if best is None:
            found[code] = RuleValue(code, FALLBACK[code], "", None)
        else:
            found[code] = RuleValue(code, dict(best.value), best.citation, best)
    return found


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months, on the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def return_due_date(
    departure: datetime.date, approved_days: int
) -> tuple[datetime.date, RuleValue]:
    """When a document handed out for a trip is due back, and the rule version applied.

    Due = departure + approved days + the rule's days (7 by default). When the custody
    office is closed that day (weekend, public holiday) the document is due on the next
    working day, if the rule says so.
    """
    back = departure + datetime.timedelta(days=approved_days)
    rule = rule_on(RuleCode.RETURN_DAYS, back)
    due = back + datetime.timedelta(days=int(rule.get("days", 7)))
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


def issuance_due(start: datetime.date) -> datetime.date:
    """The processing target of an issuance request whose materials are complete on ``start``."""
    rule = rule_on(RuleCode.ISSUANCE_DAYS, start)
    return add_workdays(start, int(rule.get("workdays", 5)))
