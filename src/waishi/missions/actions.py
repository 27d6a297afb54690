"""Every write of the missions area's registers: rules, annual plans (travellers: registers).

Each function takes keyword arguments with an explicit ``actor``, checks the actor's right,
runs in one transaction and writes its audit event there. Mission applications themselves are
written by ``mission_actions`` and the case workflow.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.registers.actions import do_register_person, do_update_person
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person

from .constants import Jurisdiction, Rank, RuleCode, Severity
from .models import AnnualPlan, PlannedMission, Rule
from .rulebook import check_rule_value


def _require(actor: Any, permission: str, obj: Any = None) -> None:
    if actor is None or not actor.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


def do_register_traveller(
    *,
    actor: Any,
    agency: Any,
    name: str,
    sex: str,
    date_of_birth: datetime.date,
    post: str,
    rank: str = Rank.OTHER,
    id_number: str = "",
    passport_name: str = "",
    is_agency_leader: bool = False,
    is_academic: bool = False,
    request: HttpRequest | None = None,
) -> Person:
    """Add a traveller to the people register (``registers.actions.do_register_person``).

    Checks ``registers.manage_person`` for the agency; the passport name is proposed from the
    name. Raises ``ValidationError`` (nothing written) when a field is invalid.
    """
    return do_register_person(
        actor=actor,
        agency=agency,
        name=name,
        sex=sex,
        date_of_birth=date_of_birth,
        post=post,
        rank=rank,
        id_number=id_number,
        passport_name=passport_name,
        kinds=PersonKind.TRAVELLER,
        is_agency_leader=is_agency_leader,
        is_academic=is_academic,
        request=request,
    )


def do_update_traveller(
    *,
    actor: Any,
    traveller: Person,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Person:
    """Change a traveller (``registers.actions.do_update_person``, which checks permission)."""
    return do_update_person(actor=actor, person=traveller, changes=changes, request=request)


def do_add_rule_version(
    *,
    actor: Any,
    code: str,
    value: Any,
    severity: str,
    effective_from: datetime.date,
    citation: str,
    jurisdiction: str = Jurisdiction.NATIONAL,
    area_code: str = "",
    rank: str = "",
    supersedes: Rule | None = None,
    request: HttpRequest | None = None,
) -> Rule:
    """Add a new version of a rule; the version it supersedes ends the day before.

    Checks ``missions.manage_rules``. Rule rows are never edited, so verdicts recorded under
    the old version keep pointing at exactly what they applied.
    """
    _require(actor, "missions.manage_rules")
    problems = check_rule_value(code, value)
    if code not in RuleCode.values:
        problems.append(_("Unknown rule."))
    if severity not in Severity.values:
        problems.append(_("Unknown severity."))
    if jurisdiction != Jurisdiction.NATIONAL and len(area_code) != 6:
        problems.append(_("A provincial or city rule needs its six-digit area code."))
    if not citation.strip():
        problems.append(_("Cite the regulation and article the rule comes from."))
    if supersedes is not None and supersedes.effective_from >= effective_from:
        problems.append(_("A new version must come into force after the version it replaces."))
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        if supersedes is not None:
            Rule.objects.filter(pk=supersedes.pk).update(
                effective_to=effective_from - datetime.timedelta(days=1)
            )
        rule = Rule.objects.create(
            code=code,
            value=value,
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
            action="missions.rule.add",
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
                "supersedes": supersedes.pk if supersedes else None,
            },
            request=request,
        )
    return rule


def do_set_rule_active(
    *, actor: Any, rule: Rule, active: bool, reason: str, request: HttpRequest | None = None
) -> Rule:
    """Switch a rule version off (or back on) with a reason. Checks ``missions.manage_rules``."""
    _require(actor, "missions.manage_rules")
    if not reason.strip():
        raise ValidationError(_("Give the reason for the change."))
    with transaction.atomic():
        Rule.objects.filter(pk=rule.pk).update(active=active)
        rule.active = active
        log_action(
            action="missions.rule.activate" if active else "missions.rule.deactivate",
            actor=actor,
            obj=rule,
            after={"active": active},
            reason=reason.strip(),
            request=request,
        )
    return rule


def do_create_plan(
    *, actor: Any, agency: Any, year: int, note: str = "", request: HttpRequest | None = None
) -> AnnualPlan:
    """Open the agency's annual plan for ``year`` (once). Checks ``missions.manage_plan``."""
    _require(actor, "missions.manage_plan", agency)
    if AnnualPlan.objects.filter(agency=agency, year=year).exists():
        raise ValidationError(_("This agency already has a plan for %(year)d.") % {"year": year})
    with transaction.atomic():
        plan = AnnualPlan.objects.create(agency=agency, year=year, note=note, created_by=actor)
        log_action(
            action="missions.plan.create",
            actor=actor,
            obj=plan,
            after={"agency": agency.pk, "year": year},
            request=request,
        )
    return plan


def do_add_planned_mission(
    *,
    actor: Any,
    plan: AnnualPlan,
    countries: list[str],
    purpose: str,
    size: int,
    month: int,
    request: HttpRequest | None = None,
) -> PlannedMission:
    """Add a planned mission to a plan. Checks ``missions.manage_plan`` for the plan."""
    from waishi.registers.countries import is_abroad

    _require(actor, "missions.manage_plan", plan)
    codes = [c.strip().upper() for c in countries if c.strip()]
    unknown = [c for c in codes if not is_abroad(c)]
    if not codes or unknown:
        raise ValidationError(_("Choose the countries or regions from the list."))
    entry = PlannedMission(
        plan=plan,
        countries=codes,
        purpose=purpose.strip(),
        size=size,
        month=month,
        sort_order=plan.entries.count(),
    )
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        log_action(
            action="missions.plan.add_entry",
            actor=actor,
            obj=plan,
            after={"entry": entry.pk, "countries": codes, "size": size, "month": month},
            request=request,
        )
    return entry


def do_remove_planned_mission(
    *, actor: Any, entry: PlannedMission, request: HttpRequest | None = None
) -> None:
    """Remove a planned mission. Checks ``missions.manage_plan`` for its plan."""
    plan = entry.plan
    _require(actor, "missions.manage_plan", plan)
    if entry.missions.exists():
        raise ValidationError(_("This planned mission is used by an application."))
    with transaction.atomic():
        record = {"entry": entry.pk, "countries": entry.countries, "purpose": entry.purpose}
        entry.delete()
        log_action(action="missions.plan.remove_entry", actor=actor, obj=plan, before=record)
