"""Test helpers for the second factor: enrol a user and compute his codes like his phone."""

from typing import Any

from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User
from .second_factor import VERIFIED_KEY, totp_now


def mark_session_verified(client: Any, user: User, factor: str = "test_client") -> None:
    """Mark a test client's signed-in session as past its second factor."""
    session = client.session
    session[VERIFIED_KEY] = {"user": user.pk, "factor": factor, "at": 0}
    session.save()


def enrol_totp(user: User) -> TOTPDevice:
    """Give ``user`` a confirmed authenticator app (as if enrolled); the device."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    """The code ``device``'s app shows now (``offset`` steps of 30 seconds away)."""
    device.refresh_from_db()
    return totp_now(device, offset)


def pass_second_factor_in_browser(page: Any, user: User) -> None:
    """In a browser just past the password: enrol ``user``'s app if needed and type its code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrol_totp(user)
    if "/accounts/second-factor/enrol/" in page.url:
        page.goto(page.url.replace("/enrol/", "/"))
    page.locator("#id_code").fill(code_for(device))
    page.locator("form:has(#id_code) button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/second-factor/" not in url)
