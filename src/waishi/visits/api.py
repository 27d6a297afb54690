"""Foreign visits and received gifts over the API (mounted at /api/v1/visits/), read only.

Lists are keyset pages of what the caller may see (an agency: its own), each one query;
``visit_detail`` and ``gift_detail`` serve the kernel's case API.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page

from .models import ReceivedGift, Visit
from .querysets import gifts_visible_to, visits_visible_to

router = Router(auth=AUTH, tags=["visits"])
ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 429: ErrorOut}


class VisitRow(Schema):
    reference: str
    title: str
    status: str
    agency: str
    country: str
    arrival_date: str
    departure_date: str
    hosting_class: str
    bureau_hosts: bool


class VisitPage(Schema):
    items: list[VisitRow]
    next: str | None


class GiftRow(Schema):
    reference: str
    status: str
    agency: str
    item: str
    kind: str
    value: str
    received_on: str
    returned_on: str | None
    declared_on: str | None
    declared_late: bool
    mission_reference: str


class GiftPage(Schema):
    items: list[GiftRow]
    next: str | None


def _caller(request: HttpRequest, permission: str) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm(permission):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def _visit_row(v: Visit) -> dict[str, Any]:
    return {
        "reference": v.case.reference,
        "title": v.case.title,
        "status": v.case.status,
        "agency": str(v.case.agency),
        "country": v.country,
        "arrival_date": v.arrival_date.isoformat(),
        "departure_date": v.departure_date.isoformat(),
        "hosting_class": v.hosting_class,
        "bureau_hosts": v.bureau_hosts,
    }


def _gift_row(g: ReceivedGift) -> dict[str, Any]:
    return {
        "reference": g.case.reference,
        "status": g.case.status,
        "agency": str(g.case.agency),
        "item": g.item,
        "kind": g.kind,
        "value": str(g.value),
        "received_on": g.received_on.isoformat(),
        "returned_on": g.returned_on.isoformat() if g.returned_on else None,
        "declared_on": g.declared_on.isoformat() if g.declared_on else None,
        "declared_late": g.declared_late,
        "mission_reference": g.mission_reference,
    }


@router.get("/", response={200: VisitPage, **ERRORS}, url_name="visits")
def list_visits(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT
) -> dict[str, Any]:
    """The visits the caller may see, newest first."""
    user = _caller(request, "visits.read_visits")
    items, next_cursor = keyset_page(visits_visible_to(user), cursor=cursor, limit=limit)
    return {"items": [_visit_row(v) for v in items], "next": next_cursor}


@router.get("/gifts", response={200: GiftPage, **ERRORS}, url_name="visit_gifts")
def list_gifts(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT
) -> dict[str, Any]:
    """The received gifts the caller may see, newest first."""
    user = _caller(request, "visits.read_gifts")
    items, next_cursor = keyset_page(gifts_visible_to(user), cursor=cursor, limit=limit)
    return {"items": [_gift_row(g) for g in items], "next": next_cursor}


def visit_detail(case: Any, user: Any) -> dict[str, Any]:
    """A JSON-ready summary of the case's visit (``CaseType.api_detail``); guests by name and
    rank class only."""
    visit = (
        Visit.objects.filter(case=case)
        .prefetch_related("guests__person", "schedule", "gifts_given")
        .first()
    )
    if visit is None:
        return {}
    return {
        "country": visit.country,
        "arrival_date": visit.arrival_date.isoformat(),
        "departure_date": visit.departure_date.isoformat(),
        "hosting_class": visit.hosting_class,
        "bureau_hosts": visit.bureau_hosts,
        "reciprocity_agreement": visit.reciprocity_agreement,
        "plan_version": visit.plan_version,
        "guests": [
            {"name": g.person.name, "rank_class": g.rank_class, "is_head": g.is_head}
            for g in visit.guests.all()
        ],
        "schedule": [
            {
                "starts_at": i.starts_at.isoformat(),
                "place": i.place,
                "activity": i.activity,
                "kind": i.kind,
                "city_leader": i.city_leader,
            }
            for i in visit.schedule.all()
        ],
        "gifts_given": [{"item": g.item, "value": str(g.value)} for g in visit.gifts_given.all()],
    }


def gift_detail(case: Any, user: Any) -> dict[str, Any]:
    gift = ReceivedGift.objects.filter(case=case).select_related("recipient").first()
    return _gift_row(gift) | {"recipient": gift.recipient.name} if gift is not None else {}
