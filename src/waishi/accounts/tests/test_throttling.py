"""Sign-in throttling that slows guessing without letting anyone lock a named user out at will:
progressive delays per account, one answer and the same work for every refusal, the password
change counted like a sign-in, case-insensitive user names, dormant accounts disabled."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from waishi.accounts import actions
from waishi.accounts.backends import delay_seconds
from waishi.accounts.constants import Role
from waishi.accounts.models import User
from waishi.accounts.testing import code_for, enrol_totp
from waishi.audit.models import AuditEvent

from .factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def sign_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def age_last_failure(user, seconds):
    User.objects.filter(pk=user.pk).update(
        last_failed_login=timezone.now() - timedelta(seconds=seconds)
    )


def test_each_failure_doubles_the_wait():
    assert [delay_seconds(n) for n in range(6)] == [0, 2, 4, 8, 16, 32]
    assert delay_seconds(30) == 300


def test_a_try_during_the_delay_is_refused_unchecked_and_not_counted(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="tang")
    wrong = sign_in(client, "tang", "wrong-Password-1")
    # Straight after, even the right password is refused, with the very same answer.
    early = sign_in(client, "tang", TEST_PASSWORD)
    assert early.status_code == 200
    assert early.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()
    user.refresh_from_db()
    assert user.failed_logins == 1
    assert AuditEvent.objects.filter(
        action="accounts.user.login_failed",
        reason="tried again before the account's delay ended",
    ).exists()
    # Just before the delay ends: still refused; once it ended: signed in.
    age_last_failure(user, 1)
    assert sign_in(client, "tang", TEST_PASSWORD).status_code == 200
    age_last_failure(user, 2)
    assert sign_in(client, "tang", TEST_PASSWORD).status_code == 302


def test_every_refusal_costs_a_password_hash(client, make_user):
    """Unknown, locked and held-back accounts take the hasher's time like a wrong password."""
    user = make_user(Role.LIAISON_OFFICER, username="cao")
    with mock.patch("waishi.accounts.backends._spend_a_hash") as spent:
        sign_in(client, "nobody-here", "wrong-Password-1")
        assert spent.call_count == 1
        sign_in(client, "cao", "wrong-Password-1")  # a real check, no dummy needed
        assert spent.call_count == 1
        sign_in(client, "cao", "wrong-Password-1")  # during the delay
        assert spent.call_count == 2
        User.objects.filter(pk=user.pk).update(locked_until=timezone.now() + timedelta(minutes=5))
        sign_in(client, "cao", TEST_PASSWORD)
        assert spent.call_count == 3


def test_a_remembered_browser_of_the_user_is_not_locked_out(client, make_user):
    officer = make_user(Role.DIVISION_OFFICER, username="deng")
    device = enrol_totp(officer)
    sign_in(client, "deng", TEST_PASSWORD)
    client.post("/accounts/second-factor/", {"code": code_for(device), "remember": "on"})
    client.post("/accounts/logout/")
    # Someone else's wrong guesses lock the account …
    User.objects.filter(pk=officer.pk).update(
        locked_until=timezone.now() + timedelta(minutes=30),
        failed_logins=3,
        last_failed_login=timezone.now(),
    )
    from django.test import Client

    assert sign_in(Client(), "deng", TEST_PASSWORD).status_code == 200
    # … but not out of his own remembered browser.
    assert sign_in(client, "deng", TEST_PASSWORD).status_code == 302
    assert client.get("/office/").status_code == 200


def test_wrong_current_passwords_in_the_change_form_count_and_lock(client, make_user):
    user = make_user(Role.LIAISON_OFFICER, username="fan")
    client.force_login(user)
    form = {
        "old_password": "not-it-Password-1",
        "new_password1": "Brand-New-Horse-77",
        "new_password2": "Brand-New-Horse-77",
    }
    response = client.post("/accounts/password/", form)
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.failed_logins == 1
    assert AuditEvent.objects.filter(
        action="accounts.user.login_failed",
        reason="wrong current password in the password change",
    ).exists()
    # During the delay even the right current password is refused.
    right = {**form, "old_password": TEST_PASSWORD}
    assert client.post("/accounts/password/", right).status_code == 200
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)
    # The fifth wrong one locks the account and ends this session.
    for _ in range(4):
        age_last_failure(user, 3600)
        response = client.post("/accounts/password/", form)
    user.refresh_from_db()
    assert user.locked_until is not None
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert client.get("/workspace/").status_code == 302


def test_user_names_are_unique_whatever_their_case(make_user):
    make_user(Role.LIAISON_OFFICER, username="Zhang.Wei")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="zhang.wei")


def test_the_migration_names_accounts_that_differ_only_in_case():
    import importlib

    migration = importlib.import_module(
        "waishi.accounts.migrations.0002_second_factor_and_unique_names"
    )

    class Rows(list):
        def annotate(self, **kwargs):
            return self

        def values(self, *args):
            return self

        def filter(self, **kwargs):
            return self

        def values_list(self, *args, **kwargs):
            return self

    clashing = Rows(["li.na"])

    class FakeUser:
        objects = mock.Mock(annotate=mock.Mock(return_value=clashing))

    apps = mock.Mock(get_model=mock.Mock(return_value=FakeUser))
    with pytest.raises(RuntimeError, match="differ only in case"):
        migration.refuse_duplicate_names(apps, None)
    clashing.clear()
    migration.refuse_duplicate_names(apps, None)


def test_the_sweep_disables_dormant_accounts_and_audits_each(settings, make_user):
    settings.WAISHI_DORMANT_DAYS = 90
    now = timezone.now()
    stale = make_user(Role.LIAISON_OFFICER, username="stale")
    recent = make_user(Role.LIAISON_OFFICER, username="recent")
    never = make_user(Role.DIVISION_OFFICER, username="never")
    admin = make_user(Role.SECURITY_ADMIN, username="sec")
    User.objects.filter(pk__in=[stale.pk, admin.pk]).update(last_login=now - timedelta(days=91))
    User.objects.filter(pk=recent.pk).update(last_login=now - timedelta(days=89))
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=now - timedelta(days=91))

    call_command("sweep_deadlines", stdout=mock.Mock())

    active = dict(User.objects.values_list("username", "is_active"))
    assert active == {"stale": False, "recent": True, "never": False, "sec": True}
    events = AuditEvent.objects.filter(action="accounts.user.disable_dormant")
    assert {e.object_id for e in events} == {str(stale.pk), str(never.pk)}
    # A second sweep finds nothing more to do.
    assert actions.do_disable_dormant_accounts() == 0
