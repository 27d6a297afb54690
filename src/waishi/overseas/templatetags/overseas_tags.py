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
