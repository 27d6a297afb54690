"""Every write of the rules engine: a new rule version, switching a version off or on.

Each function takes keyword arguments with an explicit ``actor``, checks ``cases.manage_rules``
for the rule's area (the head of the division the area names), runs in one transaction and
writes its audit event there as ``<area>.rule.<verb>``. Rule rows are never edited otherwise,
so whatever was decided under a version keeps pointing at exactly what it applied.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action

from .constants import Jurisdiction, Severity
from .models import Rule
from .rule_registry import check_rule_value, rule_area, rule_definition


def _require(actor: Any, area: str) -> None:
    if actor is None or not actor.has_perm("cases.manage_rules", area):
        raise PermissionDenied(_("You may not do this."))


def _problems(
    *,
    area: str,
    code: str,
    value: Any,
    severity: str,
    jurisdiction: str,
    area_code: str,
    rank: str,
    citation: str,
) -> list[str]:
    problems = check_rule_value(area, code, value)
    if severity not in Severity.values:
        problems.append(_("Unknown severity."))
    if jurisdiction not in Jurisdiction.values:
        problems.append(_("Unknown jurisdiction."))
    elif jurisdiction != Jurisdiction.NATIONAL and not (
        len(area_code) == 6 and area_code.isdigit()
    ):
        problems.append(_("A provincial or city rule needs its six-digit area code."))
    declared = rule_area(area)
    if rank and declared is not None and rank not in {value for value, _label in declared.ranks}:
        problems.append(_("Unknown rank."))
    if not citation.strip():
        problems.append(_("Cite the regulation and article the rule comes from."))
    return problems


def do_add_rule_version(
    *,
    actor: Any,
    area: str,
    code: str,
    value: Any,
    severity: str,
    effective_from: datetime.date,
    citation: str,
    jurisdiction: str = Jurisdiction.NATIONAL,
    area_code: str = "",
    rank: str = "",
    supersedes: Rule | None = None,
    seen: datetime.datetime | None = None,
    request: HttpRequest | None = None,
) -> Rule:
    """Add a version of a rule; the version it supersedes ends the day before.

    Checks ``cases.manage_rules`` for ``area``. ``seen`` is when the superseded version was
    last changed as the editor saw it: a version changed or superseded since is refused as a
    stale edit, and nothing is written.
    """
    _require(actor, area)
    area_code = area_code.strip()
    problems = _problems(
        area=area,
        code=code,
        value=value,
        severity=severity,
        jurisdiction=jurisdiction,
        area_code=area_code,
        rank=rank,
        citation=citation,
    )
    if supersedes is not None:
        if (supersedes.area, supersedes.code) != (area, code):
            problems.append(_("A new version replaces a version of the same rule."))
        elif supersedes.effective_from >= effective_from:
            problems.append(_("A new version must come into force after the version it replaces."))
    if problems:
        raise ValidationError(problems)
    definition = rule_definition(area, code)
    with transaction.atomic():
        if supersedes is not None:
            locked = Rule.objects.select_for_update().get(pk=supersedes.pk)
            stale = (seen is not None and locked.updated_at != seen) or Rule.objects.filter(
                supersedes=locked
            ).exists()
            if stale:
                raise ValidationError(
                    _(
                        "Someone changed this rule while you were editing it. Open the rules "
                        "again to see the version now in force."
                    ),
                    code="stale",
                )
            locked.effective_to = effective_from - datetime.timedelta(days=1)
            locked.save(update_fields=["effective_to", "updated_at"])
        rule = Rule.objects.create(
            area=area,
            code=code,
            value=value,
            unit=definition.unit if definition else "",
            severity=severity,
            effective_from=effective_from,
            citation=citation.strip(),
            jurisdiction=jurisdiction,
            area_code="" if jurisdiction == Jurisdiction.NATIONAL else area_code,
            rank=rank,
            supersedes=supersedes,
            created_by=actor,
        )
        log_action(
            action=f"{area}.rule.add",
            actor=actor,
            obj=rule,
            after={
                "code": code,
                "value": value,
                "severity": severity,
                "effective_from": effective_from.isoformat(),
                "jurisdiction": jurisdiction,
                "area_code": rule.area_code,
                "rank": rank,
                "citation": rule.citation,
                "supersedes": supersedes.pk if supersedes else None,
            },
            request=request,
        )
    return rule


def do_set_rule_active(
    *, actor: Any, rule: Rule, active: bool, reason: str, request: HttpRequest | None = None
) -> Rule:
    """Switch a rule version off (or back on) with a reason.

    Checks ``cases.manage_rules`` for the rule's area.
    """
    _require(actor, rule.area)
    if not reason.strip():
        raise ValidationError(_("Give the reason for the change."))
    with transaction.atomic():
        locked = Rule.objects.select_for_update().get(pk=rule.pk)
        locked.active = active
        locked.save(update_fields=["active", "updated_at"])
        rule.active, rule.updated_at = active, locked.updated_at
        log_action(
            action=f"{rule.area}.rule.activate" if active else f"{rule.area}.rule.deactivate",
            actor=actor,
            obj=locked,
            after={"active": active},
            reason=reason.strip(),
            request=request,
        )
    return rule
