"""Template helpers for personal data: ``{{ value|mask:"id" }}`` and ``{% pii_field %}``."""

from typing import Any

from django import template
from django.db import models

from waishi.core import pii

register = template.Library()


@register.filter(name="mask")
def mask_filter(value: Any, kind: str = pii.Kind.TEXT) -> str:
    """The value with its middle hidden (``id``, ``passport``, ``phone`` or ``text``)."""
    return pii.mask(value, kind)


@register.inclusion_tag("core/includes/pii_field.html", takes_context=True)
def pii_field(context: template.Context, obj: models.Model, field: str) -> dict[str, Any]:
    """The masked value and, for a user allowed to, a form to reveal it with a reason."""
    model_field = obj._meta.get_field(field)
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "masked": pii.mask(getattr(obj, field), getattr(model_field, "kind", pii.Kind.TEXT)),
        "label": getattr(model_field, "verbose_name", field),
        "label_key": obj._meta.label_lower,
        "pk": obj.pk,
        "field": field,
        "can_reveal": bool(getattr(obj, field))
        and user is not None
        and pii.can_reveal(user, obj, field),
        "csrf_token": context.get("csrf_token"),
    }
