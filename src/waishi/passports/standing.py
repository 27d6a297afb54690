"""The passports area's steps that an agency's suspension may cover (``cases.standing``).

Hand-outs and visa applications are not workflow transitions, so they ask the kernel here;
issuance is the request's ``accept`` and ``issue`` transitions (``Transition(business=…)``).
What the custody suspension covers is the rule ``suspension_covers`` (Guangdong: new
filings, approvals of the agency's pending missions, hand-outs, issuance and visas).
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError

from waishi.cases.standing import AgencySuspended, check_standing

from .constants import MISSION_CASE_TYPE, RuleCode
from .rules import rule_on


def refuse_if_suspended(agency_id: int | None, business: str) -> None:
    """Raise ``ValidationError`` with the reasons when a suspension covers ``business``.

    Hand-outs and visa applications are for missions, so they are asked as business of the
    mission's case type.
    """
    try:
        check_standing(agency_id, MISSION_CASE_TYPE, business)
    except AgencySuspended as refused:
        raise ValidationError([str(r) for r in refused.reasons]) from None


def custody_suspension_covers(day: datetime.date | None = None) -> tuple[list[str], Any]:
    """The businesses a custody suspension imposed on ``day`` covers, and the rule applied."""
    rule = rule_on(RuleCode.SUSPENSION_COVERS, day)
    return [str(b) for b in rule.get("businesses", ["filing"])], rule
