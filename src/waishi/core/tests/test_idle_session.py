"""The 30-minute idle timeout, with the session renewed at most once a minute."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
START = timezone.now()


@contextmanager
def at(minutes: float) -> Iterator[None]:
    """Run the block as if ``minutes`` had passed since the test started."""
    moment = START + datetime.timedelta(minutes=minutes)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def sign_in(client: Any, user: Any) -> None:
    with at(0):
        response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302


def page_status(client: Any) -> int:
    return int(client.get(reverse("notifications:list")).status_code)


def session_writes(captured: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"]
        for q in captured.captured_queries
        if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]


@pytest.fixture
def user(make_user: Any) -> Any:
    return make_user(Role.LIAISON_OFFICER)


def test_thirty_idle_minutes_sign_the_user_out(client, user):
    sign_in(client, user)
    with at(1):
        assert page_status(client) == 200
    with at(31.5):
        response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_activity_keeps_the_session_alive(client, user):
    sign_in(client, user)
    for minutes in (20, 40, 60, 85, 110):
        with at(minutes):
            assert page_status(client) == 200, minutes
    with at(110 + 31):
        assert page_status(client) == 302


def test_a_second_request_within_a_minute_writes_no_session(client, user):
    sign_in(client, user)
    with at(2), CaptureQueriesContext(connection) as renewal:
        assert page_status(client) == 200
    assert len(session_writes(renewal)) == 1
    with at(2.9), CaptureQueriesContext(connection) as again:
        assert page_status(client) == 200
    assert session_writes(again) == []
    with at(2.95):
        assert "sessionid" not in client.get(reverse("notifications:list")).cookies


def test_the_timeout_holds_to_within_the_renewal_minute(client, user):
    sign_in(client, user)
    with at(5):
        assert page_status(client) == 200  # renewed: the session now ends at 35
    with at(5.9):
        assert page_status(client) == 200  # not renewed, but activity
    with at(5.9 + 29):
        assert page_status(client) == 200  # 29 idle minutes: still signed in
    with at(5.9 + 29 + 30.5):
        assert page_status(client) == 302


def test_signing_out_ends_the_session_at_once(client, user):
    sign_in(client, user)
    with at(0.5):
        client.post(reverse("accounts:logout"))
        assert page_status(client) == 302


def test_an_api_call_with_a_token_touches_no_session(client, user):
    from django.contrib.sessions.models import Session

    from waishi.api.tests.factories import bearer, make_token

    _token, secret = make_token(user)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v1/cases/", headers=bearer(secret))
    assert response.status_code == 200
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()


def test_a_busy_session_still_ends_twelve_hours_after_sign_in(client, user):
    sign_in(client, user)
    # A page every 20 minutes keeps the session from idling out …
    for minutes in range(20, 12 * 60, 20):
        with at(minutes):
            assert page_status(client) == 200, minutes
    # … but twelve hours after signing in, it ends all the same.
    with at(12 * 60 + 1):
        assert page_status(client) == 302
