"""One-time codes by text message and verification links by e-mail, for signing up.

A code is six digits, lives ``WAISHI_APPLICANT_CODE_MINUTES`` and survives
``WAISHI_APPLICANT_CODE_TRIES`` wrong tries; a link's token is 32 random bytes and lives
``WAISHI_APPLICANT_LINK_MINUTES``. Only keyed hashes of the number or address and of the
code are stored. Sending is limited per number or address, per client address and in all
(``waishi.core.ratelimit``), and the answer is the same whether the number or address
already has an account: nobody learns that from the sign-up page.
"""

import datetime
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from waishi.core.crypto import blind_index
from waishi.core.ratelimit import count_try

from .constants import Channel, CodePurpose
from .models import OneTimeCode

CODE_SCOPE = "waishi.applicants.one-time-code"


def normalise_target(channel: str, target: str) -> str:
    """A mobile number without spaces; an e-mail address in lower case."""
    text = "".join(str(target or "").split())
    return text.lower() if channel == Channel.EMAIL else text


def target_index(channel: str, target: str) -> str:
    """The keyed hash a number or address is stored and found by."""
    return blind_index(normalise_target(channel, target), scope=f"applicants.{channel}")


def _hash(secret: str) -> str:
    return salted_hmac(CODE_SCOPE, secret, algorithm="sha256").hexdigest()


class TooManyCodes(Exception):
    """The number, the address or the whole service has asked for too many codes."""


@dataclass(frozen=True)
class IssuedCode:
    row: OneTimeCode
    secret: str


def check_rate(channel: str, target: str, address: str) -> None:
    """Count one code sent; raise ``TooManyCodes`` when a limit is spent."""
    window = settings.WAISHI_APPLICANT_CODE_WINDOW
    checks = (
        ("applicant-code-target", target_index(channel, target), "PER_TARGET"),
        ("applicant-code-address", address or "unknown", "PER_ADDRESS"),
        ("applicant-code-all", "all", "GLOBAL"),
    )
    for scope, ident, limit in checks:
        if count_try(scope, ident, window) > getattr(settings, f"WAISHI_APPLICANT_CODES_{limit}"):
            raise TooManyCodes(scope)


def issue_code(*, channel: str, target: str, purpose: str = CodePurpose.SIGN_UP) -> IssuedCode:
    """Store a new code (text message) or link token (e-mail) for ``target``; return it.

    Earlier unused codes for the same number and purpose stop working: only the newest
    code counts. The caller sends the secret and checks the rate first.
    """
    now = timezone.now()
    if channel == Channel.SMS:
        secret = f"{secrets.randbelow(10**6):06d}"
        lifetime = settings.WAISHI_APPLICANT_CODE_MINUTES
    else:
        secret = secrets.token_urlsafe(32)
        lifetime = settings.WAISHI_APPLICANT_LINK_MINUTES
    index = target_index(channel, target)
    with transaction.atomic():
        OneTimeCode.objects.filter(
            target_index=index, purpose=purpose, used_at__isnull=True, expires_at__gt=now
        ).update(expires_at=now)
        row = OneTimeCode.objects.create(
            channel=channel,
            purpose=purpose,
            target_index=index,
            # A six-digit code is hashed with its number, so two numbers' equal codes differ.
            secret_hash=_hash(f"{index}:{secret}" if channel == Channel.SMS else secret),
            expires_at=now + datetime.timedelta(minutes=lifetime),
        )
    return IssuedCode(row, secret)


def check_sms_code(
    *, target: str, code: str, purpose: str = CodePurpose.SIGN_UP
) -> OneTimeCode | None:
    """The live code for ``target`` if ``code`` matches it; else ``None`` (a try counted).

    Wrong, expired, used and missing codes all answer ``None``. The row is locked, so two
    requests cannot both use one code; the caller marks it used (``use_code``) in the same
    transaction as the work it allows.
    """
    index = target_index(Channel.SMS, target)
    now = timezone.now()
    row = (
        OneTimeCode.objects.select_for_update()
        .filter(target_index=index, purpose=purpose, channel=Channel.SMS)
        .order_by("-created_at", "-id")
        .first()
    )
    if row is None or row.used_at is not None or row.expires_at <= now:
        return None
    if row.attempts >= settings.WAISHI_APPLICANT_CODE_TRIES:
        return None
    typed = "".join(str(code or "").split())
    if not hmac.compare_digest(row.secret_hash, _hash(f"{index}:{typed}")):
        OneTimeCode.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1)
        return None
    return row


def find_link(token: str, *, purpose: str = CodePurpose.SIGN_UP) -> OneTimeCode | None:
    """The live e-mail link with ``token``, or ``None`` (unknown, expired or used)."""
    if not token:
        return None
    return OneTimeCode.objects.filter(
        secret_hash=_hash(token),
        channel=Channel.EMAIL,
        purpose=purpose,
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()


def matches(row: OneTimeCode, channel: str, target: str) -> bool:
    """Whether ``row`` was issued for ``target``."""
    return hmac.compare_digest(row.target_index, target_index(channel, target))


def use_code(row: OneTimeCode) -> bool:
    """Mark ``row`` used; false when another request used it first."""
    return bool(
        OneTimeCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=timezone.now())
    )


def purge_codes(*, older_than: datetime.timedelta = datetime.timedelta(days=7)) -> int:
    """Delete codes that expired more than ``older_than`` ago; how many."""
    deleted, _ = OneTimeCode.objects.filter(expires_at__lt=timezone.now() - older_than).delete()
    return int(deleted)
