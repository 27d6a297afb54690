"""Foreign-related incidents over the API (mounted at /api/v1/incidents/), read-only.

The same people as on the pages (the consular staff and the leaders); everyone else gets an
empty list and 404s. Persons are named by their nationality only: names stay on the case
page, where each opening is audited.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page

from .querysets import incidents_visible_to
from .statistics import year_figures

router = Router(auth=AUTH)

ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class IncidentOut(Schema):
    id: int
    reference: str
    kind: str
    kind_label: str
    status: str
    nationality: str
    dual_national: bool
    began_at: datetime.datetime
    notified_on: datetime.date | None
    outcome: str
    due_date: datetime.date | None


class IncidentPage(Schema):
    items: list[IncidentOut]
    next: str | None


class FigureRow(Schema):
    label: str
    count: int


class FiguresOut(Schema):
    year: int
    total: int
    by_nationality: list[FigureRow]
    by_kind: list[FigureRow]
    by_month: list[FigureRow]


def _user(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm("incidents.read_incidents"):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def incident_out(incident: Any) -> dict[str, Any]:
    return {
        "id": incident.pk,
        "reference": incident.case.reference,
        "kind": incident.kind,
        "kind_label": incident.get_kind_display(),
        "status": incident.case.status,
        "nationality": incident.nationality,
        "dual_national": incident.dual_national,
        "began_at": incident.began_at,
        "notified_on": incident.notified_on,
        "outcome": incident.outcome,
        "due_date": incident.case.due_date,
    }


def incident_detail(case: Any, user: Any) -> dict[str, Any]:
    """The case API's ``detail`` of an incident (``CaseType.api_detail``)."""
    incident = case.incident
    out = incident_out(incident)
    out["treaty"] = (
        None
        if incident.treaty is None
        else {
            "country": incident.treaty.country,
            "notify_within": incident.treaty.notify_within,
            "regardless_of_request": incident.treaty.regardless_of_request,
            "source": incident.treaty.source,
        }
    )
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in out.items()}


@router.get("/", response={200: IncidentPage, **ERRORS})
def list_incidents(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT, kind: str = ""
) -> dict[str, Any]:
    """Incidents the caller may see, newest first (one query)."""
    rows = incidents_visible_to(_user(request))
    if kind:
        rows = rows.filter(kind=kind)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {"items": [incident_out(i) for i in items], "next": next_cursor}


@router.get("/statistics/{year}", response={200: FiguresOut, **ERRORS})
def statistics(request: HttpRequest, year: int) -> dict[str, Any]:
    """The year's incidents by nationality, kind and month."""
    figures = year_figures(_user(request), year)
    return {
        "year": figures.year,
        "total": figures.total,
        "by_nationality": [{"label": r.label, "count": r.count} for r in figures.by_nationality],
        "by_kind": [{"label": r.label, "count": r.count} for r in figures.by_kind],
        "by_month": [{"label": r.label, "count": r.count} for r in figures.by_month],
    }
