"""The second factor in a real browser: a staff member enrols an authenticator app at his first
sign-in and signs in with its code; another registers a passkey (Chromium's virtual
authenticator) and signs in with it. The pages read well in three languages, laptop and phone.
"""

import base64
import binascii
import os
from typing import Any

import pytest
from django.test import override_settings
from test_portal import LAPTOP, PHONE, serious_violations  # the same folder, on sys.path

from waishi.accounts.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("zh-hans", "zh-hant", "en")


@pytest.fixture
def second_factor_required(page: Any) -> Any:
    """These journeys are about the second factor: it is required, as in production."""
    with override_settings(WAISHI_2FA_REQUIRED=True):
        yield page


def password_sign_in(page: Any, username: str) -> None:
    page.context.clear_cookies(name="sessionid")
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("form:has(#id_username) button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def sign_out(page: Any) -> None:
    page.context.clear_cookies(name="sessionid")


def code_from_secret(secret: str) -> str:
    """What an authenticator app shows for the key typed from the page."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from waishi.accounts.second_factor import totp_now

    text = secret.replace(" ", "")
    raw = base64.b32decode(text + "=" * (-len(text) % 8))
    return totp_now(TOTPDevice(key=binascii.hexlify(raw).decode()))


def check_page(page: Any, live_server: Any, folder: str, name: str) -> None:
    """The page the browser is on, in three languages, laptop and phone: axe-clean, no overflow."""
    url = page.url
    for language in LANGUAGES:
        page.context.add_cookies(
            [{"name": "waishi_language", "value": language, "url": live_server.url}]
        )
        page.set_viewport_size(LAPTOP)
        response = page.goto(url)
        assert response is not None and response.status == 200, (url, language)
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_role("heading", level=1).first.is_visible()
        assert not serious_violations(page), (url, language, serious_violations(page))
        page.screenshot(path=os.path.join(folder, f"2fa-{name}-{language}.png"), full_page=True)
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, (url, language, width)
        page.screenshot(
            path=os.path.join(folder, f"2fa-{name}-{language}-phone.png"), full_page=True
        )
    page.context.add_cookies(
        [{"name": "waishi_language", "value": "zh-hans", "url": live_server.url}]
    )
    page.set_viewport_size(LAPTOP)


def test_staff_enrols_an_app_at_first_sign_in_and_signs_in_with_it(
    second_factor_required: Any, live_server: Any, make_user: Any, screenshot_dir: str
) -> None:
    from waishi.accounts.constants import Role
    from waishi.audit.models import AuditEvent

    page = second_factor_required
    officer = make_user(Role.DIVISION_OFFICER, username="chen.jing")
    password_sign_in(page, "chen.jing")
    assert "/accounts/second-factor/enrol/" in page.url
    # Nothing of the back office before the second factor.
    page.goto("/office/")
    assert "/accounts/second-factor/" in page.url
    page.goto("/accounts/second-factor/enrol/")
    check_page(page, live_server, screenshot_dir, "enrol")
    assert page.locator("svg.qr-code").is_visible()

    secret = page.locator("[data-totp-secret]").inner_text()
    page.locator("#id_code").fill(code_from_secret(secret))
    page.locator("form:has(#id_code) button[type=submit]").click()
    page.wait_for_url("**/accounts/second-factor/recovery-codes/**")
    assert page.locator("[data-recovery-codes] li").count() == 10
    page.locator("a.btn-danger").click()
    page.wait_for_url("**/office/")

    page.goto("/accounts/factors/")
    check_page(page, live_server, screenshot_dir, "factors")

    # The next sign-in asks for the app's code.
    sign_out(page)
    password_sign_in(page, "chen.jing")
    assert "/accounts/second-factor/" in page.url and "enrol" not in page.url
    check_page(page, live_server, screenshot_dir, "verify")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from waishi.accounts.testing import code_for

    page.locator("#id_code").fill(code_for(TOTPDevice.objects.get(user=officer), offset=1))
    page.locator("form:has(#id_code) button[type=submit]").click()
    page.wait_for_url("**/office/")
    assert AuditEvent.objects.filter(
        action="accounts.user.second_factor", object_id=str(officer.pk), after={"factor": "totp"}
    ).exists()


def test_staff_registers_a_passkey_and_signs_in_with_it(
    second_factor_required: Any, live_server: Any, make_user: Any
) -> None:
    from waishi.accounts.constants import Role
    from waishi.accounts.models import Passkey
    from waishi.audit.models import AuditEvent

    page = second_factor_required
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    leader = make_user(Role.BUREAU_LEADER, username="he.ming")
    password_sign_in(page, "he.ming")
    assert "/accounts/second-factor/enrol/" in page.url
    page.locator("[data-passkey-name]").fill("办公室电脑")
    page.locator("[data-passkey-register]").click()
    page.wait_for_url("**/office/")
    passkey = Passkey.objects.get(user=leader)
    assert passkey.name == "办公室电脑"

    sign_out(page)
    password_sign_in(page, "he.ming")
    assert "/accounts/second-factor/" in page.url
    page.locator("[data-passkey-sign-in]").click()
    page.wait_for_url("**/office/")
    assert (
        AuditEvent.objects.filter(
            action="accounts.user.second_factor",
            object_id=str(leader.pk),
            after={"factor": "passkey"},
        ).count()
        == 2
    )
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
