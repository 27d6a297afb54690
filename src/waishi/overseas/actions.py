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
        Standing.objects.select_for_update(of=("self",))
        .order_by()
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
        row = Standing.objects.select_for_update(of=("self",)).order_by().get(pk=standing.pk)
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
        row = Standing.objects.select_for_update(of=("self",)).order_by().get(pk=standing.pk)
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
        row = CountyAccess.objects.select_for_update(of=("self",)).order_by().get(pk=access.pk)
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


# Certificates -------------------------------------------------------------------------------

PROVINCE = _("Guangdong Provincial Overseas Chinese Affairs Office")


def _county_office(county: Any) -> Any:
    """The county's foreign-affairs office (the agency its officers belong to), if any."""
    from waishi.accounts.models import Agency

    return Agency.objects.filter(parent=county, kind=AgencyKind.COUNTY_FAO, is_active=True).first()


def decider_for(county: Any, day: datetime.date) -> str:
    """Who decides an identity certificate for a household registered in ``county``."""
    from .constants import Decider

    value, _citation = rule_value("city_decides_for", day)
    return Decider.CITY if county.code in set(value.get("units", [])) else Decider.COUNTY


def _filing_agency(actor: Any, county: Any, *, for_county: bool) -> Any:
    """The office a case is filed at: the actor's own county office, or the county's."""
    if actor.has_role(Role.COUNTY_OFFICER):
        if county_of(actor.agency) is None or county_of(actor.agency).pk != county.pk:
            raise ValidationError(
                _("File at the office of the county-level unit concerned: this one is not yours.")
            )
        return actor.agency
    return _county_office(county) if for_county else None


def _applicant_case(
    *, actor: Any, case_type: str, agency: Any, title: str, build: Any, key: str, request: Any
) -> Any:
    from waishi.cases.actions import do_create_case

    if actor.has_role(Role.APPLICANT):
        from waishi.cases.applications import file_for_applicant

        return file_for_applicant(
            actor=actor,
            case_type=case_type,
            title=title,
            build_detail=build,
            idempotency_key=key,
            request=request,
        )
    return do_create_case(
        actor=actor,
        case_type=case_type,
        agency=agency,
        title=title,
        build_detail=build,
        idempotency_key=key,
        request=request,
    )


def do_file_identity(
    *,
    actor: Any,
    person: Person,
    category: str,
    hukou_county: Any,
    hukou_evidence: str,
    purpose: str,
    receiving_unit: str,
    principal: Person | None = None,
    relation: str = "",
    relation_evidence: str = "",
    support_proof: str = "",
    purpose_other: str = "",
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Any:
    """File an application for an identity certificate (归侨/侨眷身份证明书).

    By the applicant themselves, by a named county officer of the household registration
    place, or by the division. The deciding office follows the rule ``city_decides_for``;
    a county's case is filed at its office, so its officers see and decide it. A 侨眷 must
    be related to a 华侨 or 归侨 of the register by a relation from the legal list (long-term
    support only with a notarised proof). Raises ``ValidationError``; nothing is written.
    """
    from waishi.cases.clocks import start_clock
    from waishi.cases.names import set_case_names

    from .constants import (
        CERTIFIED_CATEGORIES,
        IDENTITY_CASE_TYPE,
        PROCESSING_CLOCK,
        Decider,
        Purpose,
    )
    from .models import IdentityApplication

    if not actor.has_role(Role.APPLICANT) and not actor.has_perm("overseas.file_certificate"):
        raise PermissionDenied(_("You may not do this."))
    if not actor.has_role(Role.APPLICANT) and not may_work_on_county(actor, hukou_county):
        raise PermissionDenied(_("You may not do this."))
    reasons = []
    if category not in CERTIFIED_CATEGORIES:
        reasons.append(_("The certificate confirms a returned overseas Chinese or a relative."))
    if purpose not in Purpose.values:
        reasons.append(_("Choose the purpose from the list."))
    elif purpose == Purpose.OTHER and not purpose_other.strip():
        reasons.append(_("Say what the certificate is for."))
    if not receiving_unit.strip():
        reasons.append(_("Name the unit the certificate is for."))
    if not hukou_evidence.strip():
        reasons.append(_("Give the household registration evidence."))
    if category == Category.QIAOJUAN:
        if principal is None:
            reasons.append(_("Name the overseas Chinese or returned overseas Chinese."))
        else:
            reasons += relative_reasons(
                relation=relation,
                principal_category=principal_category(principal),
                support_proof=support_proof,
            )
    if reasons:
        raise ValidationError(reasons)
    today = timezone.localdate()
    decider = decider_for(hukou_county, today)
    agency = (
        None
        if actor.has_role(Role.APPLICANT)
        else _filing_agency(actor, hukou_county, for_county=decider == Decider.COUNTY)
    )
    title = f"{Category(category).label} · {pii.mask(person.name)} · {Purpose(purpose).label}"

    def build(case: Any) -> None:
        IdentityApplication.objects.create(
            case=case,
            person=person,
            category=category,
            principal=principal if category == Category.QIAOJUAN else None,
            relation=relation if category == Category.QIAOJUAN else "",
            relation_evidence=relation_evidence.strip(),
            support_proof=support_proof.strip() if relation == Relation.LONG_TERM_SUPPORT else "",
            hukou_county=hukou_county,
            hukou_evidence=hukou_evidence.strip(),
            decider=decider,
            purpose=purpose,
            purpose_other=purpose_other.strip(),
            receiving_unit=receiving_unit.strip(),
        )
        set_case_names(case.pk, [person.name])

    with transaction.atomic():
        case = _applicant_case(
            actor=actor,
            case_type=IDENTITY_CASE_TYPE,
            agency=agency,
            title=str(title)[:200],
            build=build,
            key=idempotency_key,
            request=request,
        )
        if not getattr(case, "replayed", False):
            start_clock(case, PROCESSING_CLOCK, actor=actor)
    return case


def parse_stays(stays: Any) -> list[Any]:
    from .rules import Stay

    return [Stay(arrived, left) for arrived, left in stays]


def do_file_settlement(
    *,
    actor: Any,
    person: Person,
    country: str,
    county: Any,
    applied_on: datetime.date,
    stays: list[tuple[datetime.date, datetime.date]],
    housing_evidence: str = "",
    livelihood_evidence: str = "",
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Any:
    """File an application for a return-to-settle certificate (GDQ art. 8).

    The presence test runs at once with the rule in force on the day of application and its
    result is kept with the case; the housing and livelihood checks come later.
    """
    from waishi.cases.clocks import start_clock
    from waishi.cases.names import set_case_names

    from .constants import PROCESSING_CLOCK, SETTLEMENT_CASE_TYPE
    from .models import SettlementApplication
    from .rules import presence_test

    if not actor.has_role(Role.APPLICANT) and not (
        actor.has_perm("overseas.file_certificate") and may_work_on_county(actor, county)
    ):
        raise PermissionDenied(_("You may not do this."))
    country = (country or "").strip().upper()
    if country in ("", CHINA):
        raise ValidationError(_("Give the country of residence abroad."))
    if applied_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    for arrived, left in stays:
        if left < arrived or left > applied_on:
            raise ValidationError(
                _("Each stay ends after it starts and by the day of application.")
            )
    value, citation = rule_value("settlement_presence", applied_on)
    result = presence_test(parse_stays(stays), applied_on, value, citation)
    agency = (
        None if actor.has_role(Role.APPLICANT) else _filing_agency(actor, county, for_county=True)
    )

    def build(case: Any) -> None:
        SettlementApplication.objects.create(
            case=case,
            person=person,
            country=country,
            county=county,
            applied_on=applied_on,
            stays=[{"arrived": a.isoformat(), "left": b.isoformat()} for a, b in stays],
            presence_met=result.met,
            presence_note=" ".join(result.reasons)[:500],
            housing_evidence=housing_evidence.strip(),
            livelihood_evidence=livelihood_evidence.strip(),
        )
        set_case_names(case.pk, [person.name])

    with transaction.atomic():
        case = _applicant_case(
            actor=actor,
            case_type=SETTLEMENT_CASE_TYPE,
            agency=agency,
            title=f"{_('Return to settle')} · {pii.mask(person.name)}"[:200],
            build=build,
            key=idempotency_key,
            request=request,
        )
        if not getattr(case, "replayed", False):
            start_clock(case, PROCESSING_CLOCK, actor=actor)
    return case


def do_record_checks(
    *,
    actor: Any,
    case: Any,
    housing_checked: bool,
    housing_evidence: str,
    livelihood_checked: bool,
    livelihood_evidence: str,
    request: HttpRequest | None = None,
) -> Any:
    """Record the housing and livelihood checks of a return-to-settle application."""
    from waishi.cases.models import Case
    from waishi.cases.refusals import TransitionRefused
    from waishi.cases.workflow import may_act

    from .models import SettlementApplication
    from .workflow import SETTLEMENT_WORKFLOW

    if not may_act(actor, case, SETTLEMENT_WORKFLOW.transition("issue")):
        raise TransitionRefused(
            [_("Only the deciding office may record the checks.")], forbidden=True
        )
    if case.status not in ("submitted", "material_requested"):
        raise ValidationError(_("The application is no longer being decided."))
    if housing_checked and not housing_evidence.strip():
        raise ValidationError(_("Record the evidence of the housing checked."))
    if livelihood_checked and not livelihood_evidence.strip():
        raise ValidationError(_("Record the evidence of the livelihood checked."))
    with transaction.atomic():
        Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
        detail = SettlementApplication.objects.get(case_id=case.pk)
        detail.housing_checked = housing_checked
        detail.housing_evidence = housing_evidence.strip()
        detail.livelihood_checked = livelihood_checked
        detail.livelihood_evidence = livelihood_evidence.strip()
        detail.save(
            update_fields=[
                "housing_checked",
                "housing_evidence",
                "livelihood_checked",
                "livelihood_evidence",
            ]
        )
        log_action(
            action="overseas.settlement.checks",
            actor=actor,
            obj=case,
            after={"housing": housing_checked, "livelihood": livelihood_checked},
            request=request,
        )
    return detail


def certificate_valid_until(issued_on: datetime.date) -> datetime.date:
    """The last day of validity: ``years`` (rule ``certificate_validity``) less a day."""
    from .rules import add_years

    value, _citation = rule_value("certificate_validity", issued_on)
    return add_years(issued_on, int(value["years"])) - datetime.timedelta(days=1)


IDENTITY_DOCUMENT = "overseas.identity"
SETTLEMENT_DOCUMENT = "overseas.settlement"


def issue_identity_certificate(case: Any, actor: Any) -> Any:
    """Inside the ``issue`` transition: the numbered certificate, valid one year (rule data),
    naming the purpose and the receiving unit; the portal verifies it by its QR code."""
    from waishi.cases.documents import issue_document
    from waishi.registers.countries import country_name

    from .constants import Decider, Purpose

    detail = case.identity_application
    valid_until = certificate_valid_until(timezone.localdate())
    purpose = str(Purpose(detail.purpose).label)
    if detail.purpose_other:
        purpose = f"{purpose}（{detail.purpose_other}）"
    principal_country = (
        Standing.objects.filter(person_id=detail.principal_id)
        .order_by("ended_on", "-valid_from")
        .values_list("country", flat=True)
        .first()
        if detail.principal_id
        else ""
    )
    person = detail.person
    document = issue_document(
        case=case,
        kind=IDENTITY_DOCUMENT,
        actor=actor,
        facts={
            "name": person.name,
            "sex": str(person.get_sex_display()),
            "id_number": person.id_number,
            "standing": str(Category(detail.category).label),
            "principal": detail.principal.name if detail.principal_id else "",
            "relation": str(Relation(detail.relation).label) if detail.relation else "",
            "principal_country": country_name(principal_country) if principal_country else "",
            "hukou": str(detail.hukou_county),
            "purpose": purpose,
            "receiving_unit": detail.receiving_unit,
            "decided_by": str(
                case.agency if detail.decider == Decider.COUNTY and case.agency_id else ""
            ),
        },
        valid_until=valid_until,
    )
    detail.valid_until = valid_until
    detail.certificate_number = str(document.number)[:100]
    detail.save(update_fields=["valid_until", "certificate_number"])
    return document


def issue_settlement_certificate(case: Any, actor: Any) -> Any:
    """Inside the ``issue`` transition of a return-to-settle application: the certificate."""
    from waishi.cases.documents import issue_document
    from waishi.registers.countries import country_name

    detail = case.settlement_application
    person = detail.person
    document = issue_document(
        case=case,
        kind=SETTLEMENT_DOCUMENT,
        actor=actor,
        facts={
            "name": person.name,
            "sex": str(person.get_sex_display()),
            "date_of_birth": person.date_of_birth.isoformat(),
            "passport_number": person.passport_number,
            "country": country_name(detail.country),
            "county": str(detail.county),
        },
    )
    detail.certificate_number = str(document.number)[:100]
    detail.save(update_fields=["certificate_number"])
    return document


def send_reconsideration(case: Any, actor: Any, inputs: Any) -> None:
    """The applicant applied to the province for reconsideration: the bureau tracks it."""
    from waishi.cases.constants import DueUnit, StepBody
    from waishi.cases.steps import Due, do_send_step

    do_send_step(
        case=case,
        actor=actor,
        body=StepBody.OTHER,
        body_name=str(PROVINCE),
        request_text=_("Administrative reconsideration of the refusal: %(reason)s")
        % {"reason": inputs.get("reason", "")},
        sent_on=timezone.localdate(),
        # Administrative Reconsideration Law art. 62: decided within 60 days of acceptance.
        due=Due(DueUnit.DAYS, 60),
    )


def send_to_police(case: Any, actor: Any) -> None:
    """Hand the return-to-settle certificate to the police for household registration."""
    from waishi.cases.constants import DueUnit, StepBody
    from waishi.cases.steps import Due, do_send_step

    detail = case.settlement_application
    do_send_step(
        case=case,
        actor=actor,
        body=StepBody.POLICE,
        body_name=_("Public security bureau of %(county)s") % {"county": detail.county},
        request_text=_("Household registration on the return-to-settle certificate %(number)s.")
        % {"number": detail.certificate_number or case.reference},
        sent_on=timezone.localdate(),
        due=Due(DueUnit.WORKDAYS, 20),
    )


def answer_waiting_step(case: Any, actor: Any, text: str) -> None:
    """Record the outside body's answer to the step the case waits on."""
    from waishi.cases.constants import StepStatus
    from waishi.cases.models import ExternalStep
    from waishi.cases.steps import do_record_answer

    step = (
        ExternalStep.objects.filter(case_id=case.pk, status=StepStatus.WAITING)
        .order_by("-sent_on", "-id")
        .first()
    )
    if step is None:
        return
    do_record_answer(
        case=case,
        step_pk=step.pk,
        actor=actor,
        answered_on=max(timezone.localdate(), step.sent_on),
        answer_text=text.strip() or "—",
    )


# Survey campaigns ---------------------------------------------------------------------------


def do_open_campaign(
    *, actor: Any, year: int, county: Any, request: HttpRequest | None = None
) -> Any:
    """Open the survey of ``county`` for ``year`` (the division); one per year and county."""
    from .models import SurveyCampaign

    _require(actor, "overseas.open_campaign")
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise ValidationError(_("Choose a year from 2000 to next year."))
    with transaction.atomic():
        if SurveyCampaign.objects.filter(year=year, county=county).exists():
            raise ValidationError(_("This county-level unit already has a survey for this year."))
        campaign = SurveyCampaign.objects.create(year=year, county=county, created_by=actor)
        log_action(
            action="overseas.campaign.open",
            actor=actor,
            obj=campaign,
            after={"year": year, "county": county.pk},
            request=request,
        )
    return campaign


def _campaign_for(actor: Any, campaign: Any) -> Any:
    from .models import SurveyCampaign

    _require_county(actor, campaign.county_id)
    row = SurveyCampaign.objects.select_for_update(of=("self",)).order_by().get(pk=campaign.pk)
    if row.closed_at is not None:
        raise ValidationError(_("This survey is closed."))
    return row


def do_add_record(
    *, actor: Any, campaign: Any, values: dict[str, Any], request: HttpRequest | None = None
) -> Any:
    """Enter one person of the survey (county officers of the county, or the division)."""
    from .models import SurveyRecord
    from .surveys import category_by_text, parse_row

    record, errors = parse_row(values, None, category_by_text())
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = _campaign_for(actor, campaign)
        created = SurveyRecord.objects.create(campaign=row, entered_by=actor, **record)
        log_action(
            action="overseas.survey.enter",
            actor=actor,
            obj=row,
            after={"record": created.pk, "category": created.category, "country": created.country},
            request=request,
        )
    return created


def do_import_records(
    *, actor: Any, campaign: Any, content: bytes, request: HttpRequest | None = None
) -> int:
    """Import a filled-in template: every row is checked; one bad row writes nothing."""
    from .models import SurveyRecord
    from .surveys import parse_xlsx

    parsed = parse_xlsx(content)
    if parsed.errors:
        raise ValidationError(parsed.errors[:50])
    with transaction.atomic():
        row = _campaign_for(actor, campaign)
        SurveyRecord.objects.bulk_create(
            [SurveyRecord(campaign=row, entered_by=actor, **values) for values in parsed.rows]
        )
        log_action(
            action="overseas.survey.import",
            actor=actor,
            obj=row,
            after={"rows": len(parsed.rows)},
            request=request,
        )
    return len(parsed.rows)


def do_verify_campaign(*, actor: Any, campaign: Any, request: HttpRequest | None = None) -> int:
    """The division verifies the records entered in a campaign."""
    from .constants import SurveyStatus
    from .models import SurveyRecord

    _require(actor, "overseas.verify_survey")
    with transaction.atomic():
        row = _campaign_for(actor, campaign)
        count = SurveyRecord.objects.filter(campaign=row, status=SurveyStatus.ENTERED).update(
            status=SurveyStatus.VERIFIED, verified_by=actor, verified_at=timezone.now()
        )
        log_action(
            action="overseas.survey.verify",
            actor=actor,
            obj=row,
            after={"verified": count},
            request=request,
        )
    return count
