"""Reading directives, replies, tasks and briefs: always through the kernel's ``visible_to``."""

from typing import Any

from django.db.models import Count, Q, QuerySet

from waishi.accounts.constants import Role
from waishi.cases.querysets import visible_to

from .constants import DIRECTIVE_TYPE, REPLY_TYPE, TASK_TYPE, BriefStatus
from .models import Brief, CountyReply, Directive, Task


def directives_visible_to(user: Any) -> QuerySet[Directive]:
    """Directives with their counts of replies owed and received (one query per page)."""
    cases = visible_to(user).filter(case_type=DIRECTIVE_TYPE).values("pk")
    return (
        Directive.objects.filter(case__in=cases)
        .select_related("case", "case__division")
        .annotate(
            owed=Count("replies", distinct=True),
            received=Count(
                "replies",
                filter=Q(replies__case__status__in=("replied", "accepted")),
                distinct=True,
            ),
        )
    )


def replies_visible_to(user: Any) -> QuerySet[CountyReply]:
    """The county replies ``user`` may see (a county officer: their own county's)."""
    cases = visible_to(user).filter(case_type=REPLY_TYPE).values("pk")
    return CountyReply.objects.filter(case__in=cases).select_related(
        "case", "county", "directive", "directive__case"
    )


def tasks_visible_to(user: Any) -> QuerySet[Task]:
    cases = visible_to(user).filter(case_type=TASK_TYPE).values("pk")
    return Task.objects.filter(case__in=cases).select_related("case", "case__division")


def briefs_visible_to(user: Any) -> QuerySet[Brief]:
    """Leaders read the briefs sent to the leaders; division staff their division's, and the
    sent ones of every division."""
    if not user.is_authenticated:
        return Brief.objects.none()
    if user.has_role(Role.BUREAU_LEADER):
        return Brief.objects.filter(status=BriefStatus.SENT)
    if user.division_id is not None and user.has_role(Role.DIVISION_OFFICER, Role.DIVISION_HEAD):
        return Brief.objects.filter(Q(division_id=user.division_id) | Q(status=BriefStatus.SENT))
    return Brief.objects.none()
