"""Fixtures of the overseas Chinese tests: the division, two counties and their officers."""

import datetime
from decimal import Decimal
from typing import Any

import pytest

from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.testing import AgencyFactory, DivisionFactory
from waishi.overseas.constants import DIVISION


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture(autouse=True)
def _rules(request: Any) -> None:
    """The seeded rules (a transactional test elsewhere may have flushed them)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from waishi.cases.models import Rule
    from waishi.overseas.rule_data import seed

    seed(Rule)


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(code=DIVISION, name_zh_hans="侨务科")


@pytest.fixture
def sihui(db: Any) -> Any:
    return AgencyFactory(code="sihui", kind=AgencyKind.COUNTY_GOVERNMENT, name_zh_hans="四会市")


@pytest.fixture
def gaoyao(db: Any) -> Any:
    return AgencyFactory(code="gaoyao", kind=AgencyKind.COUNTY_GOVERNMENT, name_zh_hans="高要区")


@pytest.fixture
def gaoxin(db: Any) -> Any:
    return AgencyFactory(code="gaoxin", kind=AgencyKind.COUNTY_GOVERNMENT, name_zh_hans="高新区")


def county_office(county: Any) -> Any:
    return AgencyFactory(
        code=f"{county.code}-fao",
        kind=AgencyKind.COUNTY_FAO,
        parent=county,
        name_zh_hans=f"{county.name_zh_hans}外事侨务局",
    )


@pytest.fixture
def sihui_office(sihui: Any) -> Any:
    return county_office(sihui)


@pytest.fixture
def gaoyao_office(gaoyao: Any) -> Any:
    return county_office(gaoyao)


@pytest.fixture
def sihui_officer(sihui_office: Any, head: Any) -> Any:
    """A county officer of Sihui named for the register by the division head."""
    from waishi.overseas.actions import do_name_county_officer

    user = make_user(Role.COUNTY_OFFICER, agency=sihui_office, full_name="四会侨务员")
    do_name_county_officer(actor=head, user=user)
    return user


@pytest.fixture
def gaoyao_officer(gaoyao_office: Any, head: Any) -> Any:
    from waishi.overseas.actions import do_name_county_officer

    user = make_user(Role.COUNTY_OFFICER, agency=gaoyao_office, full_name="高要侨务员")
    do_name_county_officer(actor=head, user=user)
    return user


@pytest.fixture
def unnamed_officer(sihui_office: Any) -> Any:
    """A county officer of Sihui the division has not named."""
    return make_user(Role.COUNTY_OFFICER, agency=sihui_office, full_name="未授权")


@pytest.fixture
def register_person(officer: Any, sihui: Any) -> Any:
    """Add a person to the register as the division officer."""
    from waishi.overseas.actions import do_register_person

    def make(
        name: str = "陈海外",
        county: Any = None,
        nationalities: str = "CN",
        sex: str = "male",
        **kw: Any,
    ) -> Any:
        return do_register_person(
            actor=officer,
            county=county or sihui,
            name=name,
            sex=sex,
            date_of_birth=datetime.date(1970, 5, 1),
            nationalities=nationalities,
            **kw,
        )

    return make


@pytest.fixture
def huaqiao(register_person: Any, officer: Any, sihui: Any) -> Any:
    """A 华侨 in Malaysia registered in Sihui (2 years of residence, 20 months present)."""
    from waishi.overseas.actions import do_record_standing

    person = register_person("陈海外", passport_number="E12345678", id_number="")
    return do_record_standing(
        actor=officer,
        person=person,
        category="huaqiao",
        county=sihui,
        valid_from=datetime.date(2024, 6, 1),
        country="MY",
        residence_basis="permanent",
        residence_from=datetime.date(2020, 1, 1),
        months_present=Decimal("20"),
        residence_evidence="马来西亚永久居留证",
    )


@pytest.fixture
def file_identity(officer: Any, register_person: Any, huaqiao: Any, sihui: Any) -> Any:
    """File an identity certificate for the 华侨's wife, registered in Sihui."""
    from waishi.overseas.actions import do_file_identity

    def make(actor: Any = None, county: Any = None, key: str = "", **kw: Any) -> Any:
        wife = register_person("黄美", sex="female", id_number="")
        facts = {
            "category": "qiaojuan",
            "principal": huaqiao.person,
            "relation": "spouse",
            "relation_evidence": "结婚证",
            "hukou_evidence": "户口簿",
            "purpose": "school_admission",
            "receiving_unit": "四会市教育局",
            **kw,
        }
        return do_file_identity(
            actor=actor or officer,
            person=wife,
            hukou_county=county or sihui,
            idempotency_key=key,
            **facts,
        )

    return make
