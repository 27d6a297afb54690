"""Every write of the shared registers of countries and organisations.

Each function takes keyword arguments with an explicit ``actor``, checks the actor's right,
runs in one transaction and writes its audit event there.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core.validators import check_credit_code

from . import countries as register
from .constants import CHINA
from .models import Country, CountryGroup, Organisation

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
