"""The portal's writes outside Wagtail's own page actions."""

from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction

from waishi.accounts.constants import Role
from waishi.audit.actions import log_action

from .setup import EDITORS_GROUP, REVIEWERS_GROUP, review_division_code


def do_sync_editor_groups(*, actor: Any, user: Any) -> set[str]:
    """Put a website editor in the editor groups and take anyone else out of them.

    Called at each sign-in (the actor is the user signing in), so a granted or revoked role
    takes effect in Wagtail's page permissions the next time the person signs in. Returns
    the names of the groups the user is in afterwards. Changes are audited.
    """
    groups = {g.name: g for g in Group.objects.filter(name__in=[EDITORS_GROUP, REVIEWERS_GROUP])}
    is_editor = bool(user.is_active and user.has_role(Role.WEBSITE_EDITOR))
    division = getattr(user, "division", None)
    is_reviewer = is_editor and division is not None and division.code == review_division_code()
    wanted = {
        name
        for name, keep in ((EDITORS_GROUP, is_editor), (REVIEWERS_GROUP, is_reviewer))
        if keep and name in groups
    }
    current = set(user.groups.filter(name__in=list(groups)).values_list("name", flat=True))
    if wanted == current:
        return current
    with transaction.atomic():
        user.groups.remove(*[groups[name] for name in current - wanted])
        user.groups.add(*[groups[name] for name in wanted - current])
        log_action(
            action="portal.editor_groups.sync",
            actor=actor,
            obj=user,
            before={"groups": sorted(current)},
            after={"groups": sorted(wanted)},
        )
    return wanted


def on_user_logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Bring the user's editor groups in line with the roles at each sign-in."""
    do_sync_editor_groups(actor=user, user=user)
