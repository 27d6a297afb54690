"""Template helpers of the holiday calendar."""

import datetime

from django import template

from waishi.core.workdays import is_provisional

register = template.Library()


@register.filter(name="provisional_day")
def provisional_day(day: datetime.date | None) -> bool:
    """Whether ``day`` lies in a year whose holiday notice has not been entered yet."""
    if not isinstance(day, datetime.date):
        return False
    return is_provisional(day)
