"""Keyset pagination for API lists: an opaque cursor instead of page numbers.

A list answers ``{"items": [...], "next": "<cursor>" | null}``; the client passes ``next``
back as ``?cursor=`` to get the following page. Seeking on an indexed id never slows down
on later pages and never skips or repeats rows when new ones arrive.
"""

import base64
import binascii
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .errors import ApiError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"id:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The id a cursor stands for; a malformed cursor is a 422."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode()).decode()
        label, _sep, value = text.partition(":")
        if label != "id" or not value.isdigit():
            raise ValueError(text)
        return int(value)
    except (ValueError, binascii.Error, UnicodeError):
        raise ApiError(422, "invalid_cursor", _("The page cursor is not valid.")) from None


def keyset_page(
    queryset: QuerySet[Any], *, cursor: str | None, limit: int = DEFAULT_LIMIT
) -> tuple[list[Any], str | None]:
    """One page of ``queryset`` newest id first, and the cursor of the next page (or None)."""
    limit = max(1, min(limit, MAX_LIMIT))
    rows = queryset.order_by("-id")
    if cursor:
        rows = rows.filter(id__lt=decode_cursor(cursor))
    page = list(rows[: limit + 1])
    next_cursor = encode_cursor(page[limit - 1].pk) if len(page) > limit else None
    return page[:limit], next_cursor
