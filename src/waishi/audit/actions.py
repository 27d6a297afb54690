"""Writing to the audit log. ``log_action`` is the only way in.

Every row carries ``row_hash = SHA-256(prev_hash + canonical content)``. The content is hashed
in the form the database gives back, so a row read back later hashes to the same value: JSON
values are normalised to JSON-native types before hashing (see ``to_json_native``), text is
cut to the column widths and the IP address is stored in its canonical spelling.
"""

import datetime
import decimal
import hashlib
import ipaddress
import json
import uuid
from collections.abc import Mapping
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise

from waishi.core.middleware import client_ip

from .models import AuditEvent, ChainHead, Outcome

GENESIS_HASH = "0" * 64

# The columns that make up a row's hashed content, in the order ``canonical_content`` reads
# them (the order does not matter for the hash itself: keys are sorted).
HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_label",
    "actor_roles",
    "ip_address",
    "request_id",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "outcome",
    "reason",
)


def to_json_native(value: Any) -> Any:
    """Return ``value`` as plain JSON (dict, list, str, int, bool, None) that round-trips.

    Dates and times become ISO strings, Decimals, UUIDs and floats become strings (PostgreSQL's
    jsonb re-spells floats such as 1e300 and refuses NaN, so a float would not hash the same
    after a round trip), sets become sorted lists, model instances their primary key, and
    anything else its ``str``. Dictionary keys become strings, as JSON requires.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float | decimal.Decimal | uuid.UUID | Promise):
        return str(value)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value.total_seconds())
    if isinstance(value, Mapping):
        return {str(k): to_json_native(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((to_json_native(v) for v in value), key=lambda v: json.dumps(v))
    if isinstance(value, list | tuple):
        return [to_json_native(v) for v in value]
    if isinstance(value, models.Model):
        return to_json_native(value.pk)
    return str(value)


def canonical_content(row: AuditEvent | Mapping[str, Any]) -> str:
    """The row's content in the exact form that is hashed (sorted keys, UTC times).

    ``row`` is an ``AuditEvent`` or a mapping of ``HASHED_FIELDS`` (as ``.values()`` gives
    it, which lets ``verify`` stream without building model instances).
    """
    get: Any = row.get if isinstance(row, Mapping) else lambda name: getattr(row, name)
    occurred_at: datetime.datetime = get("occurred_at")
    content = {
        "seq": get("seq"),
        "occurred_at": occurred_at.astimezone(datetime.UTC).isoformat(),
        "actor": get("actor_id"),
        "actor_label": get("actor_label"),
        "actor_roles": get("actor_roles"),
        "ip": get("ip_address"),
        "request_id": get("request_id"),
        "action": get("action"),
        "object_type": get("object_type"),
        "object_id": get("object_id"),
        "object_repr": get("object_repr"),
        "before": get("before"),
        "after": get("after"),
        "outcome": get("outcome"),
        "reason": get("reason"),
    }
    return json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )


def compute_hash(prev_hash: str, row: AuditEvent | Mapping[str, Any]) -> str:
    """SHA-256 of the previous hash and this row's canonical content."""
    return hashlib.sha256((prev_hash + canonical_content(row)).encode()).hexdigest()


def canonical_ip(value: str | None) -> str | None:
    """The address as the database spells it back, or None when it is not an address.

    A proxy may send anything in X-Forwarded-For ("unknown", "1.2.3.4:5678"); PostgreSQL's
    inet column would refuse it and take the whole transaction down with it.
    """
    if not value:
        return None
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    field = AuditEvent._meta.get_field("ip_address")
    return str(field.to_python(str(address)))


def _clip(name: str, value: str) -> str:
    """``value`` cut to the column's width (PostgreSQL refuses longer text)."""
    max_length = getattr(AuditEvent._meta.get_field(name), "max_length", None)
    return value[:max_length] if max_length else value


def log_action(
    *,
    action: str,
    actor: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    outcome: str = Outcome.SUCCESS,
    reason: str = "",
    request: HttpRequest | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction.

    ``action`` is ``app.noun.verb``. Call it in the same transaction as the change it records,
    so the change and its record commit or roll back together. ``before`` and ``after`` must
    not carry personal data in clear: pass masked values (``waishi.core.pii.mask``).

    The chain head row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE
    transactions hold the database write lock), so concurrent writers append one after the
    other and the chain never forks. No savepoint of its own: an event that fails to append
    fails the caller's whole transaction, as it must.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    with transaction.atomic(savepoint=False):
        head, _created = ChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            seq=head.seq + 1,
            occurred_at=timezone.now(),
            actor=actor,
            actor_label=_clip(
                "actor_label", actor_label or (str(actor.get_username()) if actor else "")
            ),
            actor_roles=_clip(
                "actor_roles", ",".join(sorted(actor.role_set)) if actor is not None else ""
            ),
            ip_address=canonical_ip(client_ip(request)) if request is not None else None,
            request_id=_clip(
                "request_id", getattr(request, "request_id", "") if request is not None else ""
            ),
            action=_clip("action", action),
            object_type=_clip(
                "object_type", obj._meta.label_lower if obj is not None else object_type
            ),
            object_id=_clip("object_id", str(obj.pk) if obj is not None else str(object_id)),
            object_repr=_clip("object_repr", str(obj) if obj is not None else ""),
            before=to_json_native(before),
            after=to_json_native(after),
            outcome=outcome,
            reason=str(reason),
            prev_hash=head.row_hash,
        )
        event.row_hash = compute_hash(head.row_hash, event)
        event.save(force_insert=True)
        ChainHead.objects.filter(pk=1).update(seq=event.seq, row_hash=event.row_hash)
    return event


def do_export_audit_events(
    *, actor: Any, filters: dict[str, str], request: HttpRequest | None = None
) -> AuditEvent:
    """Record that ``actor`` exported the audit events matching ``filters``.

    The caller (the export view, behind ``audit.view_auditevent``) checks permission and then
    builds the file; the record is written first so that an export is never unrecorded.
    """
    with transaction.atomic():
        return log_action(
            action="audit.auditevent.export",
            actor=actor,
            object_type="audit.auditevent",
            after={"filters": filters},
            request=request,
        )
