"""Reading people's choices: which channels carry a kind, and which language they read."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings

from .constants import Channel
from .kinds import Kind, all_kinds
from .models import NotificationPreference, NotificationSettings


def channels_for(user_ids: Iterable[int], kind: Kind) -> dict[int, set[str]]:
    """The channels each user receives ``kind`` by: the kind's defaults, then their choices.

    One query for any number of users.
    """
    ids = list(user_ids)
    result = {pk: set(kind.default_channels) for pk in ids}
    rows = NotificationPreference.objects.filter(user_id__in=ids, kind=kind.code).values_list(
        "user_id", "channel", "enabled"
    )
    for user_id, channel, enabled in rows:
        if enabled:
            result[user_id].add(channel)
        else:
            result[user_id].discard(channel)
    if kind.in_app_required:
        for channels in result.values():
            channels.add(Channel.IN_APP)
    return result


def default_language() -> str:
    return str(settings.LANGUAGE_CODE)


def languages_for(user_ids: Iterable[int]) -> dict[int, str]:
    """The language each user's messages are written in (bureau default when unset)."""
    ids = list(user_ids)
    chosen = dict(
        NotificationSettings.objects.filter(user_id__in=ids).values_list("user_id", "language")
    )
    return {pk: chosen.get(pk) or default_language() for pk in ids}


def preference_matrix(user: Any) -> list[tuple[Kind, dict[str, bool]]]:
    """Every registered kind with the user's effective choice for each channel."""
    stored = {
        (kind, channel): enabled
        for kind, channel, enabled in NotificationPreference.objects.filter(
            user_id=user.pk
        ).values_list("kind", "channel", "enabled")
    }
    matrix = []
    for kind in all_kinds():
        row = {
            channel: stored.get((kind.code, channel), channel in kind.default_channels)
            for channel in Channel.values
        }
        if kind.in_app_required:
            row[Channel.IN_APP] = True
        matrix.append((kind, row))
    return matrix
