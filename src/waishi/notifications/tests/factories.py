"""Notifications for tests, written directly (tests set up state; the app writes via notify)."""

from typing import Any

from django.utils import timezone

from waishi.notifications.models import Notification


def make_notifications(user: Any, count: int, *, read: bool = False) -> list[Notification]:
    return Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind="cases.transition",
            title=f"通知 {i}",
            body="正文",
            link="/home/",
            read_at=timezone.now() if read else None,
        )
        for i in range(count)
    )
