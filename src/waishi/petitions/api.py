"""Complaints over the API (mounted at /api/v1/petitions/), read-only.

The same people as on the pages (the division's staff and the leaders; never the department
complained against); everyone else gets an empty list and 403s. The petitioner's name is
masked: the name stays on the case page, where each opening is audited.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page
from waishi.core.pii import mask

from .querysets import petitions_visible_to
from .statistics import year_figures

router = Router(auth=AUTH)

ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class PetitionOut(Schema):
    id: int
    reference: str
    status: str
    channel: str
    category: str
    rights_area: str
    received_on: datetime.date
    petitioner: str
    against: str
    accepted_on: datetime.date | None
    replied_on: datetime.date | None
    extension_days: int
    satisfaction: str
    due_date: datetime.date | None
    due_owner: str


class PetitionPage(Schema):
    items: list[PetitionOut]
    next: str | None


class FigureRow(Schema):
    label: str
    count: int


class FiguresOut(Schema):
    year: int
    total: int
    by_category: list[FigureRow]
    by_rights_area: list[FigureRow]
    by_channel: list[FigureRow]
    by_satisfaction: list[FigureRow]
    by_month: list[FigureRow]


def _user(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm("petitions.read_petitions"):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def petition_out(petition: Any) -> dict[str, Any]:
    return {
        "id": petition.pk,
        "reference": petition.case.reference,
        "status": petition.case.status,
        "channel": petition.channel,
        "category": petition.category,
        "rights_area": petition.rights_area,
        "received_on": petition.received_on,
        "petitioner": mask(petition.petitioner.name),
        "against": petition.against_name,
        "accepted_on": petition.accepted_on,
        "replied_on": petition.replied_on,
        "extension_days": petition.extension_days,
        "satisfaction": petition.satisfaction,
        "due_date": petition.case.due_date,
        "due_owner": petition.case.due_owner,
    }


def petition_detail(case: Any, user: Any) -> dict[str, Any]:
    """The case API's ``detail`` of a complaint (``CaseType.api_detail``), masked."""
    out = petition_out(case.petition)
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in out.items()}


@router.get("/", response={200: PetitionPage, **ERRORS})
def list_petitions(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    category: str = "",
    open: bool = False,
) -> dict[str, Any]:
    """Complaints the caller may see, newest first (one query)."""
    rows = petitions_visible_to(_user(request))
    if category:
        rows = rows.filter(category=category)
    if open:
        rows = rows.filter(case__is_open=True)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {"items": [petition_out(p) for p in items], "next": next_cursor}


@router.get("/statistics/{year}", response={200: FiguresOut, **ERRORS})
def statistics(request: HttpRequest, year: int) -> dict[str, Any]:
    """The year's complaints by category, rights concerned, channel, rating and month."""
    figures = year_figures(_user(request), year)
    return {
        "year": figures.year,
        "total": figures.total,
        **{
            f"by_{key}": [{"label": r.label, "count": r.count} for r in rows]
            for key, _title, _head, rows in figures.tables()
        },
    }
