"""Template helpers of the award's pages."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def bs(field: Any) -> str:
    """Render a form field's widget with Bootstrap's class for its kind."""
    kind = getattr(field, "widget_type", "")
    if kind == "checkboxselectmultiple":
        return field.as_widget()  # type: ignore[no-any-return]
    css = {"checkbox": "form-check-input", "select": "form-select"}.get(kind, "form-control")
    attrs = {"class": css + (" is-invalid" if field.errors else "")}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)  # type: ignore[no-any-return]
