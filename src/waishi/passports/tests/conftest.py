"""Fixtures of the passports tests: the Passport & Visa Division, an agency and its people."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from waishi.accounts.constants import Role
from waishi.cases.testing import DivisionFactory
from waishi.passports.constants import CASE_TYPE

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture(autouse=True)
def _passport_rules(request: Any) -> None:
    """Make sure the rules of migration 0008 are there (a transactional test flushes them)."""
    if request.node.get_closest_marker("django_db") is None:
        return
    import importlib

    from django.apps import apps

    importlib.import_module("waishi.passports.migrations.0010_blocking_document_rules").seed(
        apps, None
    )


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="护照签证科")


@pytest.fixture
def liaison(make_user: Callable[..., Any], agency: Any) -> Any:
    return make_user(
        Role.LIAISON_OFFICER, agency=agency, full_name="李联络", email="liaison@example.cn"
    )


@pytest.fixture
def officer(make_user: Callable[..., Any], division: Any) -> Any:
    return make_user(Role.DIVISION_OFFICER, division=division, full_name="张护照")


@pytest.fixture
def other_officer(make_user: Callable[..., Any]) -> Any:
    """A division officer of another division: reads, but does not keep documents."""
    return make_user(Role.DIVISION_OFFICER, full_name="王其他")


class Clock:
    """The wall clock the code under test reads (``django.utils.timezone.now``), set by day."""

    def __init__(self, monkeypatch: Any) -> None:
        from django.utils import timezone

        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def set(self, day: datetime.date, hour: int = 10) -> None:
        from django.utils import timezone

        self.now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    @property
    def today(self) -> datetime.date:
        from django.utils import timezone

        return timezone.localdate(self.now)


@pytest.fixture
def clock(monkeypatch: Any) -> Clock:
    return Clock(monkeypatch)
