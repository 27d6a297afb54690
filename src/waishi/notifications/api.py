"""The caller's own notifications over the API (mounted at /api/v1/notifications/)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut, not_found
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page

from . import actions
from .querysets import unread_count, visible_to

router = Router(auth=AUTH)

PERMISSION = "notifications.use_notifications"
# The largest id a 64-bit key column holds; larger numbers in the path are a 422, not a crash.
MAX_ID = 2**63 - 1
ERRORS: dict[int, type[ErrorOut]] = {
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    link: str
    object_type: str
    object_id: str
    created_at: datetime
    read_at: datetime | None


class NotificationPage(Schema):
    items: list[NotificationOut]
    next: str | None


class UnreadOut(Schema):
    unread: int


class MarkedOut(Schema):
    marked: int


def _check(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm(PERMISSION):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


@router.get("/", response={200: NotificationPage, **ERRORS})
def list_notifications(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    unread_only: bool = False,
) -> dict[str, Any]:
    """The caller's notifications, newest first, one keyset page at a time."""
    user = _check(request)
    rows = visible_to(user)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {"items": items, "next": next_cursor}


@router.get("/unread-count", response={200: UnreadOut, **ERRORS})
def get_unread_count(request: HttpRequest) -> dict[str, int]:
    """How many of the caller's notifications are unread."""
    return {"unread": unread_count(_check(request))}


@router.post("/{notification_id}/read", response={200: NotificationOut, **ERRORS})
def mark_read(request: HttpRequest, notification_id: int = Path(..., ge=1, le=MAX_ID)) -> Any:
    """Mark one of the caller's notifications read (404 for anyone else's)."""
    user = _check(request)
    notification = visible_to(user).filter(pk=notification_id).first()
    if notification is None:
        raise not_found()
    actions.do_mark_read(actor=user, notification=notification)
    return notification


@router.post("/read-all", response={200: MarkedOut, **ERRORS})
def mark_all_read(request: HttpRequest) -> dict[str, int]:
    """Mark all of the caller's notifications read."""
    return {"marked": actions.do_mark_all_read(actor=_check(request))}
