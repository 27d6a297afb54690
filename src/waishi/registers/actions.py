"""Every write of the shared registers: people, countries and organisations.

Each function takes keyword arguments with an explicit ``actor``, checks the actor's right,
runs in one transaction and writes its audit event there; personal data reaches the audit log
masked only.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core import pii
from waishi.core.pinyin import passport_name_text
from waishi.core.validators import check_credit_code

from . import countries as register
from .constants import CHINA, PersonKind, Rank
from .hooks import person_changed
from .models import Country, CountryGroup, Organisation, Person

ORGANISATION_FIELDS = (
    "kind",
    "name_zh",
    "name_original",
    "country",
    "credit_code",
    "city",
    "address",
    "website",
    "notes",
    "is_active",
)
COUNTRY_FIELDS = ("name_zh_hans", "name_zh_hant", "name_en")


class StaleOrganisation(Exception):
    """The organisation changed since the form was opened."""

    def __init__(self, organisation: Organisation, expected_version: int) -> None:
        super().__init__(f"version {organisation.version} is not {expected_version}")
        self.organisation = organisation
        self.expected_version = expected_version


def _require(actor: Any, permission: str, obj: Any = None) -> None:
    if actor is None or not actor.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


def _record(organisation: Organisation) -> dict[str, Any]:
    record = {name: getattr(organisation, name) for name in ORGANISATION_FIELDS}
    record["country"] = organisation.country_id
    return record


def _clean(organisation: Organisation) -> None:
    """Normalise and check an organisation before it is written; raise ValidationError."""
    organisation.name_zh = organisation.name_zh.strip()
    organisation.name_original = organisation.name_original.strip()
    code = (organisation.credit_code or "").strip()
    if code:
        if organisation.country_id != CHINA:
            raise ValidationError(
                {
                    "credit_code": _(
                        "Only organisations registered in China have a unified social credit code."
                    )
                }
            )
        try:
            code = check_credit_code(code)
        except ValidationError as problem:
            raise ValidationError({"credit_code": problem.messages}) from None
        clash = Organisation.objects.filter(credit_code=code).exclude(pk=organisation.pk)
        if clash.exists():
            raise ValidationError(
                {"credit_code": _("Another organisation is registered with this code.")}
            )
    organisation.credit_code = code
    organisation.full_clean(validate_constraints=False)


def do_create_organisation(
    *, actor: Any, request: HttpRequest | None = None, **fields: Any
) -> Organisation:
    """Register an organisation. Checks ``registers.edit_organisation``."""
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    _require(actor, "registers.edit_organisation")
    organisation = Organisation(**fields)
    _clean(organisation)
    with transaction.atomic():
        organisation.save()
        log_action(
            action="registers.organisation.create",
            actor=actor,
            obj=organisation,
            after=_record(organisation),
            request=request,
        )
    return organisation


def do_update_organisation(
    *,
    actor: Any,
    organisation: Organisation,
    expected_version: int,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Organisation:
    """Change an organisation opened at ``expected_version``; a stale edit is refused.

    Checks ``registers.edit_organisation``. Raises ``StaleOrganisation`` when someone saved it
    in between, ``ValidationError`` for bad input; neither writes anything.
    """
    unknown = set(changes) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    _require(actor, "registers.edit_organisation", organisation)
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.version != expected_version:
            raise StaleOrganisation(locked, expected_version)
        before = _record(locked)
        for name, value in changes.items():
            setattr(locked, name, value)
        _clean(locked)
        after = _record(locked)
        changed = sorted(k for k in after if after[k] != before[k])
        if not changed:
            return locked
        locked.version += 1
        locked.save()
        log_action(
            action="registers.organisation.update",
            actor=actor,
            obj=locked,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
            request=request,
        )
    return locked


def do_update_country(
    *,
    actor: Any,
    code: str,
    changes: dict[str, Any],
    groups: list[str] | None = None,
    request: HttpRequest | None = None,
) -> Country:
    """Correct a country's names or groups. Checks ``registers.edit_country``.

    Clears this process's copy of the register; other processes read it again when they
    restart (the register changes rarely, see docs/registers.md).
    """
    unknown = set(changes) - set(COUNTRY_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    _require(actor, "registers.edit_country")
    with transaction.atomic():
        locked = Country.objects.select_for_update().get(pk=code.upper())
        before: dict[str, Any] = {k: getattr(locked, k) for k in COUNTRY_FIELDS}
        before["groups"] = sorted(locked.groups.values_list("code", flat=True))
        for name, value in changes.items():
            value = str(value).strip()
            if not value:
                raise ValidationError({name: _("Enter the name in every language.")})
            setattr(locked, name, value)
        locked.save()
        if groups is not None:
            found = list(CountryGroup.objects.filter(code__in=groups))
            if len(found) != len(set(groups)):
                raise ValidationError({"groups": _("Choose the groups from the list.")})
            locked.groups.set(found)
        after: dict[str, Any] = {k: getattr(locked, k) for k in COUNTRY_FIELDS}
        after["groups"] = sorted(locked.groups.values_list("code", flat=True))
        changed = sorted(k for k in after if after[k] != before[k])
        if changed:
            log_action(
                action="registers.country.update",
                actor=actor,
                obj=locked,
                before={k: before[k] for k in changed},
                after={k: after[k] for k in changed},
                request=request,
            )
    register.clear_cache()
    transaction.on_commit(register.clear_cache)
    return locked


# Fields of a person that may be changed after registration, and how the audit log shows them.
PERSON_FIELDS = (
    "name",
    "passport_name",
    "foreign_names",
    "sex",
    "date_of_birth",
    "nationalities",
    "id_number",
    "passport_number",
    "phone",
    "email",
    "address",
    "organisation_name",
    "post",
    "rank",
    "is_principal_leader",
    "kinds",
    "is_agency_leader",
    "is_academic",
    "is_active",
)
MASKED = {
    "id_number": pii.Kind.ID,
    "passport_number": pii.Kind.PASSPORT,
    "phone": pii.Kind.PHONE,
    "email": pii.Kind.TEXT,
    "address": pii.Kind.TEXT,
}
# Upper-cased as they are written in passports and on ID cards.
UPPER = ("id_number", "passport_number", "passport_name", "nationalities")


def person_record(person: Person) -> dict[str, Any]:
    """The person's fields for the audit log, personal data masked."""
    record: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        value = getattr(person, name)
        if name in MASKED:
            value = pii.mask(str(value or ""), MASKED[name])
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        record[name] = value
    return record


def _clean_value(field_name: str, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if field_name in UPPER:
            value = value.upper()
    return value


def do_register_person(
    *,
    actor: Any,
    agency: Any,
    name: str,
    sex: str,
    date_of_birth: datetime.date,
    post: str = "",
    rank: str = Rank.OTHER,
    id_number: str = "",
    passport_name: str = "",
    kinds: str = PersonKind.TRAVELLER,
    request: HttpRequest | None = None,
    **details: Any,
) -> Person:
    """Add a person to the agency's register; the passport name is proposed from the name.

    Checks ``registers.manage_person`` for the agency. ``details`` are further fields of
    ``PERSON_FIELDS`` (foreign names, nationalities, passport number, contact details, …).
    Raises ``ValidationError`` (nothing written) when a field is invalid.
    """
    unknown = set(details) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"Not a person's field: {sorted(unknown)}")
    _require(actor, "registers.manage_person", agency)
    values = {
        "name": name,
        "sex": sex,
        "date_of_birth": date_of_birth,
        "post": post,
        "rank": rank,
        "id_number": id_number,
        "passport_name": passport_name or passport_name_text(name.strip()),
        "kinds": kinds,
        **details,
    }
    person = Person(agency=agency, **{k: _clean_value(k, v) for k, v in values.items()})
    person.full_clean()
    with transaction.atomic():
        person.save()
        log_action(
            action="registers.person.register",
            actor=actor,
            obj=person,
            after=person_record(person),
            request=request,
        )
    return person


class StalePerson(Exception):
    """The person was changed since the form was opened; nothing was written."""

    def __init__(self, person: Person, expected_version: int) -> None:
        super().__init__(f"version {person.version} is not {expected_version}")
        self.person = person
        self.expected_version = expected_version


def do_update_person(
    *,
    actor: Any,
    person: Person,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
    expected_version: int | None = None,
) -> Person:
    """Change a registered person. Checks ``registers.manage_person`` for them.

    Only the fields that really change are written and audited (masked); areas that keep
    copies of a person's data hear of it through ``hooks.on_person_changed``. Raises
    ``ValidationError`` (nothing written) when a value is invalid, and ``StalePerson`` when
    ``expected_version`` is given and someone else changed the person since.
    """
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    _require(actor, "registers.manage_person", person)
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        if expected_version is not None and locked.version != expected_version:
            raise StalePerson(locked, expected_version)
        before = person_record(locked)
        # Compared in clear, so a change inside a masked value is not missed.
        original = {k: getattr(locked, k) for k in PERSON_FIELDS}
        for field_name, value in changes.items():
            setattr(locked, field_name, _clean_value(field_name, value))
        locked.full_clean()
        after = person_record(locked)
        changed = {k for k in PERSON_FIELDS if getattr(locked, k) != original[k]}
        if not changed:
            return locked
        locked.version += 1
        locked.save()
        person_changed(locked, changed)
        log_action(
            action="registers.person.update",
            actor=actor,
            obj=locked,
            before={k: before[k] for k in sorted(changed)},
            after={k: after[k] for k in sorted(changed)},
            request=request,
        )
    return locked
