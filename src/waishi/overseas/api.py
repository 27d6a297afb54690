"""The register for the division's own tools (read only, masked), and the cases' API detail."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page
from waishi.core import pii

from .querysets import standings_visible_to

router = Router(auth=AUTH)

ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def identity_detail(case: Any, user: Any) -> dict[str, Any]:
    detail = case.identity_application
    return {
        "person": pii.mask(detail.person.name),
        "category": detail.category,
        "relation": detail.relation,
        "hukou_county": str(detail.hukou_county),
        "decider": detail.decider,
        "purpose": detail.purpose,
        "receiving_unit": detail.receiving_unit,
        "valid_until": detail.valid_until.isoformat() if detail.valid_until else None,
    }


def settlement_detail(case: Any, user: Any) -> dict[str, Any]:
    detail = case.settlement_application
    return {
        "person": pii.mask(detail.person.name),
        "country": detail.country,
        "county": str(detail.county),
        "applied_on": detail.applied_on.isoformat(),
        "presence_met": detail.presence_met,
        "housing_checked": detail.housing_checked,
        "livelihood_checked": detail.livelihood_checked,
    }


class StandingOut(Schema):
    id: int
    person: int
    name: str
    category: str
    county: str
    country: str
    relation: str
    principal: int | None
    valid_from: datetime.date
    ended_on: datetime.date | None
    died_on: datetime.date | None


class StandingPage(Schema):
    items: list[StandingOut]
    next: str | None


def _user(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm("overseas.read_register"):
        raise ApiError(404, "not_found", _("Not found."))
    return user


@router.get("/standings", response={200: StandingPage, **ERRORS})
def list_standings(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    category: str = "",
    country: str = "",
    current: bool = True,
) -> dict[str, Any]:
    """The register, names masked: the division and named county officers (their county)."""
    rows = standings_visible_to(_user(request)).select_related("person", "county")
    if current:
        rows = rows.filter(ended_on__isnull=True)
    if category:
        rows = rows.filter(category=category)
    if country:
        rows = rows.filter(country=country.upper())
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "id": s.pk,
                "person": s.person_id,
                "name": pii.mask(s.person.name),
                "category": s.category,
                "county": s.county.code,
                "country": s.country,
                "relation": s.relation,
                "principal": s.principal_id,
                "valid_from": s.valid_from,
                "ended_on": s.ended_on,
                "died_on": s.died_on,
            }
            for s in items
        ],
        "next": next_cursor,
    }
