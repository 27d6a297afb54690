"""Template helpers of the visits area."""

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
    if kind == "checkboxselectmultiple":
        return field.as_widget()  # type: ignore[no-any-return]
    attrs = {"class": css}
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)  # type: ignore[no-any-return]


@register.inclusion_tag("visits/includes/check.html", takes_context=True)
def visit_check(context: Any, visit: Any) -> dict[str, Any]:
    """The visit's rule check, with the accept forms for those who may accept warnings."""
    from ..checking import check_stored_visit

    user = context["request"].user
    return {
        "visit": visit,
        "checked": check_stored_visit(visit),
        "can_override": user.has_perm("visits.override_warning"),
        "csrf_token": context.get("csrf_token"),
    }
