"""Which API tokens a person sees: those of their own agency, if they manage tokens."""

from typing import Any

from django.db.models import QuerySet

from .models import ApiToken


def visible_to(user: Any) -> QuerySet[ApiToken]:
    if not user.has_perm("api.manage_tokens") or not getattr(user, "agency_id", None):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(agency_id=user.agency_id)
