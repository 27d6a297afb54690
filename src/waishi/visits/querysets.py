"""Which visits and gifts a person may see: the kernel's ``visible_to`` decides, always."""

from typing import Any

from django.db.models import QuerySet

from waishi.cases.querysets import visible_to

from .constants import GIFT_CASE_TYPE, VISIT_CASE_TYPE
from .models import ReceivedGift, Visit


def visits_visible_to(user: Any) -> QuerySet[Visit]:
    """Visits of cases ``user`` may see (an agency: its own), newest arrival first."""
    cases = visible_to(user).filter(case_type=VISIT_CASE_TYPE)
    return (
        Visit.objects.filter(case__in=cases)
        .select_related("case", "case__agency")
        .order_by("-arrival_date", "-pk")
    )


def gifts_visible_to(user: Any) -> QuerySet[ReceivedGift]:
    """Received gifts of cases ``user`` may see, newest first."""
    cases = visible_to(user).filter(case_type=GIFT_CASE_TYPE)
    return (
        ReceivedGift.objects.filter(case__in=cases)
        .select_related("case", "case__agency", "recipient")
        .order_by("-received_on", "-pk")
    )
