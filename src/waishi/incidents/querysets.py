"""Reading incidents: always through the kernel's ``visible_to`` (consular staff and leaders)."""

from typing import Any

from django.db.models import QuerySet

from waishi.cases.querysets import visible_to

from .constants import CASE_TYPE
from .models import Incident


def incidents_visible_to(user: Any) -> QuerySet[Incident]:
    """The incidents ``user`` may see, with their case (one query per page)."""
    cases = visible_to(user).filter(case_type=CASE_TYPE).values("pk")
    return Incident.objects.filter(case__in=cases).select_related("case", "treaty")
