"""Writing to the audit log. ``log_action`` is the only way in."""

import hashlib
import json
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from waishi.core.middleware import client_ip

from .models import AuditEvent, ChainHead, Outcome

GENESIS_HASH = "0" * 64


def canonical_content(event: AuditEvent) -> str:
    """The row's content in the exact form that is hashed (stable key order, UTC times)."""
    content = {
        "seq": event.seq,
        "occurred_at": event.occurred_at.astimezone(timezone.UTC).isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "actor_roles": event.actor_roles,
        "ip": event.ip_address,
        "request_id": event.request_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "before": event.before,
        "after": event.after,
        "outcome": event.outcome,
        "reason": event.reason,
    }
    return json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )


def compute_hash(prev_hash: str, event: AuditEvent) -> str:
    """SHA-256 of the previous hash and this row's canonical content."""
    return hashlib.sha256((prev_hash + canonical_content(event)).encode()).hexdigest()


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
    so the change and its record commit or roll back together.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    with transaction.atomic():
        head, _created = ChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            seq=head.seq + 1,
            occurred_at=timezone.now(),
            actor=actor,
            actor_label=actor_label or (str(actor.get_username()) if actor else ""),
            actor_roles=",".join(sorted(actor.role_set)) if actor is not None else "",
            ip_address=client_ip(request) if request is not None else None,
            request_id=getattr(request, "request_id", "") if request is not None else "",
            action=action,
            object_type=obj._meta.label_lower if obj is not None else object_type,
            object_id=str(obj.pk) if obj is not None else object_id,
            object_repr=str(obj)[:200] if obj is not None else "",
            before=before,
            after=after,
            outcome=outcome,
            reason=reason,
            prev_hash=head.row_hash,
        )
        event.row_hash = compute_hash(head.row_hash, event)
        event.save(force_insert=True)
        ChainHead.objects.filter(pk=1).update(seq=event.seq, row_hash=event.row_hash)
    return event
