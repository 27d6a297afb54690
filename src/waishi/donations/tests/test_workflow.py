"""The review of a donation: who reviews (county office or the bureau), the threshold's path."""

import datetime
from typing import Any

import pytest

from waishi.cases.actions import do_transition
from waishi.cases.models import Case
from waishi.cases.refusals import TransitionRefused

pytestmark = pytest.mark.django_db


def snapshot(case: Any) -> tuple[Any, ...]:
    row = Case.objects.get(pk=case.pk)
    return (row.status, row.version, row.timeline.count())


def test_below_the_threshold_is_registered_not_reviewed(file_donation: Any, officer: Any) -> None:
    case = file_donation(amount="99999.99")
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="review_for_certificate", actor=officer)
    assert snapshot(case) == before
    do_transition(case=case, transition="register", actor=officer)
    assert Case.objects.get(pk=case.pk).status == "registered"


def test_at_the_threshold_goes_to_the_certificate_review(file_donation: Any, officer: Any) -> None:
    case = file_donation(amount="100000")
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="register", actor=officer)
    assert snapshot(case) == before
    do_transition(case=case, transition="review_for_certificate", actor=officer)
    assert Case.objects.get(pk=case.pk).status == "certificate_review"


def test_the_county_office_reviews_its_county_donees_and_the_bureau_does_not(
    file_donation: Any, village: Any, village_liaison: Any, county_officer: Any, officer: Any
) -> None:
    case = file_donation(actor=village_liaison, on_behalf=village, amount="1000")
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        do_transition(case=case, transition="register", actor=officer)
    assert refused.value.forbidden
    assert snapshot(case) == before
    do_transition(case=case, transition="register", actor=county_officer)
    assert Case.objects.get(pk=case.pk).status == "registered"


def test_a_county_office_cannot_review_a_city_donee(
    file_donation: Any, county_officer: Any
) -> None:
    case = file_donation(amount="1000")
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="register", actor=county_officer)
    assert snapshot(case) == before


def test_the_donee_cannot_register_its_own_donation(file_donation: Any, liaison: Any) -> None:
    case = file_donation()
    before = snapshot(case)
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="register", actor=liaison)
    assert snapshot(case) == before


def test_returned_and_filed_again(file_donation: Any, officer: Any, liaison: Any) -> None:
    case = file_donation()
    do_transition(
        case=case, transition="return_to_donee", actor=officer, inputs={"reason": "收据不清"}
    )
    do_transition(case=case, transition="resubmit", actor=liaison)
    assert Case.objects.get(pk=case.pk).status == "filed"


def test_the_donee_withdraws_with_a_reason(file_donation: Any, liaison: Any) -> None:
    case = file_donation(accepted_on=datetime.date.today() - datetime.timedelta(days=2))
    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="withdraw", actor=liaison, inputs={})
    do_transition(case=case, transition="withdraw", actor=liaison, inputs={"reason": "重复"})
    assert Case.objects.get(pk=case.pk).status == "withdrawn"
