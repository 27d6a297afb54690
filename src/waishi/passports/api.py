"""Custody and visa status over the API (mounted at /api/v1/passports/), read-only.

Agencies read their own people's documents, hand-outs, suspension and visa applications;
bureau staff read everyone's. Document numbers are always masked here.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut, not_found
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page

from .checks import agency_lock_reasons
from .querysets import documents_visible_to, hand_outs_visible_to, visas_visible_to

router = Router(auth=AUTH)

ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class DocumentOut(Schema):
    id: int
    kind: str
    kind_label: str
    number_masked: str
    holder: str
    agency: str
    issue_date: datetime.date
    expiry_date: datetime.date
    status: str
    status_label: str


class DocumentPage(Schema):
    items: list[DocumentOut]
    next: str | None


class HandOutOut(Schema):
    id: int
    receipt_number: str
    document_id: int
    holder: str
    mission: str
    agency: str
    due_date: datetime.date
    closed_on: datetime.date | None
    outcome: str
    reminders_sent: int
    overdue: bool


class HandOutPage(Schema):
    items: list[HandOutOut]
    next: str | None


class LockReasonOut(Schema):
    message: str
    citation: str
    document_id: int | None


class LockOut(Schema):
    locked: bool
    reasons: list[LockReasonOut]


class VisaOut(Schema):
    id: int
    mission: str
    holder: str
    country: str
    status: str
    status_label: str
    sent_on: datetime.date | None
    embassy_on: datetime.date | None
    decided_on: datetime.date | None
    passport_back_on: datetime.date | None


class VisaPage(Schema):
    items: list[VisaOut]
    next: str | None


def _user(request: HttpRequest, permission: str) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm(permission):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def _document(d: Any) -> dict[str, Any]:
    return {
        "id": d.pk,
        "kind": d.kind,
        "kind_label": d.get_kind_display(),
        "number_masked": d.masked_number,
        "holder": d.holder.name,
        "agency": str(d.custodian),
        "issue_date": d.issue_date,
        "expiry_date": d.expiry_date,
        "status": d.status,
        "status_label": d.get_status_display(),
    }


@router.get("/documents", response={200: DocumentPage, **ERRORS})
def list_documents(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT, status: str = ""
) -> dict[str, Any]:
    """Documents in the register the caller may see, newest first, numbers masked."""
    user = _user(request, "passports.read_register")
    rows = documents_visible_to(user)
    if status:
        rows = rows.filter(status=status)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {"items": [_document(d) for d in items], "next": next_cursor}


@router.get("/documents/{document_id}", response={200: DocumentOut, **ERRORS})
def get_document(request: HttpRequest, document_id: int) -> dict[str, Any]:
    """One document (404 for a missing one and for another agency's)."""
    user = _user(request, "passports.read_register")
    document = documents_visible_to(user).filter(pk=document_id).first()
    if document is None:
        raise not_found()
    return _document(document)


@router.get("/custody", response={200: HandOutPage, **ERRORS})
def list_hand_outs(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    open_only: bool = True,
) -> dict[str, Any]:
    """Hand-outs for missions and their returns; by default only those not yet returned."""
    user = _user(request, "passports.read_register")
    rows = hand_outs_visible_to(user)
    if open_only:
        rows = rows.filter(closed_on__isnull=True)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    today = timezone.localdate()
    return {
        "items": [
            {
                "id": o.pk,
                "receipt_number": o.receipt_number,
                "document_id": o.document_id,
                "holder": o.document.holder.name,
                "mission": o.mission.case.reference,
                "agency": str(o.agency),
                "due_date": o.due_date,
                "closed_on": o.closed_on,
                "outcome": o.outcome,
                "reminders_sent": o.reminders_sent,
                "overdue": o.closed_on is None and o.due_date < today,
            }
            for o in items
        ],
        "next": next_cursor,
    }


@router.get("/lock", response={200: LockOut, **ERRORS})
def get_lock(request: HttpRequest) -> dict[str, Any]:
    """Whether the caller's agency is suspended, and which documents to return."""
    user = _user(request, "passports.use_workspace")
    reasons = agency_lock_reasons(user.agency_id) if user.agency_id else []
    return {
        "locked": bool(reasons),
        "reasons": [
            {"message": r.message, "citation": r.citation, "document_id": r.document_id}
            for r in reasons
        ],
    }


@router.get("/visas", response={200: VisaPage, **ERRORS})
def list_visas(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT, status: str = ""
) -> dict[str, Any]:
    """Visa applications per member and country the caller may see."""
    user = _user(request, "passports.read_visas")
    rows = visas_visible_to(user)
    if status:
        rows = rows.filter(status=status)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "id": a.pk,
                "mission": a.mission.case.reference,
                "holder": a.holder.name,
                "country": a.country,
                "status": a.status,
                "status_label": a.get_status_display(),
                "sent_on": a.sent_on,
                "embassy_on": a.embassy_on,
                "decided_on": a.decided_on,
                "passport_back_on": a.passport_back_on,
            }
            for a in items
        ],
        "next": next_cursor,
    }
