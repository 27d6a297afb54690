from collections.abc import Callable, Iterator
from typing import Any

import pytest

from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.tests.factories import AgencyFactory, DivisionFactory
from waishi.cases.registry import register_case_type, unregister_case_type

from .demo_type import DEMO_CODE, DEMO_DIVISION, DEMO_TYPE


@pytest.fixture(autouse=True)
def demo_case_type() -> Iterator[Any]:
    register_case_type(DEMO_TYPE)
    yield DEMO_TYPE
    unregister_case_type(DEMO_CODE)


@pytest.fixture(autouse=True)
def private_storage(settings: Any, tmp_path: Any) -> Any:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(
        code=DEMO_DIVISION, name_zh_hans="出国管理处", name_en="Missions Division"
    )


@pytest.fixture
def agency(db: Any) -> Any:
    return AgencyFactory(name_zh_hans="市教育局", name_en="Education Bureau")


@pytest.fixture
def other_agency(db: Any) -> Any:
    return AgencyFactory(name_zh_hans="市卫生健康局", name_en="Health Commission")


@pytest.fixture
def liaison(make_user: Callable[..., Any], agency: Any) -> Any:
    return make_user(Role.LIAISON_OFFICER, agency=agency, full_name="李联络")


@pytest.fixture
def other_liaison(make_user: Callable[..., Any], other_agency: Any) -> Any:
    return make_user(Role.LIAISON_OFFICER, agency=other_agency, full_name="王外单位")


@pytest.fixture
def officer(make_user: Callable[..., Any], division: Any) -> Any:
    return make_user(Role.DIVISION_OFFICER, division=division, full_name="张科员")


@pytest.fixture
def head(make_user: Callable[..., Any], division: Any) -> Any:
    return make_user(Role.DIVISION_HEAD, division=division, full_name="陈处长")


@pytest.fixture
def inspector(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.DISCIPLINE_INSPECTOR, full_name="纪检员")


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
