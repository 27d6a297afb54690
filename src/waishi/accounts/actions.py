"""Every write to accounts: users, roles, sign-in records. Each call writes its audit event."""

from datetime import timedelta
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.audit.models import Outcome

from .backends import lockout_settings
from .constants import ADMIN_ROLES, AGENCY_ROLES, Role
from .models import RoleGrant, User


def check_role_combination(user: User, roles: set[str]) -> list[str]:
    """Return the reasons ``user`` may not hold ``roles`` together (empty when it may)."""
    problems: list[str] = []
    admin = roles & ADMIN_ROLES
    if len(admin) > 1:
        problems.append(
            _(
                "The system, security and audit administrator roles must be held by "
                "three different people; one account cannot combine them."
            )
        )
    if admin and roles - ADMIN_ROLES:
        problems.append(_("An administrator account cannot also hold a business role."))
    if roles & AGENCY_ROLES and user.agency_id is None:
        problems.append(_("Agency roles need the user to belong to an agency."))
    return problems


def do_set_roles(
    *, actor: User | None, user: User, roles: set[str], request: HttpRequest | None = None
) -> None:
    """Replace the user's roles with ``roles``. The caller checks the actor may manage users.

    Raises ValidationError (and changes nothing) when the combination is not allowed.
    """
    unknown = roles - set(Role.values)
    if unknown:
        raise ValidationError(_("Unknown role: %(role)s") % {"role": ", ".join(sorted(unknown))})
    problems = check_role_combination(user, roles)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        before = sorted(user.role_grants.values_list("role", flat=True))
        user.role_grants.exclude(role__in=roles).delete()
        existing = set(user.role_grants.values_list("role", flat=True))
        RoleGrant.objects.bulk_create(
            [RoleGrant(user=user, role=role, granted_by=actor) for role in sorted(roles - existing)]
        )
        user.__dict__.pop("_role_set", None)
        log_action(
            action="accounts.user.set_roles",
            actor=actor,
            obj=user,
            before={"roles": before},
            after={"roles": sorted(roles)},
            request=request,
        )
        # Website editors' page permissions in the CMS follow the role at once.
        from waishi.portal.actions import do_sync_editor_groups

        do_sync_editor_groups(actor=actor, user=user)


def do_create_user(
    *,
    actor: User | None,
    username: str,
    password: str,
    full_name: str = "",
    roles: set[str] | None = None,
    request: HttpRequest | None = None,
    must_change_password: bool = True,
    **fields: Any,
) -> User:
    """Create a user with roles; the password must pass the password rules."""
    user = User(
        username=username, full_name=full_name, must_change_password=must_change_password, **fields
    )
    password_validation.validate_password(password, user)
    problems = check_role_combination(user, set(roles or ()))
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        user.set_password(password)
        user.password_changed_at = timezone.now()
        user.save()
        log_action(
            action="accounts.user.create",
            actor=actor,
            obj=user,
            after={"username": username, "agency": user.agency_id, "division": user.division_id},
            request=request,
        )
        do_set_roles(actor=actor, user=user, roles=set(roles or ()), request=request)
    return user


# Fields whose changes are personal data and are recorded in the audit log with old and new.
AUDITED_USER_FIELDS = (
    "username",
    "full_name",
    "email",
    "phone",
    "agency_id",
    "division_id",
    "is_active",
    "must_change_password",
)


def do_update_user(
    *, actor: User, user: User, changed: list[str], request: HttpRequest | None = None
) -> None:
    """Save changes made to ``user`` by an administrator, recording old and new values.

    The caller (the admin site) has checked that ``actor`` is the system administrator.
    """
    with transaction.atomic():
        old = User.objects.select_for_update().get(pk=user.pk)
        before = {f: getattr(old, f) for f in AUDITED_USER_FIELDS}
        after = {f: getattr(user, f) for f in AUDITED_USER_FIELDS}
        user.save()
        diff_before = {k: v for k, v in before.items() if after[k] != v}
        diff_after = {k: after[k] for k in diff_before}
        log_action(
            action="accounts.user.update",
            actor=actor,
            obj=user,
            before=diff_before,
            after=diff_after,
            request=request,
        )


def do_change_password(
    *, user: User, new_password: str, request: HttpRequest | None = None
) -> None:
    """Set the user's own new password (validated) and lift the forced-change flag."""
    password_validation.validate_password(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.must_change_password = False
        user.password_changed_at = timezone.now()
        user.save(update_fields=["password", "must_change_password", "password_changed_at"])
        log_action(action="accounts.user.change_password", actor=user, obj=user, request=request)


def do_record_login(*, user: User, request: HttpRequest | None) -> None:
    """A successful sign-in: reset the failure counter and audit it."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(
            failed_logins=0, locked_until=None, last_login=timezone.now()
        )
        log_action(action="accounts.user.login", actor=user, obj=user, request=request)


def do_record_logout(*, user: User, request: HttpRequest | None) -> None:
    log_action(action="accounts.user.logout", actor=user, obj=user, request=request)


def do_record_failed_login(
    *,
    username: str,
    user: User | None,
    request: HttpRequest | None,
    while_locked: bool = False,
    address_refused: bool = False,
) -> None:
    """Count a failed sign-in; the fifth in a row locks the account for thirty minutes.

    Unknown usernames are audited too, under the name that was tried.
    """
    failures, minutes = lockout_settings()
    with transaction.atomic():
        if address_refused:
            log_action(
                action="accounts.user.login_failed",
                outcome=Outcome.DENIED,
                object_type="accounts.user",
                actor_label=username[:150],
                reason="too many failed sign-ins from this address",
                request=request,
            )
            return
        if user is None:
            log_action(
                action="accounts.user.login_failed",
                outcome=Outcome.FAILURE,
                object_type="accounts.user",
                actor_label=username[:150],
                reason="unknown username",
                request=request,
            )
            return
        if while_locked:
            log_action(
                action="accounts.user.login_failed",
                outcome=Outcome.DENIED,
                obj=user,
                actor_label=username[:150],
                reason="account locked",
                request=request,
            )
            return
        User.objects.filter(pk=user.pk).update(failed_logins=F("failed_logins") + 1)
        user.refresh_from_db(fields=["failed_logins"])
        log_action(
            action="accounts.user.login_failed",
            outcome=Outcome.FAILURE,
            obj=user,
            actor_label=username[:150],
            reason="wrong password",
            after={"failed_logins": user.failed_logins},
            request=request,
        )
        if user.failed_logins >= failures:
            until = timezone.now() + timedelta(minutes=minutes)
            User.objects.filter(pk=user.pk).update(locked_until=until, failed_logins=0)
            log_action(
                action="accounts.user.lock",
                outcome=Outcome.SUCCESS,
                obj=user,
                actor_label=username[:150],
                after={"locked_until": until.isoformat()},
                reason=f"{failures} failed sign-ins",
                request=request,
            )


def do_unlock_user(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """Lift a lockout early. The caller checks the actor is the security administrator."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(locked_until=None, failed_logins=0)
        log_action(action="accounts.user.unlock", actor=actor, obj=user, request=request)
