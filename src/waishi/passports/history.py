"""Writing a document's status together with its history, and reading the register on a day.

Every status change of a document goes through ``set_status`` inside the transaction of the
action that makes it, so the history (``DocumentEvent``) and the register never disagree.
"""

import datetime
from typing import Any

from django.db.models import OuterRef, Subquery

from .models import DocumentEvent, HandOut, TravelDocument


def last_event_day(document: TravelDocument) -> datetime.date | None:
    return (
        DocumentEvent.objects.filter(document=document)
        .order_by("-on_date", "-id")
        .values_list("on_date", flat=True)
        .first()
    )


def set_status(
    *,
    document: TravelDocument,
    status: str,
    on: datetime.date,
    kind: str,
    actor: Any = None,
    hand_out: HandOut | None = None,
) -> DocumentEvent:
    """Give ``document`` its new status from day ``on`` and add the change to its history.

    The caller holds the document's row lock. A day earlier than the document's last event
    (a return entered for a past day, say) is recorded on that last event's day, so the
    history always reads in the order things happened.
    """
    last = last_event_day(document)
    day = max(on, last) if last is not None else on
    document.status = status
    document.status_changed_on = day
    document.save(update_fields=["status", "status_changed_on", "updated_at"])
    return DocumentEvent.objects.create(
        document=document,
        kind=kind,
        status=status,
        on_date=day,
        hand_out=hand_out,
        actor=actor if getattr(actor, "pk", None) else None,
    )


def record_registration(*, document: TravelDocument, actor: Any, on: datetime.date) -> None:
    """The first entry of a document's history: registered, with its status on that day."""
    from .constants import DocumentEventKind

    DocumentEvent.objects.create(
        document=document,
        kind=DocumentEventKind.REGISTERED,
        status=document.status,
        on_date=on,
        actor=actor if getattr(actor, "pk", None) else None,
    )


def status_on(day: datetime.date) -> "Subquery":
    """A subquery giving each document's (``OuterRef("pk")``) status as at the end of ``day``.

    NULL for a document not yet in the register on that day.
    """
    latest = (
        DocumentEvent.objects.filter(document=OuterRef("pk"), on_date__lte=day)
        .order_by("-on_date", "-id")
        .values("status")[:1]
    )
    return Subquery(latest)


def register_on(day: datetime.date) -> Any:
    """The documents in the register at the end of ``day``, each annotated ``status_at``.

    A ``QuerySet`` of ``TravelDocument``; typed ``Any`` because the type stubs do not know
    the annotation, which callers group by.
    """
    return TravelDocument.objects.annotate(status_at=status_on(day)).filter(status_at__isnull=False)
