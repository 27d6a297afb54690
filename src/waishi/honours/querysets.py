"""Reading the award: nominations through the kernel's ``visible_to``; the public register."""

from typing import Any

from django.db.models import QuerySet

from waishi.cases.querysets import visible_to

from .constants import CASE_TYPE, CitizenStatus
from .models import HonoraryCitizen, Nomination


def nominations_visible_to(user: Any) -> QuerySet[Nomination]:
    """The nominations ``user`` may see, with their case, round and nominee (one query)."""
    cases = visible_to(user).filter(case_type=CASE_TYPE).values("pk")
    return Nomination.objects.filter(case__in=cases).select_related(
        "case", "round", "person", "case__division"
    )


def citizens_for_staff() -> QuerySet[HonoraryCitizen]:
    """Every honorary citizen, with the nomination, case and person (one query)."""
    return HonoraryCitizen.objects.select_related(
        "person", "nomination", "nomination__case", "nomination__round"
    )


def published_citizens() -> QuerySet[HonoraryCitizen]:
    """The honorary citizens the website lists: active titles whose holders agreed."""
    return (
        HonoraryCitizen.objects.filter(status=CitizenStatus.ACTIVE, publish_consent=True)
        .select_related("person", "nomination", "nomination__round")
        .order_by("-conferred_on", "id")
    )
