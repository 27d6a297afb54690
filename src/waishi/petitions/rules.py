"""The complaints' numbers from the rules engine, and reading the dates people type."""

import datetime
from collections.abc import Mapping

from django.utils import timezone

from waishi.cases.rule_engine import load_rulebook

from .constants import RULE_AREA
from .rule_codes import DEFAULTS


def rule_number(code: str, on: datetime.date) -> int:
    """The number rule ``code`` holds on ``on`` (the declared default when none is in force)."""
    found = load_rulebook(RULE_AREA, on).get(code)
    try:
        return int(found.value) if found is not None else int(DEFAULTS[code])  # type: ignore[index]
    except (TypeError, ValueError):
        return int(DEFAULTS[code])  # type: ignore[index]


def parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def day_of(inputs: Mapping[str, str]) -> datetime.date:
    """The day an input names, today when it is left empty (the guards checked its form)."""
    return parse_day(inputs.get("on")) or timezone.localdate()
