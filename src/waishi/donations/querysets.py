"""Reading donations and projects: always through the kernel's ``visible_to``.

A donee sees its own; a county office those of its county; the bureau's staff and the
discipline inspector all of them.
"""

from typing import Any

from django.db.models import QuerySet

from waishi.cases.querysets import visible_to

from .constants import DONATION_TYPE, PROJECT_TYPE
from .models import Donation, Project


def donations_visible_to(user: Any) -> QuerySet[Donation]:
    """The donations ``user`` may see, with their case, donee and county (one query a page)."""
    cases = visible_to(user).filter(case_type=DONATION_TYPE).values("pk")
    return Donation.objects.filter(case__in=cases).select_related("case", "case__agency", "county")


def projects_visible_to(user: Any) -> QuerySet[Project]:
    """The donated projects ``user`` may see, with their case, donee, donor and county."""
    cases = visible_to(user).filter(case_type=PROJECT_TYPE).values("pk")
    return Project.objects.filter(case__in=cases).select_related(
        "case", "case__agency", "county", "donor__person", "donor__organisation"
    )
