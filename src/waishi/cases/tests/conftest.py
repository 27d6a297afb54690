from collections.abc import Callable, Iterator
from typing import Any

import pytest

from waishi.accounts.constants import AgencyKind
from waishi.accounts.tests.factories import AgencyFactory, DivisionFactory
from waishi.cases.registry import register_case_type, unregister_case_type

from .demo_type import DEMO_CODE, DEMO_DIVISION, DEMO_TYPE


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture(autouse=True)
def demo_case_type() -> Iterator[Any]:
    register_case_type(DEMO_TYPE)
    yield DEMO_TYPE
    unregister_case_type(DEMO_CODE)


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(
        code=DEMO_DIVISION, name_zh_hans="出国管理处", name_en="Missions Division"
    )


@pytest.fixture
def county(db: Any) -> Any:
    return AgencyFactory(kind=AgencyKind.COUNTY_GOVERNMENT, name_zh_hans="德庆县人民政府")


@pytest.fixture
def new_case(liaison: Any, agency: Any, division: Any) -> Callable[..., Any]:
    from waishi.cases.actions import do_create_case

    def make(title: str = "赴新加坡考察教育合作", **kwargs: Any) -> Any:
        kwargs.setdefault("agency", agency)
        kwargs.setdefault("actor", liaison)
        return do_create_case(case_type=DEMO_CODE, title=title, **kwargs)

    return make


@pytest.fixture
def filed_case(new_case: Callable[..., Any]) -> Callable[..., Any]:
    """A case the agency has filed (unfiled drafts stay out of the bureau's lists)."""
    from waishi.cases.testing import force_status

    def make(title: str = "赴新加坡考察教育合作", **kwargs: Any) -> Any:
        return force_status(new_case(title, **kwargs), "submitted")

    return make
