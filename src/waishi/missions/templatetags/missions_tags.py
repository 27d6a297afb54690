"""Template helpers of the missions area."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from waishi.registers.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """The country or region's name in the active language."""
    return _country_name(code or "")


@register.filter
def bs(field: Any) -> str:
    """Render a form field's widget with Bootstrap's class for its kind."""
    kind = getattr(field, "widget_type", "")
    css = {"checkbox": "form-check-input", "select": "form-select"}.get(kind, "form-control")
    attrs = {"class": css}
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)  # type: ignore[no-any-return]


@register.filter
def money(value: Any) -> str:
    """An amount with thousands separators and two decimals: 54720 → 54,720.00."""
    try:
        return f"{Decimal(str(value)):,.2f}"
    except (InvalidOperation, ValueError):
        return ""
