"""Fixtures of the directives tests: the owning division, ten county offices and their officers."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.testing import AgencyFactory, DivisionFactory
from waishi.directives.constants import DIRECTIVE_TYPE, DirectiveKind


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=DIRECTIVE_TYPE, name_zh_hans="办公室")


@pytest.fixture
def counties(db: Any) -> list[Any]:
    """Ten county-level offices (eight counties and districts, two zones)."""
    return [
        AgencyFactory(county_office=True, name_zh_hans=f"第{n}县外事局", sort_order=n)
        for n in range(1, 11)
    ]


@pytest.fixture
def county_officers(counties: list[Any]) -> list[Any]:
    return [
        make_user(Role.COUNTY_OFFICER, agency=county, full_name=f"县外办{n}")
        for n, county in enumerate(counties, 1)
    ]


@pytest.fixture
def set_today(monkeypatch: Any) -> Callable[[datetime.date], None]:
    """Move "today" for the code under test (the clocks keep their stored days)."""

    def move(day: datetime.date) -> None:
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)

    return move


@pytest.fixture
def open_directive(officer: Any, counties: list[Any]) -> Callable[..., Any]:
    from waishi.directives.actions import do_open_directive

    def make(*, due: datetime.date | None = None, to: list[Any] | None = None, **extra: Any) -> Any:
        return do_open_directive(
            actor=officer,
            title="关于报送2026年上半年外事工作总结的通知",
            kind=extra.pop("kind", DirectiveKind.HALF_YEAR_REPORT),
            body="请各县（市、区）外事部门于期限前报送上半年工作总结。",
            reply_due=due or timezone.localdate() + datetime.timedelta(days=14),
            counties=to if to is not None else counties,
            document_number="肇外侨〔2026〕12号",
            **extra,
        )

    return make


@pytest.fixture
def issued_directive(open_directive: Callable[..., Any], head: Any) -> Callable[..., Any]:
    from waishi.cases.actions import do_transition

    def make(**kwargs: Any) -> Any:
        case = open_directive(**kwargs)
        return do_transition(case=case, transition="issue", actor=head)

    return make
