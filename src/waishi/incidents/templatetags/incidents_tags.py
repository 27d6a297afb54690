from django import template

from waishi.registers.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """The country's name in the reader's language (``US`` → 美国)."""
    return _country_name(code or "")
