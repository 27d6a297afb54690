"""What each person may see of notifications: only their own."""

from typing import Any

from django.db.models import QuerySet

from .models import Notification


def visible_to(user: Any) -> QuerySet[Notification]:
    """The user's own notifications; nobody, not even an administrator, reads another's."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=user.pk)


def unread_count(user: Any) -> int:
    """One COUNT over the (recipient, read_at) index."""
    return visible_to(user).filter(read_at__isnull=True).count()
