"""The second factor of a sign-in: who needs one, whether a session has passed it, and the
remembered-device cookie.

Every bureau account (division staff, leaders, the inspector, website editors and the three
administrators) signs in with a password *and* a second factor (MLPS level 3, 等保三级
identification: two or more kinds of authentication for administrators and users of
important systems). Agency accounts may enrol one; once enrolled it is asked for too. The
factors are a TOTP authenticator app (with single-use recovery codes) through django-otp, and
passkeys (WebAuthn) through py_webauthn, see ``passkeys.py``.

A session passes the second factor once; the mark lives in the session (server side), tied to
the user who passed it. A remembered device is a signed cookie naming the user, bound to his
password hash and to his factors' generation (``User.factor_epoch``): changing the password or
having the factors reset forgets every remembered device, and the cookie lasts at most
``WAISHI_2FA_REMEMBER_DAYS``.
"""

from io import BytesIO
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .constants import ADMIN_ROLES, BUREAU_ROLES
from .models import User

VERIFIED_KEY = "_waishi_second_factor"
PENDING_TOTP_KEY = "_waishi_totp_pending"
REMEMBER_COOKIE = "waishi_device"
REMEMBER_SALT = "waishi.accounts.remembered-device"
RECOVERY_CODES = 10


class Factor:
    """How a session passed its second factor, as recorded in the audit log."""

    TOTP = "totp"
    RECOVERY_CODE = "recovery_code"
    PASSKEY = "passkey"
    REMEMBERED_DEVICE = "remembered_device"
    # Not a factor: the account neither needs one nor has one (agency accounts may enrol).
    NONE = "none"

    LABELS = {
        TOTP: _("authenticator app"),
        RECOVERY_CODE: _("recovery code"),
        PASSKEY: _("passkey"),
        REMEMBERED_DEVICE: _("remembered device"),
    }


def is_required(user: Any) -> bool:
    """Whether ``user`` must enrol a second factor: every bureau account."""
    if not getattr(settings, "WAISHI_2FA_REQUIRED", True):
        return False
    return bool(user.role_set & (BUREAU_ROLES | ADMIN_ROLES))


def totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_factor(user: User) -> bool:
    """Whether ``user`` has enrolled an authenticator app or a passkey."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists() or user.passkeys.exists()  # type: ignore[attr-defined]
    )


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def recovery_device(user: User) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def is_verified(request: HttpRequest) -> bool:
    """Whether this session's user has passed a second factor in this session."""
    mark = request.session.get(VERIFIED_KEY)
    return isinstance(mark, dict) and mark.get("user") == request.user.pk


def verified_factor(request: HttpRequest) -> str | None:
    mark = request.session.get(VERIFIED_KEY)
    if isinstance(mark, dict) and mark.get("user") == request.user.pk:
        return str(mark.get("factor"))
    return None


def mark_verified(request: HttpRequest, user: User, factor: str) -> None:
    """Record in the session that ``user`` passed ``factor`` now.

    Session bookkeeping only (like Django's own ``login``); the audit record is written by
    ``actions.do_record_second_factor``, which calls this.
    """
    request.session[VERIFIED_KEY] = {
        "user": user.pk,
        "factor": factor,
        "at": int(timezone.now().timestamp()),
    }
    request.session.pop(PENDING_TOTP_KEY, None)


def needs_second_factor(request: HttpRequest) -> bool:
    """Whether the signed-in user of ``request`` must still pass or enrol a second factor.

    Reads the session only: the sign-in decided whether this user needs a factor at all
    (``NONE`` when he neither must nor has one). A role that makes a factor required, granted
    after that, still counts at once (the roles are read with the user).
    """
    user = request.user
    if not user.is_authenticated:
        return False
    factor = verified_factor(request)
    if factor is None:
        return True
    return factor == Factor.NONE and is_required(user)


def settle_after_password(request: HttpRequest, user: User) -> bool:
    """Right after a password sign-in: whether a second factor must follow.

    A user who neither must have a factor nor has one is marked as needing none.
    """
    if is_required(user) or has_factor(user):
        return True
    mark_verified(request, user, Factor.NONE)
    return False


# Remembered devices ---------------------------------------------------------------------------


def _binding(user: User) -> str:
    """A digest of the user's password hash and factors' generation, for the cookie."""
    return salted_hmac(
        REMEMBER_SALT, f"{user.pk}:{user.password}:{user.factor_epoch}", algorithm="sha256"
    ).hexdigest()[:32]


def remember_days() -> int:
    return max(0, min(int(getattr(settings, "WAISHI_2FA_REMEMBER_DAYS", 30)), 30))


def remember_device(response: HttpResponse, user: User) -> None:
    """Set the remembered-device cookie for ``user`` (at most the configured days)."""
    days = remember_days()
    if not days:
        return
    value = signing.dumps({"u": user.pk, "b": _binding(user)}, salt=REMEMBER_SALT)
    response.set_cookie(
        REMEMBER_COOKIE,
        value,
        max_age=days * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def device_remembered(request: HttpRequest, user: User) -> bool:
    """Whether the request carries a valid remembered-device cookie for ``user``."""
    days = remember_days()
    raw = request.COOKIES.get(REMEMBER_COOKIE)
    if not raw or not days:
        return False
    try:
        data = signing.loads(raw, salt=REMEMBER_SALT, max_age=days * 86400)
    except signing.BadSignature:
        return False
    return (
        isinstance(data, dict)
        and data.get("u") == user.pk
        and constant_time_compare(str(data.get("b", "")), _binding(user))
    )


# TOTP enrolment -------------------------------------------------------------------------------


def pending_totp(request: HttpRequest, user: User) -> TOTPDevice:
    """The authenticator-app key being enrolled in this session (kept until confirmed).

    The key stays in the server-side session, not in the database, until the user proves his
    app holds it, so an abandoned enrolment leaves nothing behind.
    """
    pending = request.session.get(PENDING_TOTP_KEY)
    if not isinstance(pending, dict) or pending.get("user") != user.pk:
        device = TOTPDevice(user=user, name="authenticator", confirmed=False)
        request.session[PENDING_TOTP_KEY] = {"user": user.pk, "key": device.key}
        return device
    return TOTPDevice(user=user, name="authenticator", confirmed=False, key=pending["key"])


def qr_svg(text: str) -> SafeString:
    """``text`` as a QR code in an inline SVG element (no image service, no inline style)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Drop the XML declaration: the SVG goes inside the HTML page.
    if svg.startswith("<?xml"):
        svg = svg.split("?>", 1)[1]
    svg = svg.replace("<svg ", '<svg role="img" class="qr-code" aria-labelledby="qr-label" ', 1)
    return mark_safe(svg)  # noqa: S308 - produced by qrcode from our own URL


def secret_for_display(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    import base64

    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def totp_now(device: TOTPDevice, offset: int = 0) -> str:
    """The code ``device`` shows now (tests and the demo's note compute it like an app)."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():0{device.digits}d}"
