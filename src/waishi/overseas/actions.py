"""Writing the overseas Chinese register: people's standings, organisations, county officers.

Every action checks its right, validates (a clear, translated error and nothing written) and
runs in one transaction with its audit event. Personal data reaches the audit log masked.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.accounts.constants import AgencyKind, Role
from waishi.audit.actions import log_action
from waishi.cases.rule_engine import load_rulebook
from waishi.core import pii
from waishi.core.validators import check_credit_code
from waishi.registers.constants import CHINA, OrganisationKind, PersonKind
from waishi.registers.models import Organisation, Person
from waishi.registers.models.people import split_codes

from .constants import (
    PRINCIPAL_CATEGORIES,
    RULE_AREA,
    Category,
    EndReason,
    OrganisationCategory,
    Relation,
    ResidenceBasis,
)
from .models import CountyAccess, OrganisationProfile, Standing
from .permissions import may_work_on_county
from .rules import DEFAULTS, end_reasons, relative_reasons, residence_reasons


class StaleStanding(Exception):
    """The entry was changed since the form was opened."""


def rule_value(code: str, day: datetime.date) -> tuple[dict[str, Any], str]:
    """The value and citation of rule ``code`` in force on ``day`` (the seeded default else)."""
    spec = load_rulebook(RULE_AREA, day).get(code)
    if spec is None:
        return DEFAULTS[code], ""
    return spec.value, spec.citation


def _require(actor: Any, permission: str, obj: Any = None) -> None:
    if actor is None or not actor.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


def _require_county(actor: Any, county: Any) -> None:
    if not actor.has_perm("overseas.edit_register") or not may_work_on_county(actor, county):
        raise PermissionDenied(_("You may not do this."))


def _audit_standing(standing: Standing) -> dict[str, Any]:
    return {
        "person": standing.person_id,
        "category": standing.category,
        "county": standing.county_id,
        "country": standing.country,
        "principal": standing.principal_id,
        "relation": standing.relation,
        "support_proof": pii.mask(standing.support_proof),
        "valid_from": standing.valid_from.isoformat(),
        "ended_on": standing.ended_on.isoformat() if standing.ended_on else None,
        "end_reason": standing.end_reason,
    }


# People -------------------------------------------------------------------------------------


def do_register_person(
    *,
    actor: Any,
    county: Any,
    name: str,
    sex: str,
    date_of_birth: datetime.date,
    nationalities: str = "CN",
    id_number: str = "",
    passport_number: str = "",
    phone: str = "",
    address: str = "",
    foreign_names: str = "",
    request: HttpRequest | None = None,
) -> Person:
    """Add a person to the shared people register as an overseas Chinese contact."""
    _require_county(actor, county)
    person = Person(
        agency=None,
        kinds=PersonKind.OVERSEAS_CHINESE,
        name=name.strip(),
        foreign_names=foreign_names.strip(),
        sex=sex,
        date_of_birth=date_of_birth,
        nationalities=",".join(split_codes(nationalities)) or CHINA,
        id_number=id_number.strip().upper(),
        passport_number=passport_number.strip().upper(),
        phone=phone.strip(),
        address=address.strip(),
    )
    person.full_clean()
    with transaction.atomic():
        person.save()
        log_action(
            action="overseas.person.register",
            actor=actor,
            obj=person,
            after={
                "name": pii.mask(person.name),
                "id_number": pii.mask(person.id_number, pii.Kind.ID),
                "nationalities": person.nationalities,
            },
            request=request,
        )
    return person


def _current(person: Any) -> Standing | None:
    return (
        Standing.objects.select_for_update()
        .filter(person_id=getattr(person, "pk", person), ended_on__isnull=True)
        .first()
    )


def standing_reasons(
    *,
    category: str,
    country: str,
    as_of: datetime.date,
    residence_basis: str = "",
    residence_from: datetime.date | None = None,
    months_present: Decimal | None = None,
    returned_on: datetime.date | None = None,
    principal_category: str | None = None,
    relation: str = "",
    support_proof: str = "",
) -> list[str]:
    """Why the facts do not make the standing (the legal tests with the rules in force)."""
    if category not in Category.values:
        return [_("Choose the standing.")]
    reasons: list[str] = []
    if category in (Category.HUAQIAO, Category.HUAREN, Category.GUIQIAO) and not country:
        reasons.append(_("Give the country or region of residence abroad."))
    if country == CHINA and category in (Category.HUAQIAO, Category.HUAREN):
        reasons.append(_("The country of residence must be abroad."))
    if category == Category.HUAQIAO:
        code = (
            "long_residence"
            if residence_basis == ResidenceBasis.LEGAL_RESIDENCE
            else "short_residence"
        )
        value, citation = rule_value(code, as_of)
        reasons += residence_reasons(
            basis=residence_basis,
            residence_from=residence_from,
            months_present=months_present,
            as_of=as_of,
            rule=value,
            citation=citation,
        )
    elif category == Category.GUIQIAO and returned_on is None:
        reasons.append(_("Give the day the person came back to settle."))
    elif category == Category.QIAOJUAN:
        reasons += relative_reasons(
            relation=relation, principal_category=principal_category, support_proof=support_proof
        )
    elif category == Category.QIAOSHU:
        if principal_category is None:
            reasons.append(_("Name the person abroad the collateral relative is related to."))
        if relation != Relation.COLLATERAL:
            reasons.append(_("A survey-only relative is a collateral relative."))
    elif category == Category.HKMO_RELATIVE and principal_category != Category.HKMO:
        reasons.append(_("Name the Hong Kong or Macao compatriot the relative is related to."))
    return reasons


def principal_category(principal: Any) -> str | None:
    """The principal's current standing (kept after their death)."""
    if principal is None:
        return None
    return (
        Standing.objects.filter(person_id=principal.pk, ended_on__isnull=True)
        .values_list("category", flat=True)
        .first()
    )


def do_record_standing(
    *,
    actor: Any,
    person: Person,
    category: str,
    county: Any,
    valid_from: datetime.date,
    country: str = "",
    town: str = "",
    left_china_on: datetime.date | None = None,
    returned_on: datetime.date | None = None,
    residence_basis: str = "",
    residence_from: datetime.date | None = None,
    months_present: Decimal | None = None,
    residence_evidence: str = "",
    principal: Person | None = None,
    relation: str = "",
    relation_evidence: str = "",
    support_proof: str = "",
    returned_entrepreneur: bool = False,
    returned_student: bool = False,
    replaces_reason: str = EndReason.CORRECTION,
    request: HttpRequest | None = None,
) -> Standing:
    """Record a person's standing; a current one ends the day before (history kept).

    The legal tests run with the rules in force on ``valid_from``: the residence test of a
    华侨 (2 years with 18 months present, or 5 years with 30), the relation of a 侨眷 to a
    named 华侨/归侨 from the legal list (long-term support only with a notarised proof). A
    county officer records in their own county only. Raises ``ValidationError``.
    """
    _require_county(actor, county)
    if valid_from > timezone.localdate():
        raise ValidationError(_("The standing cannot start in the future."))
    if principal is not None and principal.pk == person.pk:
        raise ValidationError(_("A person cannot be their own relative."))
    country = (country or "").strip().upper()
    reasons = standing_reasons(
        category=category,
        country=country,
        as_of=valid_from,
        residence_basis=residence_basis,
        residence_from=residence_from,
        months_present=months_present,
        returned_on=returned_on,
        principal_category=principal_category(principal),
        relation=relation,
        support_proof=support_proof,
    )
    if reasons:
        raise ValidationError(reasons)
    with transaction.atomic():
        previous = _current(person)
        if previous is not None:
            if previous.category == category and previous.principal_id == getattr(
                principal, "pk", None
            ):
                raise ValidationError(_("The person already has this standing."))
            if previous.valid_from >= valid_from:
                raise ValidationError(_("The new standing must start after the current one."))
            previous.ended_on = valid_from - datetime.timedelta(days=1)
            previous.end_reason = replaces_reason
            previous.version += 1
            previous.save(update_fields=["ended_on", "end_reason", "version", "updated_at"])
        standing = Standing.objects.create(
            person=person,
            category=category,
            county_id=getattr(county, "pk", county),
            country=country,
            town=town.strip(),
            left_china_on=left_china_on,
            returned_on=returned_on,
            residence_basis=residence_basis if category == Category.HUAQIAO else "",
            residence_from=residence_from if category == Category.HUAQIAO else None,
            months_present=months_present if category == Category.HUAQIAO else None,
            residence_evidence=residence_evidence.strip(),
            principal=principal,
            relation=relation,
            relation_evidence=relation_evidence.strip(),
            support_proof=support_proof.strip() if relation == Relation.LONG_TERM_SUPPORT else "",
            returned_entrepreneur=returned_entrepreneur,
            returned_student=returned_student,
            valid_from=valid_from,
            previous=previous,
            recorded_by=actor,
        )
        if not person.has_kind(PersonKind.OVERSEAS_CHINESE):
            person.kinds = ",".join([*person.kind_codes, PersonKind.OVERSEAS_CHINESE])
            person.save(update_fields=["kinds", "updated_at"])
        log_action(
            action="overseas.standing.record",
            actor=actor,
            obj=standing,
            before=_audit_standing(previous) if previous else None,
            after=_audit_standing(standing),
            request=request,
        )
    return standing


def do_end_standing(
    *,
    actor: Any,
    standing: Standing,
    reason: str,
    ended_on: datetime.date,
    note: str = "",
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> Standing:
    """End a standing (IMP art. 3: divorce, end of support); the row stays as history."""
    _require_county(actor, standing.county_id)
    problems = end_reasons(category=standing.category, relation=standing.relation, reason=reason)
    if problems:
        raise ValidationError(problems)
    if ended_on > timezone.localdate():
        raise ValidationError(_("The standing cannot end in the future."))
    if ended_on < standing.valid_from:
        raise ValidationError(_("The standing cannot end before it started."))
    with transaction.atomic():
        row = Standing.objects.select_for_update().get(pk=standing.pk)
        if expected_version is not None and row.version != expected_version:
            raise StaleStanding
        if row.ended_on is not None:
            raise ValidationError(_("This standing has already ended."))
        row.ended_on, row.end_reason, row.end_note = ended_on, reason, note.strip()
        row.version += 1
        row.save(update_fields=["ended_on", "end_reason", "end_note", "version", "updated_at"])
        log_action(
            action="overseas.standing.end",
            actor=actor,
            obj=row,
            after=_audit_standing(row),
            reason=note.strip(),
            request=request,
        )
    return row


def do_record_death(
    *,
    actor: Any,
    standing: Standing,
    died_on: datetime.date,
    request: HttpRequest | None = None,
) -> Standing:
    """Record the death of a 华侨 or 归侨; the standing of their relatives survives (IMP art. 3)."""
    _require_county(actor, standing.county_id)
    if standing.category not in PRINCIPAL_CATEGORIES:
        raise ValidationError(_("Record the death on the standing of an overseas Chinese."))
    if died_on > timezone.localdate():
        raise ValidationError(_("The day of death cannot be in the future."))
    with transaction.atomic():
        row = Standing.objects.select_for_update().get(pk=standing.pk)
        row.died_on = died_on
        row.version += 1
        row.save(update_fields=["died_on", "version", "updated_at"])
        log_action(
            action="overseas.standing.death",
            actor=actor,
            obj=row,
            after={"died_on": died_on.isoformat()},
            request=request,
        )
    return row


# Reveals and exports ------------------------------------------------------------------------

PERSON_REVEALABLE = {
    "id_number": pii.Kind.ID,
    "passport_number": pii.Kind.PASSPORT,
    "phone": pii.Kind.PHONE,
    "address": pii.Kind.TEXT,
    "name": pii.Kind.TEXT,
}


def do_reveal(
    *,
    actor: Any,
    standing: Standing,
    field: str,
    reason: str,
    request: HttpRequest | None = None,
) -> str:
    """Show one masked value of a person of the register in clear; audited with the reason.

    The caller has found ``standing`` through ``standings_visible_to``.
    """
    _require(actor, "overseas.reveal")
    if field not in PERSON_REVEALABLE and field != "support_proof":
        raise ValidationError(_("This information cannot be revealed."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason you need to see this information."))
    obj: Any = standing if field == "support_proof" else standing.person
    with transaction.atomic():
        log_action(
            action="overseas.person.reveal",
            actor=actor,
            obj=standing,
            after={"field": field, "person": standing.person_id},
            reason=reason,
            request=request,
        )
    return str(getattr(obj, field) or "")


def do_record_export(
    *, actor: Any, what: str, count: int, reason: str, request: HttpRequest | None = None
) -> None:
    """Record an export of the register (masked) with its reason; refused without one."""
    _require(actor, "overseas.export_register")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for the export."))
    with transaction.atomic():
        log_action(
            action="overseas.register.export",
            actor=actor,
            object_type="overseas.register",
            object_id=what,
            after={"rows": count},
            reason=reason,
            request=request,
        )


# County officers ----------------------------------------------------------------------------


def county_of(agency: Any) -> Any:
    """The county government above a county office (or the agency itself)."""
    if agency is None:
        return None
    if agency.kind == AgencyKind.COUNTY_FAO and agency.parent_id is not None:
        return agency.parent
    return agency


def do_name_county_officer(
    *, actor: Any, user: Any, request: HttpRequest | None = None
) -> CountyAccess:
    """Name a county officer for the register of their own county (the division head)."""
    _require(actor, "overseas.manage_access")
    if not user.has_role(Role.COUNTY_OFFICER) or user.agency_id is None:
        raise ValidationError(_("Only a county office's officer can be named."))
    county = county_of(user.agency)
    if county is None or county.kind != AgencyKind.COUNTY_GOVERNMENT:
        raise ValidationError(_("The officer's office belongs to no county-level unit."))
    with transaction.atomic():
        if CountyAccess.objects.filter(user=user, revoked_at__isnull=True).exists():
            raise ValidationError(_("This officer is already named."))
        access = CountyAccess.objects.create(user=user, county=county, granted_by=actor)
        user.__dict__.pop("_overseas_county", None)
        log_action(
            action="overseas.access.grant",
            actor=actor,
            obj=access,
            after={"user": user.pk, "county": county.pk},
            request=request,
        )
    return access


def do_revoke_county_officer(
    *, actor: Any, access: CountyAccess, request: HttpRequest | None = None
) -> None:
    _require(actor, "overseas.manage_access")
    with transaction.atomic():
        row = CountyAccess.objects.select_for_update().get(pk=access.pk)
        if row.revoked_at is not None:
            return
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at", "updated_at"])
        log_action(
            action="overseas.access.revoke",
            actor=actor,
            obj=row,
            after={"user": row.user_id, "county": row.county_id},
            request=request,
        )


# Organisations ------------------------------------------------------------------------------


def do_record_organisation(
    *,
    actor: Any,
    category: str,
    name_zh: str,
    country: str,
    county: Any = None,
    city: str = "",
    name_original: str = "",
    credit_code: str = "",
    leaders: str = "",
    contacts: str = "",
    investors: str = "",
    investor_countries: str = "",
    sector: str = "",
    returned_entrepreneur: bool = False,
    returned_student: bool = False,
    request: HttpRequest | None = None,
) -> OrganisationProfile:
    """Add an association or an enterprise to the shared organisations register with its
    overseas-Chinese profile. An enterprise in the city needs its credit code (GB 32100)."""
    if category not in OrganisationCategory.values:
        raise ValidationError(_("Choose the kind of organisation."))
    if county is not None:
        _require_county(actor, county)
    else:
        _require(actor, "overseas.manage_organisations")
    country = (country or "").strip().upper()
    code = (credit_code or "").strip().upper()
    if category == OrganisationCategory.ASSOCIATION:
        kind = OrganisationKind.OVERSEAS_CHINESE_ASSOCIATION
        if country in ("", CHINA):
            raise ValidationError(_("An overseas Chinese association is abroad: give its country."))
        code = ""
    else:
        kind = OrganisationKind.COMPANY
        country = CHINA
        if county is None:
            raise ValidationError(_("Give the county-level unit the enterprise is registered in."))
        try:
            code = check_credit_code(code)
        except ValidationError as problem:
            raise ValidationError(problem.messages) from None
        if Organisation.objects.filter(credit_code=code).exists():
            raise ValidationError(_("Another organisation is registered with this code."))
    organisation = Organisation(
        kind=kind,
        name_zh=name_zh.strip(),
        name_original=name_original.strip(),
        country_id=country,
        credit_code=code,
        city=city.strip(),
    )
    organisation.full_clean(validate_constraints=False)
    with transaction.atomic():
        organisation.save()
        profile = OrganisationProfile.objects.create(
            organisation=organisation,
            category=category,
            county_id=getattr(county, "pk", county),
            leaders=leaders.strip(),
            contacts=contacts.strip(),
            investors=investors.strip(),
            investor_countries=",".join(split_codes(investor_countries)),
            sector=sector.strip(),
            returned_entrepreneur=returned_entrepreneur,
            returned_student=returned_student,
            recorded_by=actor,
        )
        log_action(
            action="overseas.organisation.record",
            actor=actor,
            obj=profile,
            after={
                "organisation": organisation.pk,
                "category": category,
                "credit_code": code,
                "county": profile.county_id,
            },
            request=request,
        )
    return profile
