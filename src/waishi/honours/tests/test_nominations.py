"""Filing nominations: consent, the round's deadline, routing by nominee, thresholds."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waishi.audit.models import AuditEvent
from waishi.cases.actions import do_transition
from waishi.cases.constants import StepBody
from waishi.cases.models import Case, ExternalStep, Rule
from waishi.honours.constants import (
    CASE_TYPE,
    FOREIGN_DIVISION,
    OVERSEAS_DIVISION,
    TAIWAN_OFFICE,
    NomineeType,
)
from waishi.registers.models import Person

from .conftest import TODAY, nominee

pytestmark = pytest.mark.django_db


def nothing_written() -> None:
    assert not Case.objects.filter(case_type=CASE_TYPE).exists()
    assert not Person.objects.filter(kinds__contains="nominee").exists()
    assert not AuditEvent.objects.filter(action="cases.case.create").exists()


def test_a_unit_nominates_with_the_nominees_consent(nominate: Any, liaison: Any) -> None:
    case = nominate()
    nomination = case.nomination
    assert case.reference.startswith("RY-") and case.status == "filed"
    assert case.agency_id == liaison.agency_id
    assert nomination.nominated_by == "unit" and nomination.nominator_name == str(liaison.agency)
    assert nomination.consent_note == "被推荐人签署同意书"
    assert "nominee" in nomination.person.kinds


@pytest.mark.parametrize("missing", ["consent_on", "consent_note"])
def test_a_nomination_without_the_nominees_consent_is_refused(nominate: Any, missing: str) -> None:
    with pytest.raises(ValidationError) as refused:
        nominate(**{missing: None if missing == "consent_on" else " "})
    assert "同意" in " ".join(refused.value.messages)
    nothing_written()


def test_consent_dated_in_the_future_is_refused(nominate: Any) -> None:
    with pytest.raises(ValidationError):
        nominate(consent_on=TODAY() + datetime.timedelta(days=1))
    nothing_written()


def test_the_call_closes_after_its_deadline(nominate: Any, round_: Any) -> None:
    round_.deadline = TODAY()
    round_.save()
    assert nominate().status == "filed"
    round_.deadline = TODAY() - datetime.timedelta(days=1)
    round_.save()
    with pytest.raises(ValidationError) as refused:
        nominate(person=nominee("李明"))
    assert "已截止推荐" in " ".join(refused.value.messages)


def test_a_double_submission_files_once(nominate: Any) -> None:
    first = nominate(key="k-1")
    again = nominate(key="k-1")
    assert again.pk == first.pk and again.replayed
    assert Case.objects.filter(case_type=CASE_TYPE).count() == 1


@pytest.mark.parametrize(
    ("nominee_type", "division_code"),
    [
        (NomineeType.OVERSEAS_CHINESE, OVERSEAS_DIVISION),
        (NomineeType.HONG_KONG, OVERSEAS_DIVISION),
        (NomineeType.MACAO, OVERSEAS_DIVISION),
        (NomineeType.TAIWAN, OVERSEAS_DIVISION),
        (NomineeType.FOREIGN, FOREIGN_DIVISION),
    ],
)
def test_nominations_are_routed_by_nominee(
    nominate: Any, foreign_division: Any, nominee_type: str, division_code: str
) -> None:
    case = nominate(nominee_type=nominee_type)
    assert case.division.code == division_code


def test_a_foreigners_nomination_is_worked_by_the_foreign_affairs_side(
    nominate: Any, foreign_officer: Any, officer: Any
) -> None:
    case = nominate(nominee_type=NomineeType.FOREIGN, person=nominee("史密斯", nationalities="US"))
    from waishi.cases.refusals import TransitionRefused

    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="start_checks", actor=officer)
    assert refused.value.forbidden
    case = do_transition(case=case, transition="start_checks", actor=foreign_officer)
    assert case.status == "checking"


def test_a_taiwan_compatriot_is_referred_to_the_taiwan_office(nominate: Any, officer: Any) -> None:
    case = nominate(nominee_type=NomineeType.TAIWAN, person=nominee("林志远", nationalities="CN"))
    do_transition(case=case, transition="start_checks", actor=officer)
    names = set(ExternalStep.objects.filter(case=case).values_list("body_name", flat=True))
    assert str(TAIWAN_OFFICE) in names
    assert ExternalStep.objects.filter(case=case).count() == 5


def test_others_than_taiwan_compatriots_go_to_the_four_departments_only(
    nominate: Any, officer: Any
) -> None:
    case = nominate()
    do_transition(case=case, transition="start_checks", actor=officer)
    steps = ExternalStep.objects.filter(case=case)
    assert steps.count() == 4
    assert steps.filter(body=StepBody.POLICE).count() == 1


def test_no_money_threshold_applies_by_default(nominate: Any) -> None:
    assert nominate(donations=Decimal("1.00")).status == "filed"


def test_a_jurisdictions_donation_threshold_applies_at_its_boundary(
    nominate: Any, head: Any
) -> None:
    Rule.objects.create(
        area="honours",
        code="money_thresholds",
        jurisdiction="city",
        area_code="441200",
        value={"donations": 5000000},
        severity="block",
        effective_from=datetime.date(2020, 1, 1),
        citation="中府〔2010〕44号",
        active=True,
    )
    with pytest.raises(ValidationError) as refused:
        nominate(donations=Decimal("4999999.99"))
    assert "中府〔2010〕44号" in " ".join(refused.value.messages)
    nothing_written()
    assert nominate(donations=Decimal("5000000.00")).status == "filed"


def test_a_threshold_binds_only_its_criterion(nominate: Any) -> None:
    Rule.objects.create(
        area="honours",
        code="money_thresholds",
        jurisdiction="city",
        area_code="441200",
        value={"donations": 5000000},
        severity="block",
        effective_from=datetime.date(2020, 1, 1),
        citation="中府〔2010〕44号",
        active=True,
    )
    case = nominate(criteria=["science_culture"], donations=None)
    assert case.status == "filed"


def test_an_applicant_nominates_themself(round_: Any, division: Any, make_applicant: Any) -> None:
    from waishi.honours.actions import do_file_nomination

    from .conftest import nomination_data

    applicant = make_applicant("13800138111", "黄秀英")
    case = do_file_nomination(
        actor=applicant,
        round_=round_,
        nominee=nominee("黄秀英", sex="female", nationalities="CN"),
        data=nomination_data(nominee_type=NomineeType.HONG_KONG, consent_note="本人自荐"),
        self_nomination=True,
    )
    assert case.agency_id is None and case.filing.person_id == applicant.pk
    assert case.nomination.nominated_by == "self"
    assert case.division.code == OVERSEAS_DIVISION


def test_a_division_officer_may_not_self_nominate(round_: Any, officer: Any) -> None:
    from waishi.honours.actions import do_file_nomination

    from .conftest import nomination_data

    with pytest.raises(PermissionDenied):
        do_file_nomination(
            actor=officer,
            round_=round_,
            nominee=nominee(),
            data=nomination_data(),
            self_nomination=True,
        )
    nothing_written()
