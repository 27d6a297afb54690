"""The donation certificate: numbered, in the donor's language, verified on the portal."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from waishi.cases.actions import do_transition
from waishi.cases.breaches import BreachQuery, find_breaches
from waishi.cases.models import OfficialDocument
from waishi.cases.testing import render_documents_now
from waishi.donations.actions import DonorIn, do_register_donor

pytestmark = pytest.mark.django_db


def certify(case: Any, officer: Any, head: Any) -> Any:
    do_transition(case=case, transition="review_for_certificate", actor=officer)
    do_transition(case=case, transition="issue_certificate", actor=head)
    return OfficialDocument.objects.get(case=case, kind="donations.certificate")


def test_the_bureau_issues_a_numbered_certificate_at_the_threshold(
    file_donation: Any, officer: Any, head: Any
) -> None:
    case = file_donation(amount="100000")
    # The officer reviews; the division head issues.
    do_transition(case=case, transition="review_for_certificate", actor=officer)
    from waishi.cases.refusals import TransitionRefused

    with pytest.raises(TransitionRefused):
        do_transition(case=case, transition="issue_certificate", actor=officer)
    assert not OfficialDocument.objects.filter(case=case).exists()
    do_transition(case=case, transition="issue_certificate", actor=head)
    document = OfficialDocument.objects.get(case=case)
    # A Hong Kong compatriot's certificate is in Traditional Chinese.
    assert document.language == "zh-hant"
    assert document.facts["value_rmb"] == "100,000.00"
    assert render_documents_now() == 1


def test_a_donor_abroad_gets_it_in_english_and_the_portal_verifies_it(
    file_donation: Any, liaison: Any, agency: Any, officer: Any, head: Any
) -> None:
    donor = do_register_donor(
        actor=liaison,
        agency=agency,
        donor=DonorIn(
            donor_type="overseas_chinese",
            name="林侨胞",
            country="MY",
            sex="female",
            date_of_birth=datetime.date(1950, 1, 1),
            confidential=True,
        ),
    )
    document = certify(file_donation(amount="250000", donors=[donor]), officer, head)
    assert document.language == "en"
    answer = Client().get(reverse("portal_verify_code", kwargs={"code": document.code}))
    assert answer.status_code == 200
    text = answer.content.decode()
    assert "250,000.00" in text
    # The donor asked for confidentiality: the portal does not name them.
    assert "林侨胞" not in text


def test_the_county_office_issues_its_county_donees_certificate(
    file_donation: Any, village: Any, village_liaison: Any, county_officer: Any
) -> None:
    case = file_donation(actor=village_liaison, on_behalf=village, amount="180000")
    document = certify(case, county_officer, county_officer)
    assert document.facts["issuer"] == "四会市外事侨务局"


def test_late_filings_show_as_breaches_for_the_inspector(file_donation: Any) -> None:
    late = file_donation(accepted_on=timezone.localdate() - datetime.timedelta(days=45))
    file_donation()
    found = [b for b in find_breaches(BreachQuery()) if b.source == "donations.late_filing"]
    assert [b.case_id for b in found] == [late.pk]
