"""Writes of the passports area's configuration data: the visa requirements.

The system administrator keeps them in the admin site (``admin.py``); these functions check
the model permission the admin asks for, validate, write and audit in one transaction. The
custody rules are written by the kernel's rules engine (``waishi.cases.rule_actions``).
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action

from .models import VisaRequirement


def _require(actor: Any, permission: str) -> None:
    if actor is None or not actor.has_perm(permission):
        raise PermissionDenied(_("You may not do this."))


def check_checklist(checklist: Any) -> list[dict[str, str]]:
    """A visa checklist: a list of items, each ``{"zh": "…", "en": "…"}`` with both texts."""
    wrong = ValidationError(
        _('Write the materials as a list of items like {"zh": "护照原件", "en": "Passport"}.')
    )
    if not isinstance(checklist, list):
        raise wrong
    items = []
    for item in checklist:
        if not isinstance(item, dict) or set(item) != {"zh", "en"}:
            raise wrong
        zh, en = str(item["zh"]).strip(), str(item["en"]).strip()
        if not zh or not en:
            raise wrong
        items.append({"zh": zh, "en": en})
    return items


REQUIREMENT_FIELDS = (
    "country",
    "visa_required",
    "checklist",
    "embassy_zh",
    "embassy_en",
    "processing_days",
    "citation",
)


def do_save_visa_requirement(
    *,
    actor: Any,
    requirement: VisaRequirement | None,
    data: dict[str, Any],
    request: HttpRequest | None = None,
) -> VisaRequirement:
    """Add (``requirement`` None) or change a country's visa requirement.

    Checks ``passports.add_visarequirement`` or ``change_visarequirement``. The country is a
    two-letter code (empty: the general row for countries without one); the checklist has
    every item in Chinese and English.
    """
    adding = requirement is None
    _require(actor, f"passports.{'add' if adding else 'change'}_visarequirement")
    country = str(data.get("country") or "").strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise ValidationError(_("The country is a two-letter code (e.g. DE), or empty."))
    values = {
        "country": country,
        "visa_required": bool(data.get("visa_required")),
        "checklist": check_checklist(data.get("checklist") or []),
        "embassy_zh": str(data.get("embassy_zh") or "").strip()[:200],
        "embassy_en": str(data.get("embassy_en") or "").strip()[:200],
        "processing_days": int(data.get("processing_days") or 0),
        "citation": str(data.get("citation") or "").strip(),
    }
    with transaction.atomic():
        clash = VisaRequirement.objects.filter(country=country)
        if not adding and requirement is not None:
            clash = clash.exclude(pk=requirement.pk)
        if clash.exists():
            raise ValidationError(_("This country already has a visa requirement."))
        if requirement is None:
            requirement = VisaRequirement.objects.create(**values)
            before = None
        else:
            requirement = VisaRequirement.objects.select_for_update().get(pk=requirement.pk)
            before = {name: getattr(requirement, name) for name in REQUIREMENT_FIELDS}
            for name, value in values.items():
                setattr(requirement, name, value)
            requirement.save()
        log_action(
            action=f"passports.visa_requirement.{'add' if adding else 'change'}",
            actor=actor,
            obj=requirement,
            before=before,
            after=values,
            request=request,
        )
    return requirement
