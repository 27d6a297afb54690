"""The award over the API (mounted at /api/v1/honours/), read-only, for the divisions' tools.

Nominations as the caller may see them (the kernel's ``visible_to``); the honorary citizens'
register and the figures for the award's readers (``honours.read_honours``).
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page

from .querysets import citizens_for_staff, nominations_visible_to
from .statistics import figures

router = Router(auth=AUTH)

ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class NominationOut(Schema):
    id: int
    reference: str
    round: int
    status: str
    nominee: str
    nominee_type: str
    nominated_by: str
    criteria: list[str]
    consent_on: datetime.date
    due_date: datetime.date | None


class NominationPage(Schema):
    items: list[NominationOut]
    next: str | None


class CitizenOut(Schema):
    id: int
    name: str
    foreign_name: str
    nominee_type: str
    conferred_on: datetime.date
    decision: str
    certificate_number: str
    status: str
    status_on: datetime.date | None
    listed: bool


class CitizenPage(Schema):
    items: list[CitizenOut]
    next: str | None


class FigureRow(Schema):
    label: str
    count: int


class FiguresOut(Schema):
    total: int
    by_round: list[FigureRow]
    by_type: list[FigureRow]
    by_criterion: list[FigureRow]
    by_status: list[FigureRow]
    citizens: list[FigureRow]


def _reader(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm("honours.read_honours"):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def nomination_out(nomination: Any) -> dict[str, Any]:
    return {
        "id": nomination.pk,
        "reference": nomination.case.reference,
        "round": nomination.round.number,
        "status": nomination.case.status,
        "nominee": nomination.person.name,
        "nominee_type": nomination.nominee_type,
        "nominated_by": nomination.nominated_by,
        "criteria": list(nomination.criteria),
        "consent_on": nomination.consent_on,
        "due_date": nomination.case.due_date,
    }


def nomination_detail(case: Any, user: Any) -> dict[str, Any]:
    """The case API's ``detail`` of a nomination (``CaseType.api_detail``)."""
    nomination = case.nomination
    out = nomination_out(nomination)
    out.update(
        {
            "votes": None
            if nomination.votes_for is None
            else {
                "members": nomination.committee_members,
                "for": nomination.votes_for,
                "against": nomination.votes_against,
                "abstentions": nomination.abstentions,
            },
            "motion_on": nomination.motion_on,
            "session_on": nomination.session_on,
            "decision": nomination.decision_number,
        }
    )
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in out.items()}


@router.get("/", response={200: NominationPage, **ERRORS})
def list_nominations(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT, round: int = 0
) -> dict[str, Any]:
    """Nominations the caller may see, newest first (one query)."""
    rows = nominations_visible_to(_reader(request))
    if round:
        rows = rows.filter(round__number=round)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {"items": [nomination_out(n) for n in items], "next": next_cursor}


@router.get("/citizens", response={200: CitizenPage, **ERRORS})
def list_citizens(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT
) -> dict[str, Any]:
    """The honorary citizens, newest first (one query)."""
    _reader(request)
    items, next_cursor = keyset_page(citizens_for_staff(), cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "id": c.pk,
                "name": c.person.name,
                "foreign_name": c.person.foreign_names,
                "nominee_type": c.nomination.nominee_type,
                "conferred_on": c.conferred_on,
                "decision": c.decision_number,
                "certificate_number": c.certificate_number,
                "status": c.status,
                "status_on": c.status_on,
                "listed": c.publish_consent,
            }
            for c in items
        ],
        "next": next_cursor,
    }


@router.get("/statistics", response={200: FiguresOut, **ERRORS})
def statistics(request: HttpRequest) -> dict[str, Any]:
    """Nominations by round, nominee, criterion and stage; citizens by status."""
    result = figures(_reader(request))
    return {
        key: [{"label": r.label, "count": r.count} for r in rows]
        for key, rows in (
            ("by_round", result.by_round),
            ("by_type", result.by_type),
            ("by_criterion", result.by_criterion),
            ("by_status", result.by_status),
            ("citizens", result.citizens),
        )
    } | {"total": result.total}
