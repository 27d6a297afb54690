"""Donated projects over the API (mounted at /api/v1/donations/), read-only.

The same people as the archive page; donors' names follow their wishes outside the bureau
(``Donor.public_name``). The case API's ``detail`` of a donation or project comes from
``donation_detail`` and ``project_detail`` (``CaseType.api_detail``).
"""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page

from .querysets import projects_visible_to

router = Router(auth=AUTH)

ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ProjectOut(Schema):
    id: int
    reference: str
    name: str
    donor: str
    donor_country: str
    county: str
    purpose: str
    year: int
    donated_rmb: Decimal
    status: str
    sign_plate_number: str


class ProjectPage(Schema):
    items: list[ProjectOut]
    next: str | None


def donor_name(donor: Any, user: Any) -> str:
    """The donor's name for ``user``: the bureau's staff read it, others as published."""
    if user.has_perm("donations.read_statistics") and not user.has_role("county_officer"):
        return str(donor.name)
    return str(donor.public_name)


def donation_detail(case: Any, user: Any) -> dict[str, Any]:
    """The case API's ``detail`` of a donation."""
    donation = case.donation
    return {
        "donors": [donor_name(link.donor, user) for link in donation.donor_links.all()],
        "donor_country": donation.donor_country,
        "gift_form": donation.gift_form,
        "currency": donation.currency,
        "amount": str(donation.amount),
        "rmb_value": str(donation.rmb_value),
        "accepted_on": donation.accepted_on.isoformat(),
        "purpose": donation.purpose,
        "needs_certificate": donation.needs_certificate,
        "filing_due": donation.filing_due.isoformat(),
        "late_filing": donation.late_filing,
    }


def project_detail(case: Any, user: Any) -> dict[str, Any]:
    """The case API's ``detail`` of a donated project."""
    project = case.project
    return {
        "name": project.display_name,
        "donor": donor_name(project.donor, user),
        "purpose": project.purpose,
        "location": project.location,
        "donated_rmb": str(project.donated_rmb),
        "year": project.year,
        "completed_on": project.completed_on.isoformat() if project.completed_on else None,
        "confirmed_on": project.confirmed_on.isoformat() if project.confirmed_on else None,
        "sign_plate_number": project.sign_plate_number,
        "use": project.use,
    }


@router.get("/projects", response={200: ProjectPage, **ERRORS})
def list_projects(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT, year: int = 0
) -> dict[str, Any]:
    """Donated projects the caller may see, newest first (one query)."""
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm("donations.read_archive"):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    rows = projects_visible_to(user)
    if year:
        rows = rows.filter(year=year)
    items, next_cursor = keyset_page(rows, cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "id": p.pk,
                "reference": p.case.reference,
                "name": p.display_name,
                "donor": donor_name(p.donor, user),
                "donor_country": p.donor_country,
                "county": str(p.county) if p.county else "",
                "purpose": p.purpose,
                "year": p.year,
                "donated_rmb": p.donated_rmb,
                "status": p.case.status,
                "sign_plate_number": p.sign_plate_number,
            }
            for p in items
        ],
        "next": next_cursor,
    }
