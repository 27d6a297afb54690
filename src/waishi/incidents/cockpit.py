"""The newest foreign-related incidents panel of the leaders' cockpit."""

from typing import Any

from .constants import CASE_TYPE
from .models import Incident

ROWS = 6


def newest_incidents(scope: Any) -> list[Incident]:
    """The newest incidents of the scope that the leader may see (1 query)."""
    cases = scope.cases().filter(case_type=CASE_TYPE).values("pk")
    return list(
        Incident.objects.filter(case__in=cases)
        .select_related("case")
        .order_by("-began_at", "-pk")[:ROWS]
    )
