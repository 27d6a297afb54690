"""The bell's unread count for the page header: one COUNT on an indexed filter."""

from typing import Any

from django import template

from ..querysets import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: Any) -> int:
    """How many of the signed-in user's notifications are unread (0 for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_count(user)
