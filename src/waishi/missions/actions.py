"""Every write of the missions area's registers: travellers, annual plans.

Each function takes keyword arguments with an explicit ``actor``, checks the actor's right,
runs in one transaction and writes its audit event there. Mission applications themselves are
written by ``mission_actions`` and the case workflow; the rules' numbers by the kernel's rules
engine (``waishi.cases.rule_actions``).
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

from .constants import Rank
from .models import AnnualPlan, PlannedMission, Traveller

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
