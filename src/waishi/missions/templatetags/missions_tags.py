"""Template helpers of the missions area."""

from django import template

from ..countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """The country or region's name in the active language."""
    return _country_name(code or "")
