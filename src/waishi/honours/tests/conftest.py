"""Fixtures of the award's tests: both divisions, a round and a way to file nominations."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.constants import Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.testing import DivisionFactory
from waishi.honours.constants import CASE_TYPE, FOREIGN_DIVISION, Criterion, NomineeType

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=CASE_TYPE, name_zh_hans="侨务科", name_en="Overseas Chinese")


@pytest.fixture
def foreign_division(db: Any) -> Any:
    return DivisionFactory(code=FOREIGN_DIVISION, name_zh_hans="对外联络科", name_en="External")


@pytest.fixture
def foreign_officer(foreign_division: Any) -> Any:
    return make_user(Role.DIVISION_OFFICER, division=foreign_division, full_name="温外联")


@pytest.fixture
def foreign_head(foreign_division: Any) -> Any:
    return make_user(Role.DIVISION_HEAD, division=foreign_division, full_name="何科长")


@pytest.fixture
def round_(head: Any, officer: Any) -> Any:
    """An open round whose call opened a month ago and closes in a month."""
    from waishi.honours.actions import do_open_round

    return do_open_round(
        actor=officer,
        number=5,
        title="第五届肇庆市荣誉市民评选",
        title_en="Fifth round of Honorary Citizens of Zhaoqing",
        call_opened_on=TODAY() - datetime.timedelta(days=30),
        deadline=TODAY() + datetime.timedelta(days=30),
    )


def nominee(name: str = "陈海文", **changes: Any) -> Any:
    from waishi.honours.actions import NomineeIn

    values = {
        "name": name,
        "foreign_names": "CHAN, Hoi Man",
        "sex": "male",
        "date_of_birth": datetime.date(1958, 4, 2),
        "nationalities": "MY",
        "organisation_name": "南洋侨商会",
    }
    values.update(changes)
    return NomineeIn(**values)


def nomination_data(**changes: Any) -> Any:
    from waishi.honours.actions import NominationIn

    values: dict[str, Any] = {
        "nominee_type": NomineeType.OVERSEAS_CHINESE,
        "criteria": [Criterion.PHILANTHROPY],
        "contribution": "捐建肇庆侨乡学校三所。",
        "consent_on": TODAY() - datetime.timedelta(days=3),
        "consent_note": "被推荐人签署同意书",
        "nominator_name": "",
        "publish_consent": True,
        "donations": Decimal("3000000"),
        "citation": "热心侨乡教育事业",
        "citation_en": "For his support of education in the home villages",
    }
    values.update(changes)
    return NominationIn(**values)


@pytest.fixture
def nominate(liaison: Any, round_: Any, division: Any) -> Callable[..., Any]:
    """File a nomination as the agency's liaison officer (an overseas Chinese by default)."""
    from waishi.honours.actions import do_file_nomination

    def make(*, actor: Any = None, person: Any = None, key: str = "", **changes: Any) -> Any:
        return do_file_nomination(
            actor=actor or liaison,
            round_=round_,
            nominee=person or nominee(),
            data=nomination_data(**changes),
            idempotency_key=key,
        )

    return make


def answer_steps(case: Any, actor: Any, on: datetime.date | None = None) -> None:
    from waishi.cases.constants import StepStatus
    from waishi.cases.models import ExternalStep
    from waishi.cases.steps import do_record_answer

    for step in ExternalStep.objects.filter(case_id=case.pk, status=StepStatus.WAITING):
        do_record_answer(
            case=case,
            step_pk=step.pk,
            actor=actor,
            answered_on=on or TODAY(),
            answer_text="未发现不良记录",
        )


@pytest.fixture
def portal(db: Any) -> Any:
    """The website's page tree, where the round's notice is published."""
    from waishi.portal.tests.factories import build_portal

    return build_portal()
