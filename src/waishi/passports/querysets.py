"""What each user may see of the passports area. Every list, page and API call starts here."""

from typing import Any

from django.db.models import Q, QuerySet

from waishi.accounts.constants import AGENCY_ROLES, Role
from waishi.cases.permissions import is_case_staff
from waishi.cases.querysets import county_agency_ids

from .models import HandOut, TravelDocument, VisaApplication


def _agency_filter(user: Any, field: str) -> Q | None:
    """None: everything; an empty Q never matches; else the user's agency (or county)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if is_case_staff(user):
        return None
    if user.agency_id is not None and user.has_role(*AGENCY_ROLES):
        own = Q(**{field: user.agency_id})
        if user.has_role(Role.COUNTY_OFFICER):
            return own | Q(**{f"{field}__in": county_agency_ids(user)})
        return own
    return Q(pk__in=[])


def documents_visible_to(user: Any) -> QuerySet[TravelDocument]:
    """Documents of the user's agency's people, or every document for bureau staff."""
    documents = TravelDocument.objects.select_related("holder", "custodian")
    rule = _agency_filter(user, "custodian_id")
    return documents if rule is None else documents.filter(rule)


def hand_outs_visible_to(user: Any) -> QuerySet[HandOut]:
    rows = HandOut.objects.select_related(
        "document__holder", "agency", "mission__case", "handed_out_by"
    )
    rule = _agency_filter(user, "agency_id")
    return rows if rule is None else rows.filter(rule)


def visas_visible_to(user: Any) -> QuerySet[VisaApplication]:
    rows = VisaApplication.objects.select_related("holder", "mission__case", "document")
    rule = _agency_filter(user, "mission__case__agency_id")
    return rows if rule is None else rows.filter(rule)


def access_document(user: Any, pk: int) -> TravelDocument:
    """The document if ``user`` may see it; ``TravelDocument.DoesNotExist`` otherwise."""
    return documents_visible_to(user).get(pk=pk)


def access_hand_out(user: Any, pk: int) -> HandOut:
    return hand_outs_visible_to(user).get(pk=pk)


def access_visa(user: Any, pk: int) -> VisaApplication:
    return visas_visible_to(user).get(pk=pk)
