"""Sign-in with delays and lockout: each wrong password doubles the wait before the account's
next try is even checked, and five in a row lock it for thirty minutes."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db.models import StringAgg, Value
from django.http import HttpRequest
from django.utils import timezone

from waishi.core.appflags import rules_only_apps
from waishi.core.middleware import client_ip
from waishi.core.ratelimit import count_try, shared_cache

from .models import User

SIGNIN_SCOPE = "signin-failures"


def _address(request: HttpRequest | None) -> str:
    return (client_ip(request) if request is not None else None) or "unknown"


def address_refused(request: HttpRequest | None) -> bool:
    """Whether the client's address has spent its failed sign-ins for the current window."""
    tries = shared_cache().get(f"rate:{SIGNIN_SCOPE}:{_address(request)}", 0)
    return int(tries) >= settings.WAISHI_SIGNIN_ADDRESS_FAILURES


def count_address_failure(request: HttpRequest | None) -> None:
    count_try(SIGNIN_SCOPE, _address(request), settings.WAISHI_SIGNIN_ADDRESS_WINDOW)


def delay_seconds(failures: int) -> int:
    """How long an account waits after ``failures`` wrong passwords in a row: 2^n seconds."""
    if failures <= 0:
        return 0
    return int(min(2**failures, settings.WAISHI_SIGNIN_MAX_DELAY_SECONDS))


def waiting(user: User) -> bool:
    """Whether ``user``'s account is still waiting out the delay of its last failure."""
    if not user.failed_logins or user.last_failed_login is None:
        return False
    wait = timedelta(seconds=delay_seconds(user.failed_logins))
    return timezone.now() < user.last_failed_login + wait


def _spend_a_hash(password: str) -> None:
    """Run the password hasher on nothing, so a refusal unchecked takes as long as a check."""
    User().set_password(password)


# The system administrator maintains organisation data, accounts and the task queue through
# the admin site: Django's model permissions of these apps only. Business data (cases and the
# areas built on them) is worked in the back office by its own roles, and the audit log
# belongs to the audit administrator alone. Business permissions that happen to be named like
# model permissions (``cases.view_case``) are therefore never granted here.
SYSTEM_ADMIN_APPS = frozenset(
    {"accounts", "auth", "django_tasks_database", "taggit", "wagtaildocs", "wagtailimages"}
)
MODEL_PERMISSION_VERBS = ("add_", "change_", "delete_", "view_")
# Waishi's business apps (those whose ``AppConfig`` says ``waishi_rules_only = True``): who may
# do what there is said by rules predicates alone (``<app>/permissions.py``), never by Django's
# permission tables, which grant nothing in them. Asking those tables costs two queries per
# request for every such check that rules refuses, e.g. ``perms.missions.file_mission`` on a
# case page seen by bureau staff.


def _system_admin_may(user: Any, perm: str) -> bool:
    from .constants import Role

    if not (user.is_active and user.is_authenticated and user.has_role(Role.SYSTEM_ADMIN)):
        return False
    app_label, _, codename = perm.partition(".")
    return app_label in SYSTEM_ADMIN_APPS and codename.startswith(MODEL_PERMISSION_VERBS)


class SystemAdminModelPermissions:
    """Mix-in granting the system administrator the admin's model permissions."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if _system_admin_may(user_obj, perm):
            return True
        if perm.partition(".")[0] in rules_only_apps():
            return False
        return super().has_perm(user_obj, perm, obj)  # type: ignore[misc,no-any-return]

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return _system_admin_may(user_obj, f"{app_label}.view_") or super().has_module_perms(  # type: ignore[misc]
            user_obj, app_label
        )


class LockoutModelBackend(SystemAdminModelPermissions, ModelBackend):
    """Django's password check, refusing a locked account as if the password were wrong.

    Counting failures and locking happen in ``actions.do_record_failed_login`` so that the
    audit record and the counter change in one transaction.
    """

    def get_user(self, user_id: Any) -> User | None:  # type: ignore[override]
        """The signed-in user of a request, with their roles read in the same query.

        Every signed-in page reads the user and then, for its first permission check, the
        roles (``User.role_set``); one query instead of two on every request.
        """
        codes = StringAgg("role_grants__role", delimiter=Value(","), default=Value(""))
        user = User._default_manager.filter(pk=user_id).annotate(role_codes=codes).first()
        if user is None:
            return None
        user._role_set = frozenset(code for code in user.role_codes.split(",") if code)
        return user if self.user_can_authenticate(user) else None

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        from . import actions

        if username is None or password is None:
            return None
        if address_refused(request):
            # Too many failures from this address: refused like a wrong password, without
            # trying it, so guessing from one address cannot go on nor lock the account.
            _spend_a_hash(password)
            actions.do_record_failed_login(
                username=username, user=None, request=request, address_refused=True
            )
            return None
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            # Run the hasher anyway so an unknown name takes as long as a known one.
            _spend_a_hash(password)
            count_address_failure(request)
            actions.do_record_failed_login(username=username, user=None, request=request)
            return None
        # A browser the user made remembered (his own second factor cookie) is not held back
        # by delays or the lock: others' wrong guesses cannot lock him out of his own desk.
        from .second_factor import device_remembered

        own_device = request is not None and device_remembered(request, user)
        if not own_device and user.locked_until and user.locked_until > timezone.now():
            _spend_a_hash(password)
            count_address_failure(request)
            actions.do_record_failed_login(
                username=username, user=user, request=request, while_locked=True
            )
            return None
        if not own_device and waiting(user):
            _spend_a_hash(password)
            count_address_failure(request)
            actions.do_record_failed_login(
                username=username, user=user, request=request, throttled=True
            )
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        count_address_failure(request)
        actions.do_record_failed_login(username=username, user=user, request=request)
        return None


def lockout_settings() -> tuple[int, int]:
    """(failures before lock, minutes locked), from settings."""
    return settings.WAISHI_LOCKOUT_FAILURES, settings.WAISHI_LOCKOUT_MINUTES
