"""Template helpers of the directives pages."""

from typing import Any

from django import template
from django.utils import timezone

from ..actions import OWING
from ..models import CountyReply

register = template.Library()


@register.simple_tag
def directive_replies(directive: Any) -> dict[str, Any]:
    """Every county's reply to ``directive`` with who has and has not replied (1 query)."""
    today = timezone.localdate()
    replies = list(
        CountyReply.objects.filter(directive=directive)
        .select_related("case", "county", "replied_by")
        .order_by("county__sort_order", "county_id")
    )
    received = late = 0
    for reply in replies:
        owing = reply.case.status in OWING
        overdue = bool(owing and reply.case.due_date and reply.case.due_date < today)
        reply.owing, reply.late = owing, overdue  # type: ignore[attr-defined]
        received += 0 if owing else 1
        late += 1 if overdue else 0
    return {"rows": replies, "received": received, "late": late, "total": len(replies)}
