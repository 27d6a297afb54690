"""Reading complaints: always through the kernel's ``visible_to``."""

from typing import Any

from django.db.models import QuerySet

from waishi.cases.querysets import visible_to

from .constants import CASE_TYPE
from .models import Petition


def petitions_visible_to(user: Any) -> QuerySet[Petition]:
    """The complaints ``user`` may see, with their case and petitioner (one query per page)."""
    cases = visible_to(user).filter(case_type=CASE_TYPE).values("pk")
    return Petition.objects.filter(case__in=cases).select_related("case", "petitioner")
