"""The second factor: required of bureau accounts, enrolled at first sign-in, passed with a code
from the app, a recovery code or a remembered device; reset by the security administrator."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from waishi.accounts import actions
from waishi.accounts.constants import Role
from waishi.accounts.models import User
from waishi.accounts.second_factor import PENDING_TOTP_KEY, REMEMBER_COOKIE
from waishi.accounts.testing import code_for, enrol_totp
from waishi.audit.models import AuditEvent

from .factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
SECOND = "/accounts/second-factor/"
ENROL = "/accounts/second-factor/enrol/"


def password_sign_in(client, user, password=TEST_PASSWORD):
    return client.post(LOGIN, {"username": user.username, "password": password})


def pass_code(client, code, **extra):
    return client.post(SECOND, {"code": code, "next": "/office/", **extra})


def unthrottle(device):
    """Let the device check a code again at once (a wrong one makes it wait 2^n seconds)."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


def test_staff_password_without_a_factor_reaches_only_the_enrolment(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    response = password_sign_in(client, officer)
    assert response.status_code == 302
    assert response["Location"].startswith(SECOND)
    # The back office, the home page, the account page: all lead to the second factor.
    for url in ("/office/", "/home/", "/accounts/factors/", "/accounts/password/"):
        answer = client.get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith(SECOND), url
    # The second-factor page sends a user without a factor to enrol.
    assert client.get(SECOND)["Location"].startswith(ENROL)
    page = client.get(ENROL)
    assert page.status_code == 200
    assert b"<svg" in page.content
    # API calls with the session are refused too.
    assert client.get("/api/v1/me").status_code == 401
    login = AuditEvent.objects.get(action="accounts.user.login", object_id=str(officer.pk))
    assert login.after == {"factor": "password"}


@pytest.mark.parametrize(
    "role",
    [
        Role.DIVISION_HEAD,
        Role.BUREAU_LEADER,
        Role.DISCIPLINE_INSPECTOR,
        Role.WEBSITE_EDITOR,
        Role.SYSTEM_ADMIN,
        Role.SECURITY_ADMIN,
        Role.AUDIT_ADMIN,
    ],
)
def test_every_bureau_account_needs_a_second_factor(client, make_user, role):
    user = make_user(role)
    assert password_sign_in(client, user)["Location"].startswith(SECOND)
    assert client.get("/home/")["Location"].startswith(SECOND)


def test_staff_enrols_an_app_at_first_sign_in_then_signs_in_with_its_code(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    password_sign_in(client, officer)
    client.get(ENROL)
    key = client.session[PENDING_TOTP_KEY]["key"]
    app = TOTPDevice(user=officer, key=key)

    wrong = client.post(ENROL, {"code": "000000", "next": "/office/"})
    assert wrong.status_code == 200
    assert not TOTPDevice.objects.filter(user=officer).exists()

    from waishi.accounts.second_factor import totp_now

    done = client.post(ENROL, {"code": totp_now(app), "next": "/office/"})
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>([^<]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    # Shown once only.
    assert client.get(done["Location"]).status_code == 302
    assert client.get("/office/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.user.enrol_totp", outcome="success").exists()
    enrolled = AuditEvent.objects.get(action="accounts.user.second_factor", outcome="success")
    assert enrolled.after == {"factor": "totp"}
    # The audit log holds neither the key nor a recovery code.
    stored = " ".join(str(e.before) + str(e.after) for e in AuditEvent.objects.all())
    assert key not in stored and not any(code in stored for code in codes)

    client.post("/accounts/logout/")
    assert password_sign_in(client, officer)["Location"].startswith(SECOND)
    device = TOTPDevice.objects.get(user=officer)
    refused = pass_code(client, "123456" if code_for(device) != "123456" else "654321")
    assert refused.status_code == 200
    assert client.get("/office/").status_code == 302
    unthrottle(device)
    passed = pass_code(client, code_for(device))
    assert passed.status_code == 302
    assert passed["Location"] == "/office/"
    assert client.get("/office/").status_code == 200
    assert AuditEvent.objects.filter(
        action="accounts.user.second_factor", outcome="failure", object_id=str(officer.pk)
    ).exists()


def test_a_wrong_code_makes_the_next_one_wait(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    device = enrol_totp(officer)
    password_sign_in(client, officer)
    pass_code(client, "000000" if code_for(device) != "000000" else "111111")
    # Even the right code is refused straight after a wrong one.
    assert pass_code(client, code_for(device)).status_code == 200
    unthrottle(device)
    assert pass_code(client, code_for(device)).status_code == 302


def test_a_recovery_code_works_once(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    enrol_totp(officer)
    codes = actions.do_new_recovery_codes(user=officer)
    password_sign_in(client, officer)
    assert pass_code(client, codes[0]).status_code == 302
    event = AuditEvent.objects.filter(action="accounts.user.second_factor").latest("id")
    assert event.after == {"factor": "recovery_code"}
    assert StaticToken.objects.filter(device__user=officer).count() == 9

    other = Client()
    password_sign_in(other, officer)
    assert pass_code(other, codes[0]).status_code == 200


def test_a_remembered_browser_skips_the_code_until_the_password_changes(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    device = enrol_totp(officer)
    password_sign_in(client, officer)
    response = pass_code(client, code_for(device), remember="on")
    cookie = response.cookies[REMEMBER_COOKIE]
    assert int(cookie["max-age"]) == 30 * 86400

    client.post("/accounts/logout/")
    assert password_sign_in(client, officer)["Location"] == reverse("accounts:home")
    assert client.get("/office/").status_code == 200
    event = AuditEvent.objects.filter(action="accounts.user.second_factor").latest("id")
    assert event.after == {"factor": "remembered_device"}

    # The cookie is one user's: a colleague at the same browser still needs his own factor.
    colleague = make_user(Role.DIVISION_OFFICER)
    enrol_totp(colleague)
    client.post("/accounts/logout/")
    assert password_sign_in(client, colleague)["Location"].startswith(SECOND)

    # A new password forgets every remembered browser.
    actions.do_change_password(user=officer, new_password="Another-Horse-43")
    client.post("/accounts/logout/")
    response = password_sign_in(client, officer, "Another-Horse-43")
    assert response["Location"].startswith(SECOND)


def test_the_remembered_days_are_capped_at_thirty(settings, client, make_user):
    from waishi.accounts.second_factor import remember_days

    settings.WAISHI_2FA_REMEMBER_DAYS = 400
    assert remember_days() == 30
    settings.WAISHI_2FA_REMEMBER_DAYS = 7
    officer = make_user(Role.DIVISION_OFFICER)
    device = enrol_totp(officer)
    password_sign_in(client, officer)
    response = pass_code(client, code_for(device), remember="on")
    assert int(response.cookies[REMEMBER_COOKIE]["max-age"]) == 7 * 86400


def test_agency_accounts_need_no_factor_but_use_one_they_enrolled(client, make_user):
    liaison = make_user(Role.LIAISON_OFFICER)
    assert password_sign_in(client, liaison)["Location"] == reverse("accounts:home")
    assert client.get("/workspace/").status_code == 200
    # The account page offers one.
    assert client.get("/accounts/factors/").status_code == 200

    device = enrol_totp(liaison)
    client.post("/accounts/logout/")
    assert password_sign_in(client, liaison)["Location"].startswith(SECOND)
    assert client.get("/workspace/").status_code == 302
    client.post(SECOND, {"code": code_for(device), "next": "/workspace/"})
    assert client.get("/workspace/").status_code == 200


def test_a_role_that_needs_a_factor_counts_at_once(client, make_user):
    liaison = make_user(Role.LIAISON_OFFICER)
    password_sign_in(client, liaison)
    assert client.get("/workspace/").status_code == 200
    # The system administrator makes him a discipline inspector while he is signed in.
    liaison.agency = None
    actions.do_set_roles(actor=None, user=liaison, roles={Role.DISCIPLINE_INSPECTOR})
    assert client.get("/office/")["Location"].startswith(SECOND)


def test_an_api_token_is_its_own_factor_but_a_session_must_pass(client, make_user):
    from waishi.api.tests.factories import bearer, make_token

    liaison = make_user(Role.LIAISON_OFFICER)
    enrol_totp(liaison)
    _token, secret = make_token(liaison)
    password_sign_in(client, liaison)
    assert client.get("/api/v1/me").status_code == 401
    assert Client().get("/api/v1/me", headers=bearer(secret)).status_code == 200


def test_enrolling_another_app_needs_the_first_one(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    enrol_totp(officer)
    password_sign_in(client, officer)
    assert client.get(ENROL)["Location"].startswith(SECOND)
    answer = client.post("/accounts/second-factor/passkey/register-options/")
    assert answer.status_code == 403


def test_the_security_administrator_resets_factors_without_seeing_them(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER, username="Lin")
    device = enrol_totp(officer)
    codes = actions.do_new_recovery_codes(user=officer)
    # Officer's browser is remembered.
    browser = Client()
    password_sign_in(browser, officer)
    pass_code(browser, code_for(device), remember="on")
    browser.post("/accounts/logout/")

    security = make_user(Role.SECURITY_ADMIN)
    client.force_login(security)
    page = client.get("/security/").content.decode()
    assert device.key not in page
    client.post(reverse("accounts:reset_factors"), {"username": "lin"})
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticToken.objects.filter(device__user=officer).exists()
    event = AuditEvent.objects.get(action="accounts.user.reset_factors")
    assert event.actor_id == security.pk
    assert event.object_id == str(officer.pk)
    assert event.before == {"authenticator_apps": 1, "recovery_code_sets": 1, "passkeys": 0}
    assert not any(code in str(event.after) + str(event.before) for code in codes)
    # The remembered browser is forgotten: the officer enrols again.
    assert password_sign_in(browser, officer)["Location"].startswith(SECOND)
    assert browser.get(SECOND)["Location"].startswith(ENROL)


def test_only_the_security_administrator_resets_factors(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    enrol_totp(officer)
    for role in (Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN, Role.DIVISION_HEAD):
        client.force_login(make_user(role))
        answer = client.post(reverse("accounts:reset_factors"), {"username": officer.username})
        assert answer.status_code == 403
    assert TOTPDevice.objects.filter(user=officer).exists()
    assert not AuditEvent.objects.filter(action="accounts.user.reset_factors").exists()


def test_the_security_administrator_cannot_reset_his_own(client, make_user):
    security = make_user(Role.SECURITY_ADMIN)
    enrol_totp(security)
    client.force_login(security)
    client.post(reverse("accounts:reset_factors"), {"username": security.username})
    assert TOTPDevice.objects.filter(user=security).exists()


def test_own_factor_page_makes_new_recovery_codes(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER)
    enrol_totp(officer)
    old = actions.do_new_recovery_codes(user=officer)
    client.force_login(officer)
    assert b"10" in client.get("/accounts/factors/").content
    response = client.post("/accounts/factors/", {"new_codes": "1"})
    page = client.get(response["Location"]).content.decode()
    new = re.findall(r"<li><code>([^<]+)</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert not StaticToken.objects.filter(token__in=old).exists()


def test_the_qr_code_is_inline_svg_naming_the_account(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER, username="zhou")
    password_sign_in(client, officer)
    page = client.get(ENROL).content.decode()
    assert re.search(r"<svg [^>]*role=\"img\"", page)
    assert "otpauth" not in page  # only inside the QR image, never as a link
    assert "http" not in re.search(r"<svg.*?</svg>", page, re.S).group(0).replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_user_names_sign_in_whatever_the_case(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER, username="Wang.Fang")
    enrol_totp(officer)
    response = client.post(LOGIN, {"username": "wang.fang", "password": TEST_PASSWORD})
    assert response["Location"].startswith(SECOND)
    assert User.objects.get(pk=officer.pk).failed_logins == 0


def test_second_factor_secrets_are_not_in_the_admin():
    from django.contrib import admin

    labels = {model._meta.app_label for model in admin.site._registry}
    assert not labels & {"otp_totp", "otp_static"}
    assert "accounts" in labels
