from django import template

from waishi.registers.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """The country's name in the reader's language (``MY`` → 马来西亚)."""
    return _country_name(code or "")


@register.filter
def rmb(value: object) -> str:
    """An amount in RMB with thousands separators: 100,000.00."""
    try:
        return f"{value:,.2f}"
    except (TypeError, ValueError):
        return str(value)


@register.simple_tag
def may(user: object, permission: str, case: object) -> bool:
    """Whether ``user`` holds the object permission ``permission`` on ``case``."""
    return bool(user.has_perm(permission, case))  # type: ignore[attr-defined]
