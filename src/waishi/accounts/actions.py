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
from .constants import ADMIN_ROLES, AGENCY_ROLES, APPLICANT_ROLES, Role
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
    if roles & APPLICANT_ROLES and roles - APPLICANT_ROLES:
        problems.append(_("An applicant's account cannot also hold a staff or agency role."))
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


def do_record_login(*, user: User, request: HttpRequest | None, factor: str = "password") -> None:
    """A successful password sign-in: reset the failure counter and audit it with the factor.

    ``factor`` is "password" when a second factor is still to come (recorded by
    ``do_record_second_factor``), or "password+remembered_device".
    """
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(
            failed_logins=0, locked_until=None, last_failed_login=None, last_login=timezone.now()
        )
        log_action(
            action="accounts.user.login",
            actor=user,
            obj=user,
            after={"factor": factor},
            request=request,
        )


def do_record_logout(*, user: User, request: HttpRequest | None) -> None:
    log_action(action="accounts.user.logout", actor=user, obj=user, request=request)


def do_record_failed_login(
    *,
    username: str,
    user: User | None,
    request: HttpRequest | None,
    while_locked: bool = False,
    address_refused: bool = False,
    throttled: bool = False,
    reason: str = "wrong password",
) -> None:
    """Count a failed sign-in; the fifth in a row locks the account for thirty minutes.

    Unknown usernames are audited too, under the name that was tried. A try made while the
    account still waits out its delay (``throttled``) is refused unchecked and not counted.
    """
    failures, minutes = lockout_settings()
    with transaction.atomic():
        if throttled and user is not None:
            log_action(
                action="accounts.user.login_failed",
                outcome=Outcome.DENIED,
                obj=user,
                actor_label=username[:150],
                reason="tried again before the account's delay ended",
                request=request,
            )
            return
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
        User.objects.filter(pk=user.pk).update(
            failed_logins=F("failed_logins") + 1, last_failed_login=timezone.now()
        )
        user.refresh_from_db(fields=["failed_logins", "last_failed_login"])
        log_action(
            action="accounts.user.login_failed",
            outcome=Outcome.FAILURE,
            obj=user,
            actor_label=username[:150],
            reason=reason,
            after={"failed_logins": user.failed_logins},
            request=request,
        )
        if user.failed_logins >= failures:
            until = timezone.now() + timedelta(minutes=minutes)
            User.objects.filter(pk=user.pk).update(
                locked_until=until, failed_logins=0, last_failed_login=None
            )
            user.locked_until = until
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
        User.objects.filter(pk=user.pk).update(
            locked_until=None, failed_logins=0, last_failed_login=None
        )
        log_action(action="accounts.user.unlock", actor=actor, obj=user, request=request)


# Second factors ------------------------------------------------------------------------------
# The codes and keys themselves never go into the audit log; the records say which kind of
# factor was used, enrolled or reset.


def _new_recovery_codes(user: User) -> list[str]:
    """Replace ``user``'s recovery codes with ten new ones; the codes, to be shown once."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from .second_factor import RECOVERY_CODES

    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def do_enrol_totp(
    *, user: User, key: str, code: str, request: HttpRequest | None = None
) -> list[str] | None:
    """Enrol the authenticator app holding ``key`` once ``code`` proves it; the recovery codes.

    Returns None (and writes nothing but a failure record) when the code is wrong. The user
    enrols for himself; the caller is his own signed-in session.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .second_factor import Factor, totp_now

    candidate = TOTPDevice(user=user, name="authenticator", key=key, confirmed=True)
    cleaned = "".join(code.split())
    if cleaned not in {totp_now(candidate, offset) for offset in (-1, 0, 1)}:
        log_action(
            action="accounts.user.enrol_totp",
            outcome=Outcome.FAILURE,
            actor=user,
            obj=user,
            reason="wrong code",
            request=request,
        )
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        candidate.save()
        codes = _new_recovery_codes(user)
        log_action(
            action="accounts.user.enrol_totp",
            actor=user,
            obj=user,
            after={"recovery_codes": len(codes)},
            request=request,
        )
        if request is not None:
            do_record_second_factor(user=user, factor=Factor.TOTP, request=request)
    return codes


def do_new_recovery_codes(*, user: User, request: HttpRequest | None = None) -> list[str]:
    """Replace the user's recovery codes (the old ones stop working); the new codes."""
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        log_action(
            action="accounts.user.new_recovery_codes",
            actor=user,
            obj=user,
            after={"recovery_codes": len(codes)},
            request=request,
        )
    return codes


def do_verify_code(*, user: User, code: str, request: HttpRequest) -> str | None:
    """Check a code from the user's app or one of his recovery codes; the factor it passed.

    A wrong code makes the device wait 2^n seconds before it checks another (django-otp's
    throttling) and is audited; a recovery code works once.
    """
    from .second_factor import Factor, recovery_device, totp_device

    cleaned = "".join(code.split())
    factor = None
    with transaction.atomic():
        device = totp_device(user)
        if device is not None and cleaned.isdigit() and device.verify_token(cleaned):
            factor = Factor.TOTP
        else:
            recovery = recovery_device(user)
            if recovery is not None and not cleaned.isdigit() and recovery.verify_token(cleaned):
                factor = Factor.RECOVERY_CODE
        if factor is None:
            log_action(
                action="accounts.user.second_factor",
                outcome=Outcome.FAILURE,
                actor=user,
                obj=user,
                reason="wrong or throttled code",
                request=request,
            )
            return None
        do_record_second_factor(user=user, factor=factor, request=request)
    return factor


def do_record_second_factor(*, user: User, factor: str, request: HttpRequest) -> None:
    """Mark the session as past its second factor and audit which factor it was."""
    from .second_factor import mark_verified

    mark_verified(request, user, factor)
    log_action(
        action="accounts.user.second_factor",
        actor=user,
        obj=user,
        after={"factor": factor},
        request=request,
    )


def do_add_passkey(
    *, user: User, name: str, credential: dict[str, Any], request: HttpRequest
) -> Any:
    """Store a passkey the user registered (public key only) and pass the session's factor."""
    from .models import Passkey
    from .second_factor import Factor

    with transaction.atomic():
        passkey = Passkey.objects.create(user=user, name=name[:60], **credential)
        log_action(
            action="accounts.user.add_passkey",
            actor=user,
            obj=user,
            after={"passkey": passkey.name},
            request=request,
        )
        do_record_second_factor(user=user, factor=Factor.PASSKEY, request=request)
    return passkey


def do_use_passkey(*, passkey: Any, sign_count: int, request: HttpRequest) -> None:
    """A passkey passed: keep its counter (a cloned key shows a counter going back)."""
    from .models import Passkey
    from .second_factor import Factor

    with transaction.atomic():
        Passkey.objects.filter(pk=passkey.pk).update(
            sign_count=sign_count, last_used_at=timezone.now()
        )
        do_record_second_factor(user=passkey.user, factor=Factor.PASSKEY, request=request)


def do_remove_passkey(*, user: User, passkey: Any, request: HttpRequest | None = None) -> None:
    """Remove one of the user's own passkeys. The caller checks it is his."""
    from .second_factor import is_required, totp_device

    if is_required(user) and totp_device(user) is None and user.passkeys.count() <= 1:  # type: ignore[attr-defined]
        raise ValidationError(
            _("Your account needs a second factor: enrol an authenticator app first.")
        )
    with transaction.atomic():
        name = passkey.name
        passkey.delete()
        log_action(
            action="accounts.user.remove_passkey",
            actor=user,
            obj=user,
            before={"passkey": name},
            request=request,
        )


def do_reset_factors(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """Remove every second factor of ``user`` and forget his remembered devices.

    The caller checks the actor is the security administrator. The user enrols again at his
    next sign-in. Only counts are recorded; nobody sees a key or a code.
    """
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .models import Passkey

    with transaction.atomic():
        removed = {
            "authenticator_apps": TOTPDevice.objects.filter(user=user).delete()[0],
            "recovery_code_sets": StaticDevice.objects.filter(user=user).count(),
            "passkeys": Passkey.objects.filter(user=user).delete()[0],
        }
        StaticDevice.objects.filter(user=user).delete()
        User.objects.filter(pk=user.pk).update(factor_epoch=F("factor_epoch") + 1)
        log_action(
            action="accounts.user.reset_factors",
            actor=actor,
            obj=user,
            before=removed,
            request=request,
        )


def do_disable_dormant_accounts(*, now: Any = None) -> int:
    """Disable accounts nobody signed in to for ``WAISHI_DORMANT_DAYS`` days; how many.

    Run by the periodic sweep (``waishi sweep_deadlines`` and its task). An account never
    used counts from its creation. The three administrators are left alone, so the system
    can always be administered (their accounts are few and watched by each other); the
    system administrator enables a disabled account again in the admin site. Each account
    disabled gets its own audit record, by the system.
    """
    from django.conf import settings
    from django.db.models import Q

    days = int(getattr(settings, "WAISHI_DORMANT_DAYS", 90))
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    dormant = (
        User.objects.filter(is_active=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .exclude(role_grants__role__in=ADMIN_ROLES)
        .distinct()
    )
    count = 0
    for user in dormant.only("pk", "username", "last_login").iterator():
        with transaction.atomic():
            if not User.objects.filter(pk=user.pk, is_active=True).update(is_active=False):
                continue  # another host's sweep got there first
            log_action(
                action="accounts.user.disable_dormant",
                obj=user,
                actor_label="system",
                before={"is_active": True},
                after={"is_active": False},
                reason=f"no sign-in for {days} days",
            )
            count += 1
    return count
