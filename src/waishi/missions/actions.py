"""Every write of the missions area's registers: rules, travellers, annual plans.

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
from waishi.core.pii import mask_id_number
from waishi.core.pinyin import passport_name_text

from .constants import Jurisdiction, Rank, RuleCode, Severity
from .models import AnnualPlan, PlannedMission, Rule, Traveller
from .rulebook import check_rule_value

# Traveller fields people may change after registration.
TRAVELLER_FIELDS = (
    "name",
    "sex",
    "date_of_birth",
    "id_number",
    "post",
    "rank",
    "passport_name",
    "is_agency_leader",
    "is_academic",
    "is_active",
)


def _require(actor: Any, permission: str, obj: Any = None) -> None:
    if actor is None or not actor.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


def _traveller_record(traveller: Traveller) -> dict[str, Any]:
    """The traveller's fields for the audit log, with the ID number masked."""
    record: dict[str, Any] = {}
    for name in TRAVELLER_FIELDS:
        value = getattr(traveller, name)
        if name == "id_number":
            value = mask_id_number(str(value or ""))
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        record[name] = value
    return record


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
) -> Traveller:
    """Add a person to the agency's register; the passport name is proposed from the name.

    Checks ``missions.manage_traveller`` for the agency. Raises ``ValidationError`` (nothing
    written) when a field is invalid.
    """
    _require(actor, "missions.manage_traveller", agency)
    traveller = Traveller(
        agency=agency,
        name=name.strip(),
        sex=sex,
        date_of_birth=date_of_birth,
        post=post.strip(),
        rank=rank,
        id_number=id_number.strip().upper(),
        passport_name=(passport_name.strip() or passport_name_text(name)).upper(),
        is_agency_leader=is_agency_leader,
        is_academic=is_academic,
    )
    traveller.full_clean()
    with transaction.atomic():
        traveller.save()
        log_action(
            action="missions.traveller.register",
            actor=actor,
            obj=traveller,
            after=_traveller_record(traveller),
            request=request,
        )
    return traveller


def do_update_traveller(
    *,
    actor: Any,
    traveller: Traveller,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Traveller:
    """Change a registered traveller. Checks ``missions.manage_traveller`` for them."""
    unknown = set(changes) - set(TRAVELLER_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    _require(actor, "missions.manage_traveller", traveller)
    with transaction.atomic():
        locked = Traveller.objects.select_for_update().get(pk=traveller.pk)
        before = _traveller_record(locked)
        for field_name, value in changes.items():
            if field_name == "passport_name":
                value = str(value).strip().upper()
            setattr(locked, field_name, value)
        locked.full_clean()
        after = _traveller_record(locked)
        changed = {k for k in after if after[k] != before[k]}
        if not changed:
            return locked
        locked.save()
        if "name" in changed:
            from .names import refresh_case_names

            refresh_case_names(locked.memberships.values_list("mission_id", flat=True))
        log_action(
            action="missions.traveller.update",
            actor=actor,
            obj=locked,
            before={k: before[k] for k in sorted(changed)},
            after={k: after[k] for k in sorted(changed)},
            request=request,
        )
    return locked


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
