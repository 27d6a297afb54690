"""Sign-in: lockout after five failures, one message for every failure, idle timeout,
password rules, forced change at first sign-in, sign-out."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.models import User
from waishi.audit.models import AuditEvent

from .factories import TEST_PASSWORD

LOGIN = "/accounts/login/"


def sign_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def wrong_after_the_delay(client, username):
    """A wrong password once the account's delay since its last failure has passed."""
    User.objects.filter(username=username).update(
        last_failed_login=timezone.now() - timedelta(hours=1)
    )
    return sign_in(client, username, "wrong-Password-1")


@pytest.mark.django_db
def test_right_password_signs_in_and_is_audited(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="wang")
    response = sign_in(client, "wang", TEST_PASSWORD)
    assert response.status_code == 302
    assert client.get("/workspace/").status_code == 200
    assert AuditEvent.objects.filter(action="accounts.user.login", object_id=str(user.pk)).exists()


@pytest.mark.django_db
def test_fifth_wrong_password_locks_the_account_for_thirty_minutes(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="li")
    for _ in range(4):
        wrong_after_the_delay(client, "li")
    user.refresh_from_db()
    assert user.locked_until is None

    wrong_after_the_delay(client, "li")
    user.refresh_from_db()
    assert user.locked_until is not None
    minutes = (user.locked_until - timezone.now()).total_seconds() / 60
    assert 29 < minutes <= 30
    assert AuditEvent.objects.filter(action="accounts.user.lock", object_id=str(user.pk)).exists()

    # Even the right password is refused while locked, and with the same message.
    locked = sign_in(client, "li", TEST_PASSWORD)
    wrong = sign_in(client, "nobody-at-all", "whatever-Password-1")
    assert locked.status_code == wrong.status_code == 200
    assert locked.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()
    assert client.get("/workspace/").status_code == 302


@pytest.mark.django_db
def test_lock_expires_after_thirty_minutes(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="zhao")
    User.objects.filter(pk=user.pk).update(locked_until=timezone.now() - timedelta(seconds=1))
    assert sign_in(client, "zhao", TEST_PASSWORD).status_code == 302


@pytest.mark.django_db
def test_success_resets_the_failure_count(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="qian")
    for _ in range(4):
        wrong_after_the_delay(client, "qian")
    User.objects.filter(username="qian").update(last_failed_login=None)
    sign_in(client, "qian", TEST_PASSWORD)
    client.logout()
    for _ in range(4):
        wrong_after_the_delay(client, "qian")
    user.refresh_from_db()
    assert user.locked_until is None


@pytest.mark.django_db
def test_unknown_user_failures_are_audited(client):
    sign_in(client, "ghost", "whatever-Password-1")
    event = AuditEvent.objects.get(action="accounts.user.login_failed")
    assert event.actor_label == "ghost"
    assert event.outcome == "failure"


@pytest.mark.django_db
def test_security_admin_unlocks_an_account(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="sun")
    User.objects.filter(pk=user.pk).update(locked_until=timezone.now() + timedelta(minutes=20))
    client.force_login(make_user(Role.SECURITY_ADMIN))
    assert "sun" in client.get("/security/").content.decode()
    client.post(reverse("accounts:unlock", args=[user.pk]))
    user.refresh_from_db()
    assert user.locked_until is None
    assert AuditEvent.objects.filter(action="accounts.user.unlock").exists()


def test_session_ends_after_thirty_idle_minutes():
    # Renewed at most once a minute by waishi.core.middleware.IdleSessionMiddleware; the
    # behaviour is tested in waishi/core/tests/test_idle_session.py.
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.WAISHI_SESSION_RENEW_SECONDS == 60
    assert "waishi.core.middleware.IdleSessionMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db
def test_idle_session_is_signed_out(client, make_user):
    from django.contrib.sessions.models import Session

    client.force_login(make_user(Role.LIAISON_OFFICER))
    assert client.get("/workspace/").status_code == 200
    # Thirty-one idle minutes later the stored session has expired.
    Session.objects.update(expire_date=timezone.now() - timedelta(minutes=1))
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_activity_renews_the_idle_timer(client, make_user):
    from unittest import mock

    from django.contrib.sessions.models import Session

    client.force_login(make_user(Role.LIAISON_OFFICER))
    # The session is renewed at most once a minute: two minutes on, a page renews it.
    later = timezone.now() + timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get("/workspace/").status_code == 200
    remaining = Session.objects.get().expire_date - later
    assert remaining > timedelta(minutes=29)


@pytest.mark.django_db
def test_first_sign_in_forces_a_password_change(client, make_user):
    make_user(Role.LIAISON_OFFICER, username="zhou", must_change_password=True)
    sign_in(client, "zhou", TEST_PASSWORD)
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change")


@pytest.mark.parametrize(
    ("new_password", "accepted"),
    [
        ("short-Aa1", False),  # fewer than 12 characters
        ("alllowercaseletters", False),  # one class of character
        ("lowercaseand12345", False),  # two classes
        ("Lowercase-and-12345", True),  # four classes, long enough
        ("UPPERlower12345", True),  # three classes
    ],
)
@pytest.mark.django_db
def test_password_rules(client, make_user, new_password, accepted):
    user = make_user(Role.LIAISON_OFFICER, username="wu", must_change_password=True)
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )
    user.refresh_from_db()
    assert user.check_password(new_password) is accepted
    assert user.must_change_password is not accepted
    if accepted:
        assert response.status_code == 302
        assert client.get("/workspace/").status_code == 200
    else:
        assert response.status_code == 200
        assert response.context["form"].errors


@pytest.mark.django_db
def test_sign_out_ends_the_session(client, make_user):
    client.force_login(make_user(Role.LIAISON_OFFICER))
    assert client.get("/workspace/").status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get("/workspace/").status_code == 302


@pytest.mark.django_db
@override_settings(WAISHI_SIGNIN_ADDRESS_FAILURES=3)
def test_an_address_that_keeps_failing_is_refused_without_locking_the_account(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="sun")
    for name in ("nobody-1", "nobody-2", "sun"):
        sign_in(client, name, "wrong-Password-1", REMOTE_ADDR="203.0.113.9")
    # The fourth try from that address is refused even with the right password, with the
    # same message as a wrong one, and the account's own count does not move.
    refused = sign_in(client, "sun", TEST_PASSWORD, REMOTE_ADDR="203.0.113.9")
    wrong = sign_in(client, "nobody-3", "wrong-Password-1", REMOTE_ADDR="198.51.100.4")
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()
    user.refresh_from_db()
    assert user.failed_logins == 1
    assert user.locked_until is None
    assert AuditEvent.objects.filter(
        action="accounts.user.login_failed", reason="too many failed sign-ins from this address"
    ).exists()
    # The owner, elsewhere, signs in as usual once his account's short delay has passed.
    User.objects.filter(pk=user.pk).update(last_failed_login=timezone.now() - timedelta(hours=1))
    assert sign_in(client, "sun", TEST_PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302
