"""Template helpers of the passports area: dashboard figures, masks, visa matrix."""

from typing import Any

from django import template

from waishi.registers.countries import country_name

from .. import dashboard

register = template.Library()


@register.simple_tag
def passports_out_and_due() -> dict[str, Any]:
    return dashboard.out_and_due()


@register.simple_tag
def passports_overdue_by_agency() -> list[dict[str, Any]]:
    return dashboard.overdue_by_agency()


@register.simple_tag
def passports_locked_agencies() -> list[Any]:
    return dashboard.locked_agencies()


@register.simple_tag
def passports_expiring() -> dict[str, Any]:
    return dashboard.expiring()


@register.simple_tag
def passports_visas_by_status() -> list[dict[str, Any]]:
    return dashboard.visas_by_status()


@register.simple_tag
def passports_agency_summary(user: Any) -> dict[str, Any]:
    if getattr(user, "agency_id", None) is None:
        return {}
    return dashboard.agency_summary(user.agency_id)


@register.simple_tag
def visa_matrix(mission: Any) -> dict[str, Any]:
    """Members × countries of a mission's visa applications, for ``includes/visa_matrix.html``."""
    from ..models import VisaApplication

    # The members come from the mission; the cells need only the application itself.
    applications = list(VisaApplication.objects.filter(mission=mission).order_by("country", "id"))
    countries = sorted({a.country for a in applications})
    cells: dict[tuple[int, str], Any] = {(a.holder_id, a.country): a for a in applications}
    members = mission.delegation
    return {
        "countries": [(c, country_name(c)) for c in countries],
        "rows": [
            (m.traveller, [cells.get((m.traveller_id, c)) for c in countries]) for m in members
        ],
    }


@register.filter
def country_label(code: str) -> str:
    return country_name(code)


@register.simple_tag
def passport_findings(mission: Any) -> list[Any]:
    """The members' document findings for the mission review (``includes/mission_checks``)."""
    from ..checks import check_mission_documents

    return check_mission_documents(mission)


@register.filter
def bs(field: Any, size: str = "") -> str:
    """A form field's widget with Bootstrap's class for its kind (``|bs:"sm"`` for small)."""
    kind = getattr(field, "widget_type", "")
    css = {"checkbox": "form-check-input", "select": "form-select"}.get(kind, "form-control")
    if size and kind != "checkbox":
        css += f" {css}-{size}"
    attrs = {"class": css}
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)  # type: ignore[no-any-return]
