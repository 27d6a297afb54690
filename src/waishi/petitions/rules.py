"""The complaints' numbers from the rules engine, and reading the dates people type."""

import datetime
from collections.abc import Mapping

from django.utils import timezone

from waishi.cases.rule_engine import load_rulebook

from .constants import RULE_AREA, ReviewResult
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


# The words a result may be typed in (the dialog's inputs are text).
RESULT_WORDS = {
    **{value: value for value in ReviewResult.values},
    "维持": ReviewResult.UPHELD,
    "維持": ReviewResult.UPHELD,
    "变更": ReviewResult.CHANGED,
    "變更": ReviewResult.CHANGED,
    "撤销": ReviewResult.REVOKED,
    "撤銷": ReviewResult.REVOKED,
}


def result_of(inputs: Mapping[str, str]) -> str | None:
    """The review result typed in the dialog, in either language (``None`` if unknown)."""
    word = (inputs.get("result") or "").strip()
    found = RESULT_WORDS.get(word) or RESULT_WORDS.get(word.lower())
    return None if found is None else str(found)
