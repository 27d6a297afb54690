"""Sensitive personal data: encrypted columns, blind-index search, masking and reveal.

Declaring it on a model::

    from waishi.core import pii

    class Member(models.Model):
        id_number = pii.EncryptedTextField(_("ID number"), kind=pii.Kind.ID, blank=True)
        id_number_index = pii.BlindIndexField(source="id_number")
        phone = pii.EncryptedTextField(_("mobile phone"), kind=pii.Kind.PHONE, blank=True)

        objects = pii.PiiManager()

    # in the app's AppConfig.ready():
    pii.register_revealable(Member, fields=["id_number", "phone"])

- ``EncryptedTextField`` stores AES-GCM ciphertext (``waishi.core.crypto``) and gives the
  plaintext back in Python. It cannot be filtered on: equal numbers encrypt differently.
- ``BlindIndexField(source=...)`` keeps an HMAC of the normalised value, filled on every
  ``save()``; ``Member.objects.pii_exact(id_number="4412...")`` (or
  ``filter(**pii_lookup(Member, id_number=...))``) finds rows by exact value. Writes that
  bypass ``save()`` (``QuerySet.update``, ``save(update_fields=[...])`` without the index
  column) must set the index themselves with ``blind_index_for``.
- ``mask(value, kind)`` is how a value is shown by default, on screens (``{{ v|mask:"id" }}``,
  ``{% pii_field obj "id_number" %}``), in exports and in the API. Audit records carry
  masked values only.
- ``register_revealable`` lists the fields a permitted user may reveal through
  ``core:pii_reveal``; each reveal needs a reason and writes ``core.pii.reveal``.
- ``waishi rotate_pii_keys`` re-encrypts every ``EncryptedTextField`` under the current key.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core import checks
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import crypto

BASE_REVEAL_PERMISSION = "core.reveal_pii"


class Kind(models.TextChoices):
    """What a value is; decides its mask and separates its blind index."""

    ID = "id", _("Resident ID number")
    PASSPORT = "passport", _("Passport or pass number")
    PHONE = "phone", _("Phone number")
    TEXT = "text", _("Other personal information")


# Characters shown at the start and end of each kind when masked.
VISIBLE = {Kind.ID: (6, 4), Kind.PASSPORT: (2, 2), Kind.PHONE: (3, 4), Kind.TEXT: (1, 0)}
MASK_CHAR = "*"


def _mask(value: str, head: int, tail: int) -> str:
    compact = "".join(value.split())
    hidden = len(compact) - head - tail
    if hidden < max(1, len(compact) // 3):
        # Too short to show anything safely: hide it all.
        return MASK_CHAR * len(compact)
    return compact[:head] + MASK_CHAR * hidden + (compact[-tail:] if tail else "")


def mask(value: object, kind: str = Kind.TEXT) -> str:
    """``value`` with its middle hidden, as every screen, export and API shows it by default."""
    if value is None or value == "":
        return ""
    head, tail = VISIBLE.get(Kind(kind) if kind in Kind.values else Kind.TEXT, (1, 0))
    return _mask(str(value), head, tail)


def mask_id_number(value: str) -> str:
    """``441202199001011234`` → ``441202********1234`` (area code and last four shown)."""
    return mask(value, Kind.ID)


def mask_passport_number(value: str) -> str:
    """``E12345678`` → ``E1*****78``."""
    return mask(value, Kind.PASSPORT)


def mask_phone(value: str) -> str:
    """``13812345678`` → ``138****5678``."""
    return mask(value, Kind.PHONE)


# Fields and their models -------------------------------------------------------------------

# Every concrete model with encrypted fields, by label: what ``rotate_pii_keys`` walks.
_ENCRYPTED: dict[str, type[models.Model]] = {}


class EncryptedTextField(models.TextField):
    """Text encrypted at rest with AES-GCM; plaintext in Python, ciphertext in the database."""

    description = _("Encrypted text")

    def __init__(self, *args: Any, kind: str = Kind.TEXT, **kwargs: Any) -> None:
        self.kind = kind
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.kind != Kind.TEXT:
            kwargs["kind"] = self.kind
        return name, path, args, kwargs

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        # Historical models rendered for migrations live in the "__fake__" module.
        if not cls._meta.abstract and cls.__module__ != "__fake__":
            _ENCRYPTED[cls._meta.label_lower] = cls

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        if self.unique or getattr(self, "db_index", False) or self.primary_key:
            errors.append(
                checks.Error(
                    "An encrypted field cannot be unique or indexed; add a BlindIndexField.",
                    obj=self,
                    id="core.E101",
                )
            )
        return errors

    def get_lookup(self, lookup_name: str) -> Any:
        # Ciphertexts of equal values differ, so only "is it empty" can be asked of the column.
        if lookup_name != "isnull":
            return None
        return super().get_lookup(lookup_name)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        # A value written before the column was encrypted reads as it is, until
        # ``rotate_pii_keys`` encrypts it.
        if value is None or value == "" or not crypto.is_encrypted(value):
            return value
        return crypto.decrypt(value)


class BlindIndexField(models.CharField):
    """HMAC-SHA256 of another encrypted field's normalised value, for exact-match search."""

    description = _("Search digest of an encrypted value")

    def __init__(self, *args: Any, source: str, **kwargs: Any) -> None:
        self.source = source
        kwargs.setdefault("verbose_name", _("search digest"))
        kwargs.update(max_length=64, editable=False, blank=True, default="", db_index=True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        for key in ("max_length", "editable", "blank", "default", "db_index"):
            kwargs.pop(key, None)
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        try:
            source = self.model._meta.get_field(self.source)
        except Exception:
            source = None
        if not isinstance(source, EncryptedTextField):
            errors.append(
                checks.Error(
                    f"BlindIndexField source {self.source!r} is not an EncryptedTextField.",
                    obj=self,
                    id="core.E102",
                )
            )
        return errors

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = blind_index_for(model_instance, self.source)
        setattr(model_instance, self.attname, value)
        return value


def _index_field(model: type[models.Model], source: str) -> BlindIndexField:
    for field in model._meta.concrete_fields:
        if isinstance(field, BlindIndexField) and field.source == source:
            return field
    raise LookupError(f"{model._meta.label}.{source} has no BlindIndexField")


def digest(model: type[models.Model], field_name: str, value: str) -> str:
    """The blind-index digest ``value`` would have in ``model.field_name``."""
    field = model._meta.get_field(field_name)
    kind = getattr(field, "kind", Kind.TEXT)
    return crypto.blind_index(value, scope=str(kind)) if value else ""


def blind_index_for(instance: models.Model, source: str) -> str:
    """The digest of ``instance.<source>`` (empty for an empty value)."""
    return digest(type(instance), source, getattr(instance, source) or "")


def pii_lookup(model: type[models.Model], **values: str) -> dict[str, str]:
    """Filter arguments finding rows whose encrypted fields equal ``values`` exactly."""
    return {
        _index_field(model, name).name: digest(model, name, value) for name, value in values.items()
    }


class PiiQuerySet(models.QuerySet):
    def pii_exact(self, **values: str) -> "PiiQuerySet":
        """Rows whose encrypted fields equal ``values`` (after normalisation)."""
        return self.filter(**pii_lookup(self.model, **values))


PiiManager = models.Manager.from_queryset(PiiQuerySet)


def encrypted_models() -> list[tuple[type[models.Model], list[EncryptedTextField]]]:
    """Every model with encrypted fields, and those fields."""
    return [
        (model, [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)])
        for model in _ENCRYPTED.values()
    ]


# Reveal ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Revealable:
    """Which fields of a model may be revealed, to whom, and among which objects."""

    model: type[models.Model]
    fields: tuple[str, ...]
    # Needed on top of core.reveal_pii; checked against the object, so rules predicates may
    # narrow it (e.g. only the owning division).
    permission: str = BASE_REVEAL_PERMISSION
    # The objects the user may see (``querysets.visible_to``); everything when None.
    visible_to: Callable[[Any], QuerySet] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    def queryset_for(self, user: Any) -> QuerySet:
        if self.visible_to is not None:
            return self.visible_to(user)
        return self.model._default_manager.all()


_REVEALABLE: dict[str, Revealable] = {}


def register_revealable(
    model: type[models.Model],
    *,
    fields: Iterable[str],
    permission: str = BASE_REVEAL_PERMISSION,
    visible_to: Callable[[Any], QuerySet] | None = None,
) -> Revealable:
    """Let permitted users reveal ``fields`` of ``model`` (call from ``AppConfig.ready``)."""
    names = tuple(fields)
    for name in names:
        if not isinstance(model._meta.get_field(name), EncryptedTextField):
            raise TypeError(f"{model._meta.label}.{name} is not an EncryptedTextField")
    spec = Revealable(model, names, permission, visible_to)
    _REVEALABLE[spec.label] = spec
    return spec


def revealable(label: str) -> Revealable | None:
    return _REVEALABLE.get(label.lower())


def can_reveal(user: Any, obj: models.Model, field: str) -> bool:
    """Whether ``user`` may reveal ``obj.<field>`` (permission only; visibility is the view's)."""
    spec = revealable(obj._meta.label_lower)
    if spec is None or field not in spec.fields:
        return False
    if not user.has_perm(BASE_REVEAL_PERMISSION):
        return False
    return spec.permission == BASE_REVEAL_PERMISSION or bool(user.has_perm(spec.permission, obj))


def do_reveal_pii(
    *,
    actor: Any,
    obj: models.Model,
    field: str,
    reason: str,
    request: HttpRequest | None = None,
) -> str:
    """Return ``obj.<field>`` in clear and record who saw it and why (``core.pii.reveal``).

    The caller checks permission (``can_reveal``) and that the actor may see ``obj``. A blank
    reason is refused with ``ValidationError`` and nothing is recorded or revealed.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason you need to see this information."))
    spec = revealable(obj._meta.label_lower)
    if spec is None or field not in spec.fields:
        raise ValueError(f"{obj._meta.label}.{field} is not revealable")
    from waishi.audit.actions import log_action

    with transaction.atomic():
        log_action(
            action="core.pii.reveal",
            actor=actor,
            obj=obj,
            after={"field": field},
            reason=reason,
            request=request,
        )
    return str(getattr(obj, field) or "")


@checks.register(checks.Tags.security, deploy=True)
def check_pii_keys(**kwargs: Any) -> list[checks.CheckMessage]:
    """In production the personal-data keys must be set, not derived from SECRET_KEY."""
    if crypto.keys_are_derived():
        return [
            checks.Warning(
                "WAISHI_PII_KEYS or WAISHI_PII_INDEX_KEY is not set; personal data is "
                "encrypted with keys derived from SECRET_KEY.",
                hint="Set both (see docs/personal-data.md).",
                id="core.W101",
            )
        ]
    return []
