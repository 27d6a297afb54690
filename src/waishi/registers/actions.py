"""Every write of the shared registers.

Each function takes keyword arguments with an explicit ``actor``, checks the actor's right,
runs in one transaction and writes its audit event there; personal data reaches the audit log
masked only.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core import pii
from waishi.core.pinyin import passport_name_text

from .constants import PersonKind, Rank
from .hooks import person_changed
from .models import Person

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


def _require(actor: Any, permission: str, obj: Any = None) -> None:
    if actor is None or not actor.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


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


def do_update_person(
    *,
    actor: Any,
    person: Person,
    changes: dict[str, Any],
    request: HttpRequest | None = None,
) -> Person:
    """Change a registered person. Checks ``registers.manage_person`` for them.

    Only the fields that really change are written and audited (masked); areas that keep
    copies of a person's data hear of it through ``hooks.on_person_changed``. Raises
    ``ValidationError`` (nothing written) when a value is invalid.
    """
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    _require(actor, "registers.manage_person", person)
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
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
