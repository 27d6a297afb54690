"""Every write to API tokens: creation, revocation and the record of use."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.accounts.constants import Role
from waishi.audit.actions import log_action
from waishi.notifications.actions import notify
from waishi.notifications.text import interpolate_lazy

from .models import ApiToken
from .tokens import hash_token, new_token

# last_used_at is written at most once a minute per token, so a busy client costs one small
# UPDATE a minute rather than one per request.
TOUCH_INTERVAL = timedelta(seconds=60)


def check_acting_user(*, agency_id: int, acting_user: Any) -> list[str]:
    """Reasons ``acting_user`` cannot be the user a token of ``agency_id`` acts as."""
    if (
        acting_user is None
        or not acting_user.is_active
        or acting_user.agency_id != agency_id
        or not acting_user.has_role(Role.LIAISON_OFFICER)
    ):
        return [_("A token must act as an active liaison officer of your agency.")]
    return []


def do_create_api_token(
    *, actor: Any, name: str, acting_user: Any, request: HttpRequest | None = None
) -> tuple[ApiToken, str]:
    """Create a token for the actor's agency; returns it and the secret (shown only once).

    The caller checks ``api.manage_tokens``; the token acts as ``acting_user``, who must be
    a liaison officer of the same agency.
    """
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the token a name."))
    problems = check_acting_user(agency_id=actor.agency_id, acting_user=acting_user)
    if problems:
        raise ValidationError(problems)
    for _attempt in range(3):
        prefix, secret = new_token()
        try:
            with transaction.atomic():
                token = ApiToken.objects.create(
                    agency_id=actor.agency_id,
                    name=name[:100],
                    prefix=prefix,
                    secret_hash=hash_token(secret),
                    acting_user=acting_user,
                    created_by=actor,
                )
                log_action(
                    action="api.token.create",
                    actor=actor,
                    obj=token,
                    after={"name": token.name, "prefix": prefix, "acting_user": acting_user.pk},
                    request=request,
                )
                if acting_user.pk != actor.pk:
                    # Someone else's name now stands behind a token: they should know.
                    notify(
                        recipients=[acting_user],
                        kind="api.token_acting",
                        title=interpolate_lazy(
                            gettext_lazy("An API token named %(name)s now acts as you"),
                            name=token.name,
                        ),
                        body=interpolate_lazy(
                            gettext_lazy("Created by %(person)s. Token prefix: %(prefix)s."),
                            person=actor.display_name,
                            prefix=prefix,
                        ),
                        link=reverse("api:tokens"),
                        obj=token,
                    )
            return token, secret
        except IntegrityError:  # the random prefix collided; draw another
            continue
    raise RuntimeError("Could not draw a unique token prefix")


def do_revoke_api_token(*, actor: Any, token: ApiToken, request: HttpRequest | None = None) -> bool:
    """Revoke a token at once; returns False if it was already revoked.

    The caller fetched the token through ``querysets.visible_to(actor)``.
    """
    with transaction.atomic():
        now = timezone.now()
        changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=now, revoked_by=actor
        )
        if not changed:
            return False
        token.revoked_at, token.revoked_by = now, actor
        log_action(
            action="api.token.revoke",
            actor=actor,
            obj=token,
            after={"prefix": token.prefix},
            request=request,
        )
    return True


def record_token_use(*, token: ApiToken) -> None:
    """Note that a token was used, at most once per ``TOUCH_INTERVAL`` (not audited)."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_INTERVAL:
        return
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOUCH_INTERVAL)
    ).update(last_used_at=now)
    token.last_used_at = now
