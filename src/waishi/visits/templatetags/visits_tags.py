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


@register.simple_tag
def may_edit_plan(user: Any, case: Any, *states: str) -> bool:
    """Whether ``user`` may change the visit of ``case`` now (its state among ``states``)."""
    return bool(case.status in states and user.has_perm("visits.edit_visit", case))


@register.simple_tag
def visits_summary(user: Any) -> dict[str, Any]:
    """The dashboard's figures: visits coming in the next 30 days, gift declarations due and
    overdue — among the cases ``user`` may see (three queries)."""
    import datetime

    from django.utils import timezone

    from waishi.cases.querysets import visible_to

    from ..constants import DECLARATION_CLOCK, GIFT_CASE_TYPE
    from ..querysets import visits_visible_to

    today = timezone.localdate()
    coming = list(
        visits_visible_to(user)
        .filter(
            arrival_date__gte=today,
            arrival_date__lte=today + datetime.timedelta(days=30),
            case__status__in=("plan", "review", "returned", "approved"),
        )
        .order_by("arrival_date", "pk")[:5]
    )
    gifts = visible_to(user).filter(
        case_type=GIFT_CASE_TYPE, clocks__code=DECLARATION_CLOCK, clocks__state="running"
    )
    return {
        "coming": coming,
        "to_declare": gifts.count(),
        "overdue": gifts.filter(clocks__due_date__lt=today).count(),
    }
