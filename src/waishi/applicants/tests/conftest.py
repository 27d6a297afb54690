from collections.abc import Iterator
from typing import Any

import pytest

from waishi.accounts.tests.factories import DivisionFactory
from waishi.cases.registry import register_case_type, unregister_case_type
from waishi.cases.testing import private_storage  # noqa: F401
from waishi.notifications.sms import MemorySmsSender

from .factories import make_applicant
from .public_type import PUBLIC_CODE, PUBLIC_DIVISION, PUBLIC_TYPE


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:  # noqa: F811 (the fixture imported above)
    return private_storage


@pytest.fixture(autouse=True)
def public_case_type() -> Iterator[Any]:
    register_case_type(PUBLIC_TYPE)
    yield PUBLIC_TYPE
    unregister_case_type(PUBLIC_CODE)


@pytest.fixture(autouse=True)
def sms_outbox() -> Iterator[list[Any]]:
    MemorySmsSender.outbox.clear()
    yield MemorySmsSender.outbox
    MemorySmsSender.outbox.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits(db: Any) -> Iterator[None]:
    from waishi.core.ratelimit import shared_cache

    shared_cache().clear()
    yield
    shared_cache().clear()


@pytest.fixture
def public_division(db: Any) -> Any:
    return DivisionFactory(code=PUBLIC_DIVISION, name_zh_hans="侨务处", name_en="Overseas Chinese")


@pytest.fixture
def applicant(db: Any) -> Any:
    return make_applicant("13800138000", "陈丽华")


@pytest.fixture
def other_applicant(db: Any) -> Any:
    return make_applicant("13900139000", "黄志强")


@pytest.fixture(autouse=True)
def _english(client: Any) -> None:
    # The tests read messages in English (the browser journeys read them in Chinese).
    client.cookies["waishi_language"] = "en"
