"""Every write of the missions area's registers: annual plans (people: the registers app;
rules: the kernel).

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
from waishi.registers.actions import do_register_person, do_update_person
from waishi.registers.constants import PersonKind
from waishi.registers.models import Person

from .constants import Rank
from .models import AnnualPlan, PlannedMission


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
    is_principal_leader: bool = False,
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
        is_principal_leader=is_principal_leader,
        request=request,
    )


def do_update_traveller(
    *,
    actor: Any,
    traveller: Person,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
    expected_version: int | None = None,
) -> Person:
    """Change a traveller (``registers.actions.do_update_person``, which checks permission)."""
    return do_update_person(
        actor=actor,
        person=traveller,
        changes=changes,
        request=request,
        expected_version=expected_version,
    )


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
