"""Passkeys (WebAuthn) as a second factor, through py_webauthn.

The server hands the browser options with a fresh challenge (kept in the session), the
browser's ``navigator.credentials`` answers (``static/accounts/passkeys.js``), and the answer
is verified here against the challenge, the relying party (this host, or
``WAISHI_WEBAUTHN_RP_ID``) and the page's origin. Only the public key is stored.
"""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .models import Passkey, User

REGISTER_CHALLENGE_KEY = "_waishi_passkey_register"
SIGN_IN_CHALLENGE_KEY = "_waishi_passkey_sign_in"


class PasskeyError(Exception):
    """The browser's answer does not prove a passkey of this user for this site."""


def rp_id(request: HttpRequest) -> str:
    """The relying party: the configured domain, else the host the page was served from."""
    configured: str = getattr(settings, "WAISHI_WEBAUTHN_RP_ID", "")
    return configured or request.get_host().rsplit(":", 1)[0].strip("[]")


def origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    descriptors = []
    for passkey in user.passkeys.all():  # type: ignore[attr-defined]
        transports = [
            AuthenticatorTransport(t)
            for t in passkey.transports.split(",")
            if t in AuthenticatorTransport._value2member_map_
        ]
        descriptors.append(
            PublicKeyCredentialDescriptor(
                id=base64url_to_bytes(passkey.credential_id), transports=transports or None
            )
        )
    return descriptors


def registration_options(request: HttpRequest, user: User) -> str:
    """Options (JSON) for ``navigator.credentials.create``; the challenge goes to the session."""
    options = generate_registration_options(
        rp_id=rp_id(request),
        rp_name=str(getattr(settings, "WAISHI_WEBAUTHN_RP_NAME", "Waishi")),
        user_name=user.username,
        user_id=f"waishi-user-{user.pk}".encode(),
        user_display_name=user.display_name,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=_descriptors(user),
    )
    request.session[REGISTER_CHALLENGE_KEY] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def verify_registration(request: HttpRequest, answer: str) -> dict[str, Any]:
    """Check the browser's answer to the registration; the new credential's fields."""
    challenge = request.session.pop(REGISTER_CHALLENGE_KEY, None)
    if not challenge:
        raise PasskeyError("no registration under way")
    try:
        verified = verify_registration_response(
            credential=answer,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
        )
        transports = json.loads(answer).get("response", {}).get("transports", []) or []
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError) as error:
        raise PasskeyError(str(error)) from error
    return {
        "credential_id": bytes_to_base64url(verified.credential_id),
        "public_key": verified.credential_public_key,
        "sign_count": verified.sign_count,
        "transports": ",".join(str(t) for t in transports if isinstance(t, str))[:200],
    }


def authentication_options(request: HttpRequest, user: User) -> str:
    """Options (JSON) for ``navigator.credentials.get`` limited to ``user``'s passkeys."""
    options = generate_authentication_options(
        rp_id=rp_id(request),
        allow_credentials=_descriptors(user),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    request.session[SIGN_IN_CHALLENGE_KEY] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def verify_authentication(request: HttpRequest, user: User, answer: str) -> tuple[Passkey, int]:
    """Check the browser's answer; the passkey used and its new signature counter."""
    challenge = request.session.pop(SIGN_IN_CHALLENGE_KEY, None)
    if not challenge:
        raise PasskeyError("no passkey sign-in under way")
    try:
        credential_id = str(json.loads(answer)["id"])
    except (ValueError, TypeError, KeyError) as error:
        raise PasskeyError("not a passkey answer") from error
    passkey = user.passkeys.filter(credential_id=credential_id).first()  # type: ignore[attr-defined]
    if passkey is None:
        raise PasskeyError("unknown passkey")
    try:
        verified = verify_authentication_response(
            credential=answer,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError) as error:
        raise PasskeyError(str(error)) from error
    return passkey, verified.new_sign_count
