from typing import Any

from django import template

from waishi.core import pii
from waishi.registers.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """The country's name in the reader's language (``MY`` → 马来西亚)."""
    return _country_name(code or "") if code else "—"


@register.filter
def masked_name(value: str) -> str:
    """A name as the register shows it by default: the surname only (``陈丽华`` → ``陈**``)."""
    return pii.mask(value or "", pii.Kind.TEXT)


@register.simple_tag
def overseas_summary(user: Any) -> dict[str, Any]:
    """The dashboard's figures: open certificates, the register, this year's survey."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from waishi.cases.querysets import visible_to

    from ..constants import IDENTITY_CASE_TYPE, SETTLEMENT_CASE_TYPE
    from ..querysets import records_visible_to, standings_visible_to

    open_cases = (
        visible_to(user)
        .filter(case_type__in=[IDENTITY_CASE_TYPE, SETTLEMENT_CASE_TYPE], is_open=True)
        .aggregate(
            identity=Count("id", filter=Q(case_type=IDENTITY_CASE_TYPE)),
            settlement=Count("id", filter=Q(case_type=SETTLEMENT_CASE_TYPE)),
            overdue=Count("id", filter=Q(due_date__lt=timezone.localdate())),
        )
    )
    survey = (
        records_visible_to(user)
        .filter(campaign__year=timezone.localdate().year)
        .aggregate(entered=Count("id"), verified=Count("id", filter=Q(status="verified")))
    )
    return {
        **open_cases,
        "register": standings_visible_to(user).filter(ended_on__isnull=True).count(),
        **survey,
    }
