"""Fixtures of the incidents tests: the consular division, its staff and a way to open cases."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from waishi.cases.testing import DivisionFactory
from waishi.incidents.constants import CASE_TYPE, IncidentKind, NoticeSource

from .factories import seed_treaties


@pytest.fixture(autouse=True)
def treaties(request: Any) -> None:
    """The seeded treaty table (a transactional test elsewhere may have flushed it)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    seed_treaties()


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="对外联络科")


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def open_incident(officer: Any, agency: Any) -> Callable[..., Any]:
    """Open an incident as the consular officer; a detention of a US national by default."""
    from waishi.incidents.actions import PersonIn, do_file_incident

    def make(
        *,
        nationalities: str = "US",
        kind: str = IncidentKind.CRIMINAL,
        began: datetime.datetime | None = None,
        name: str = "史密斯",
        police_report_at: datetime.datetime | None = None,
        key: str = "",
    ) -> Any:
        began = began or moment(timezone.localdate() - datetime.timedelta(days=1))
        return do_file_incident(
            actor=officer,
            agency=agency,
            kind=kind,
            notice_source=NoticeSource.POLICE,
            notifying_body="端州分局",
            notice_received_at=began + datetime.timedelta(hours=2),
            began_at=began,
            police_report_at=police_report_at,
            measure="刑事拘留",
            organ="端州分局",
            people=[
                PersonIn(
                    name=name,
                    foreign_names="SMITH, John",
                    sex="male",
                    date_of_birth=datetime.date(1985, 3, 1),
                    nationalities=nationalities,
                    passport_number="X1234567",
                )
            ],
            idempotency_key=key,
        )

    return make
