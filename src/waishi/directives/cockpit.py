"""The newest briefs panel of the leaders' cockpit (``waishi.cases.cockpit``)."""

from typing import Any

from django.db.models import Exists, OuterRef

from .constants import BriefStatus
from .models import Brief, BriefReading

ROWS = 6


def newest_briefs(scope: Any) -> list[Brief]:
    """The newest briefs sent to this leader (a division head: of their division), each
    marked read or not by them (1 query)."""
    briefs = Brief.objects.filter(status=BriefStatus.SENT)
    if scope.leader is not None:
        briefs = briefs.filter(leaders=scope.leader)
    elif scope.division_ids is not None:
        briefs = briefs.filter(division_id__in=scope.division_ids)
    return list(
        briefs.annotate(
            seen=Exists(BriefReading.objects.filter(brief=OuterRef("pk"), reader=scope.user))
        ).order_by("-sent_at", "-pk")[:ROWS]
    )
