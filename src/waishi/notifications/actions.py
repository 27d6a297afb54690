"""Every write to notifications: sending them, marking them read, and people's choices."""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core.tasks import enqueue_in_transaction

from .constants import MAX_RECIPIENTS, SMS_MAX_CHARS, Channel
from .kinds import get_kind
from .models import Notification, NotificationPreference, NotificationSettings
from .preferences import channels_for, languages_for
from .tasks import send_notification_email, send_notification_sms

Text = str | Promise


def site_url() -> str:
    """The address people reach Waishi at, for links in e-mail and SMS."""
    return str(getattr(settings, "WAISHI_SITE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip(
        "/"
    )


def absolute(link: str) -> str:
    return site_url() + link if link.startswith("/") else link


def _email_body(body: str, link: str) -> str:
    parts = [body] if body else []
    if link:
        parts.append(_("Open in Waishi: %(url)s") % {"url": absolute(link)})
    parts.append(
        _("You can choose which messages you receive by e-mail at %(url)s")
        % {"url": absolute(reverse("notifications:preferences"))}
    )
    return "\n\n".join(parts)


def _sms_text(title: str, link: str) -> str:
    text = _("[Waishi] %(title)s") % {"title": title}
    if link:
        text += " " + absolute(link)
    return text[:SMS_MAX_CHARS]


def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    title: Text,
    body: Text = "",
    link: str = "",
    obj: models.Model | None = None,
) -> list[Notification]:
    """Send a notification of ``kind`` to each recipient by the channels they chose.

    ``title`` and ``body`` may be lazy translations (``gettext_lazy``, ``format_lazy``): they
    are rendered in each recipient's language. In-app rows are written in the caller's
    transaction; e-mail and SMS are queued as background tasks in it too, so the message
    is sent once the change commits and never for a change rolled back. Inactive
    users and duplicates are skipped. The caller decides who may be told what.
    """
    kind_def = get_kind(kind)
    people = {u.pk: u for u in recipients if u is not None and u.pk and u.is_active}
    if len(people) > MAX_RECIPIENTS:
        raise ValueError(f"notify() accepts at most {MAX_RECIPIENTS} recipients")
    if not people:
        return []
    channels = channels_for(people, kind_def)
    languages = languages_for(people)
    object_type = obj._meta.label_lower if obj is not None else ""
    object_id = str(obj.pk) if obj is not None else ""
    rows: list[Notification] = []
    outgoing: list[partial[Any]] = []
    now = timezone.now()
    for pk, user in people.items():
        with translation.override(languages[pk]):
            rendered_title = str(title)[:200]
            rendered_body = str(body)
            if Channel.EMAIL in channels[pk] and user.email:
                outgoing.append(
                    partial(
                        enqueue_in_transaction,
                        send_notification_email,
                        user_id=pk,
                        subject=rendered_title,
                        body=_email_body(rendered_body, link),
                    )
                )
            phone: str = getattr(user, "phone", "") or ""
            if Channel.SMS in channels[pk] and phone:
                outgoing.append(
                    partial(
                        enqueue_in_transaction,
                        send_notification_sms,
                        user_id=pk,
                        text=_sms_text(rendered_title, link),
                    )
                )
        if Channel.IN_APP in channels[pk]:
            rows.append(
                Notification(
                    recipient=user,
                    kind=kind,
                    title=rendered_title,
                    body=rendered_body,
                    link=link[:500],
                    object_type=object_type,
                    object_id=object_id,
                    created_at=now,
                )
            )
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows)
        for send in outgoing:
            send()
    return created


def do_mark_read(*, actor: Any, notification: Notification) -> None:
    """Mark one of the actor's own notifications read (the view fetched it for the actor)."""
    if notification.recipient_id != actor.pk:
        raise PermissionError("Only the recipient marks a notification read")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )


def do_mark_all_read(*, actor: Any) -> int:
    """Mark every unread notification of the actor read; returns how many changed."""
    return Notification.objects.filter(recipient_id=actor.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def do_set_preferences(
    *,
    actor: Any,
    choices: dict[tuple[str, str], bool],
    language: str,
    request: HttpRequest | None = None,
) -> None:
    """Store the actor's own channel choices per kind and their language for messages.

    ``choices`` maps (kind code, channel) to on/off; unknown kinds or channels raise
    ValueError and change nothing.
    """
    valid_languages = {code for code, _name in settings.LANGUAGES}
    if language not in valid_languages:
        raise ValueError(f"Unknown language {language!r}")
    for code, channel in choices:
        kind = get_kind(code)
        if channel not in Channel.values:
            raise ValueError(f"Unknown channel {channel!r}")
        if kind.in_app_required and channel == Channel.IN_APP and not choices[(code, channel)]:
            raise ValueError(f"{code} cannot be switched off in Waishi")
    with transaction.atomic():
        NotificationPreference.objects.filter(
            user_id=actor.pk, kind__in={code for code, _c in choices}
        ).delete()
        NotificationPreference.objects.bulk_create(
            NotificationPreference(user_id=actor.pk, kind=code, channel=channel, enabled=on)
            for (code, channel), on in sorted(choices.items())
        )
        NotificationSettings.objects.update_or_create(
            user_id=actor.pk, defaults={"language": language}
        )
        log_action(
            action="notifications.preference.update",
            actor=actor,
            object_type="accounts.user",
            object_id=str(actor.pk),
            after={
                "language": language,
                "enabled": sorted(f"{k}:{c}" for (k, c), on in choices.items() if on),
            },
            request=request,
        )
