"""Writes of the passports area's configuration data: custody rules and visa requirements.

The system administrator keeps them in the admin site (``admin.py``); these functions check
the model permission the admin asks for, validate, write and audit in one transaction. A
custody rule that has been in force is never rewritten: a changed rule is a new row, and an
old row may only be given an end date or be switched off.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action

from .constants import Jurisdiction, RuleCode, Severity
from .models import CustodyRule, VisaRequirement
from .rules import check_rule_value


def _require(actor: Any, permission: str) -> None:
    if actor is None or not actor.has_perm(permission):
        raise PermissionDenied(_("You may not do this."))


def _check_period(start: datetime.date, end: datetime.date | None) -> None:
    if end is not None and end < start:
        raise ValidationError(_("A rule cannot end before it comes into force."))


def _rule_record(rule: CustodyRule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "jurisdiction": rule.jurisdiction,
        "area_code": rule.area_code,
        "value": rule.value,
        "severity": rule.severity,
        "effective_from": rule.effective_from.isoformat(),
        "effective_to": rule.effective_to.isoformat() if rule.effective_to else None,
        "active": rule.active,
    }


def do_add_custody_rule(
    *,
    actor: Any,
    code: str,
    value: Any,
    effective_from: datetime.date,
    citation: str,
    jurisdiction: str = Jurisdiction.NATIONAL,
    area_code: str = "",
    severity: str = Severity.BLOCK,
    effective_to: datetime.date | None = None,
    active: bool = True,
    request: HttpRequest | None = None,
) -> CustodyRule:
    """Add a version of a custody rule. Checks ``passports.add_custodyrule``.

    The value must fit the rule (``rules.check_rule_value``) and the citation say where it
    comes from; a provincial or city rule names its area (six digits) or none.
    """
    _require(actor, "passports.add_custodyrule")
    if code not in RuleCode.values:
        raise ValidationError(_("Choose the rule."))
    value = check_rule_value(code, value)
    citation = citation.strip()
    if not citation:
        raise ValidationError(_("Cite the regulation or decision the rule comes from."))
    area_code = area_code.strip()
    if area_code and (not area_code.isdigit() or len(area_code) != 6):
        raise ValidationError(_("The area code has six digits (e.g. 440000 for Guangdong)."))
    if jurisdiction == Jurisdiction.NATIONAL:
        area_code = ""
    _check_period(effective_from, effective_to)
    with transaction.atomic():
        rule = CustodyRule.objects.create(
            code=code,
            jurisdiction=jurisdiction,
            area_code=area_code,
            value=value,
            severity=severity,
            effective_from=effective_from,
            effective_to=effective_to,
            citation=citation,
            active=active,
        )
        log_action(
            action="passports.custody_rule.add",
            actor=actor,
            obj=rule,
            after=_rule_record(rule),
            request=request,
        )
    return rule


def do_end_custody_rule(
    *,
    actor: Any,
    rule: CustodyRule,
    effective_to: datetime.date | None,
    active: bool,
    request: HttpRequest | None = None,
) -> CustodyRule:
    """Give a rule version its last day, or switch it off. Checks ``change_custodyrule``.

    Nothing else of a version changes: hand-outs keep the version whose numbers they used.
    """
    _require(actor, "passports.change_custodyrule")
    with transaction.atomic():
        locked = CustodyRule.objects.select_for_update().get(pk=rule.pk)
        _check_period(locked.effective_from, effective_to)
        before = _rule_record(locked)
        locked.effective_to = effective_to
        locked.active = active
        locked.save(update_fields=["effective_to", "active", "updated_at"])
        log_action(
            action="passports.custody_rule.change",
            actor=actor,
            obj=locked,
            before=before,
            after=_rule_record(locked),
            request=request,
        )
    return locked


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
