"""Reading the register: always narrowed to what the user may see (``standings_visible_to``)."""

from typing import Any

from django.db.models import QuerySet

from waishi.cases.querysets import visible_to

from .constants import IDENTITY_CASE_TYPE, SETTLEMENT_CASE_TYPE
from .models import (
    IdentityApplication,
    OrganisationProfile,
    SettlementApplication,
    Standing,
    SurveyCampaign,
    SurveyRecord,
)
from .permissions import is_overseas_staff, named_county_id


def _county_filter(user: Any, field: str) -> dict[str, Any] | None:
    """``{}`` for the division, ``{field: county}`` for a named county officer, else None."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if is_overseas_staff(user):
        return {}
    county = named_county_id(user)
    return None if county is None else {field: county}


def standings_visible_to(user: Any) -> QuerySet[Standing]:
    narrow = _county_filter(user, "county_id")
    rows = Standing.objects.all()
    return rows.none() if narrow is None else rows.filter(**narrow)


def organisations_visible_to(user: Any) -> QuerySet[OrganisationProfile]:
    narrow = _county_filter(user, "county_id")
    rows = OrganisationProfile.objects.select_related("organisation", "county")
    return rows.none() if narrow is None else rows.filter(**narrow)


def campaigns_visible_to(user: Any) -> QuerySet[SurveyCampaign]:
    narrow = _county_filter(user, "county_id")
    rows = SurveyCampaign.objects.select_related("county")
    return rows.none() if narrow is None else rows.filter(**narrow)


def records_visible_to(user: Any) -> QuerySet[SurveyRecord]:
    narrow = _county_filter(user, "campaign__county_id")
    rows = SurveyRecord.objects.all()
    return rows.none() if narrow is None else rows.filter(**narrow)


def identity_visible_to(user: Any) -> QuerySet[IdentityApplication]:
    cases = visible_to(user).filter(case_type=IDENTITY_CASE_TYPE).values("pk")
    return IdentityApplication.objects.filter(case__in=cases).select_related(
        "case", "person", "hukou_county"
    )


def settlement_visible_to(user: Any) -> QuerySet[SettlementApplication]:
    cases = visible_to(user).filter(case_type=SETTLEMENT_CASE_TYPE).values("pk")
    return SettlementApplication.objects.filter(case__in=cases).select_related(
        "case", "person", "county"
    )
