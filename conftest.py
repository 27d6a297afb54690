"""Fixtures shared by every test: users per role, a signed-in client, and a real browser."""

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

# Fixtures and factories of every case type's tests (agency, liaison, officer, case_roles, …).
pytest_plugins = ["waishi.cases.testing"]

CHROMIUM = os.environ.get("WAISHI_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


def missing(reason: str) -> None:
    """Skip on a developer's machine, fail in CI, when a browser or server is missing."""
    if IN_CI:
        pytest.fail(reason + " (CI=true: missing dependencies fail instead of skipping)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Each test starts with an empty cache: rate-limit counts never carry from one to the next."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    for cache in caches.all():
        # A cache in the database is rolled back with each test's transaction (browser tests,
        # which commit, clear it in the page fixture).
        if not isinstance(cache, DatabaseCache):
            cache.clear()
    yield


@pytest.fixture(autouse=True)
def _holiday_calendar(request: Any) -> None:
    """Make sure the seeded holiday calendar is there for tests that use the database.

    A transactional test anywhere in the run flushes every table, data-migration rows
    included; working days after it would otherwise all be provisional.
    """
    from waishi.core.workdays import forget_calendar

    forget_calendar()
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if marker is None and "db" not in names and "transactional_db" not in names:
        return
    transactional = "transactional_db" in names or "live_server" in names
    if marker is not None and marker.kwargs.get("transaction", False):
        transactional = True
    request.getfixturevalue("transactional_db" if transactional else "db")
    import importlib

    from django.apps import apps

    importlib.import_module("waishi.core.migrations.0002_holiday_calendar").seed(apps, None)


@pytest.fixture(autouse=True)
def _country_register(request: Any) -> None:
    """Make sure the country register is seeded and this process has read it.

    A transactional test anywhere in the run flushes every table, data-migration rows
    included, so database tests re-seed what is missing. Tests without the database read the
    register once for the whole run; database tests read it before their body, so query
    counts never include the first read.
    """
    from waishi.registers import countries

    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        if not countries.is_loaded():
            request.getfixturevalue("django_db_setup")
            with request.getfixturevalue("django_db_blocker").unblock():
                countries.countries()
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.apps import apps

    from waishi.registers import country_data

    country_data.seed(apps)
    countries.countries()


@pytest.fixture(autouse=True)
def _test_client_logins_pass_the_second_factor() -> Iterator[None]:
    """``client.force_login``/``client.login`` stand for a whole sign-in, second factor included.

    They skip the sign-in page (and so the second factor) by design; tests of the sign-in
    itself post to the page (waishi/accounts/tests/test_second_factor.py). Production code
    is untouched: only the test client marks its session.
    """
    from django.test.client import ClientMixin

    from waishi.accounts.testing import mark_session_verified

    original = ClientMixin._login

    def _login(self: Any, user: Any, backend: Any = None) -> None:
        original(self, user, backend)
        mark_session_verified(self, user)

    # Patched by hand, not with ``monkeypatch``: a test's own ``monkeypatch.undo()`` must not
    # take it away.
    ClientMixin._login = _login  # type: ignore[method-assign]
    try:
        yield
    finally:
        ClientMixin._login = original  # type: ignore[method-assign]


@pytest.fixture
def make_applicant(db: Any) -> Callable[..., Any]:
    """An applicant who signed up (``make_applicant(phone, name)``), for any area's tests."""
    from waishi.applicants.tests.factories import make_applicant as factory

    return factory


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    """Create a user holding ``role`` (or roles), in a fitting agency or division."""
    from waishi.accounts.tests.factories import make_user as factory

    return factory


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Any]:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        missing(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - installed with the dev extras
        missing("playwright is not installed")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
    # test body are still synchronous, so allow them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright: Any) -> Iterator[Any]:
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser page (laptop size) whose relative URLs go to the live server."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 900}, locale="zh-CN"
    )
    context.set_default_timeout(15_000)
    from waishi.core.ratelimit import shared_cache

    shared_cache().clear()
    # Browser journeys of other features sign staff in with a password only; the second
    # factor's own journeys turn this back on (tests/browser/test_second_factor.py).
    from django.test import override_settings

    without_second_factor = override_settings(WAISHI_2FA_REQUIRED=False)
    without_second_factor.enable()
    page = context.new_page()
    # Anything the Content-Security-Policy refuses is a defect of the page: collect and fail.
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    without_second_factor.disable()
    assert refused == [], f"The Content-Security-Policy refused: {refused}"


@pytest.fixture
def screenshot_dir() -> str:
    """Where browser tests keep the screenshots people look at (ignored by git)."""
    path = os.path.join(os.path.dirname(__file__), "test-artifacts", "screenshots")
    os.makedirs(path, exist_ok=True)
    return path
