"""Fixtures of the supervision tests: the discipline division and its staff."""

from typing import Any

import pytest
from django.test import Client

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.testing import DivisionFactory
from waishi.supervision.constants import CASE_TYPE
from waishi.supervision.rule_data import seed


@pytest.fixture(autouse=True)
def rules(request: Any) -> None:
    """The seeded rule (a transactional test elsewhere may have flushed it)."""
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("db")
    from waishi.cases.models import Rule

    seed(Rule)


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="纪检监察室")


@pytest.fixture
def discipline_inspector(division: Any) -> Any:
    return make_user(Role.DISCIPLINE_INSPECTOR, division=division, full_name="纪检员")


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client
