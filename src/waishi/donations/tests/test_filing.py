"""Filing a donation: the value on the day, the certificate threshold, the filing clock."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waishi.audit.models import AuditEvent
from waishi.cases.models import Case, Clock, Rule
from waishi.donations.constants import FlagKind
from waishi.donations.models import Donation, MisuseFlag

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def test_the_threshold_in_another_currency_on_the_day(file_donation: Any, rates: Any) -> None:
    day = TODAY() - datetime.timedelta(days=3)
    rates("HKD", day - datetime.timedelta(days=1), "0.810000")
    rates("HKD", day, "0.800000")
    below = file_donation(currency="HKD", amount="124999.99", accepted_on=day).donation
    at = file_donation(currency="HKD", amount="125000.00", accepted_on=day).donation
    assert below.rmb_value == Decimal("99999.99")
    assert not below.needs_certificate
    assert at.rmb_value == Decimal("100000.00")
    assert at.needs_certificate
    # The same amount accepted the day before is valued at that day's rate.
    earlier = file_donation(
        currency="HKD", amount="124999.99", accepted_on=day - datetime.timedelta(days=1)
    ).donation
    assert earlier.rmb_value == Decimal("101249.99")
    assert earlier.needs_certificate
    assert earlier.rate.on == day - datetime.timedelta(days=1)


def test_a_city_rule_lowers_the_threshold(file_donation: Any) -> None:
    Rule.objects.create(
        area="donations",
        code="certificate_threshold",
        jurisdiction="city",
        area_code="",
        value=50000,
        severity="block",
        effective_from=datetime.date(2020, 1, 1),
        citation="肇庆市规定（测试）",
        active=True,
    )
    below = file_donation(amount="49999.99").donation
    at = file_donation(amount="50000").donation
    assert (below.needs_certificate, at.needs_certificate) == (False, True)
    assert at.threshold == Decimal("50000")


def test_no_rate_for_the_day_refuses_the_filing_and_writes_nothing(
    file_donation: Any, rates: Any
) -> None:
    rates("USD", TODAY() - datetime.timedelta(days=60), "7.1")
    with pytest.raises(ValidationError):
        file_donation(currency="USD", amount="20000")
    assert not Case.objects.exists()
    assert not Donation.objects.exists()


def test_a_filing_without_the_agreement_is_refused(file_donation: Any) -> None:
    with pytest.raises(ValidationError):
        file_donation(agreement=False)
    assert not Case.objects.exists()


def test_filed_on_the_thirtieth_day_is_on_time(file_donation: Any) -> None:
    case = file_donation(accepted_on=TODAY() - datetime.timedelta(days=30))
    donation = case.donation
    assert donation.filing_due == TODAY()
    assert not donation.late_filing
    assert not MisuseFlag.objects.filter(case=case).exists()
    clock = Clock.objects.get(case=case, code="filing")
    assert clock.state == "met"


def test_filed_on_the_thirty_first_day_is_flagged_late(file_donation: Any) -> None:
    case = file_donation(accepted_on=TODAY() - datetime.timedelta(days=31))
    donation = case.donation
    assert donation.filing_due == TODAY() - datetime.timedelta(days=1)
    assert donation.late_filing
    flag = MisuseFlag.objects.get(case=case)
    assert flag.kind == FlagKind.LATE_FILING


def test_a_double_submission_files_once(file_donation: Any) -> None:
    first = file_donation(key="k-1")
    second = file_donation(key="k-1")
    assert first.pk == second.pk
    assert Case.objects.count() == 1


def test_the_filing_is_audited_and_the_agreement_kept(file_donation: Any) -> None:
    case = file_donation()
    assert AuditEvent.objects.filter(action="cases.case.create", object_id=str(case.pk)).exists()
    assert case.donation.agreement.case_id == case.pk


def test_another_agency_cannot_file_for_the_donee(file_donation: Any, other_liaison: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        file_donation(actor=other_liaison)
    assert not Case.objects.exists()


def test_a_county_donee_is_routed_to_its_county(
    file_donation: Any, village: Any, village_liaison: Any, county: Any
) -> None:
    case = file_donation(actor=village_liaison, on_behalf=village)
    assert case.donation.county == county
