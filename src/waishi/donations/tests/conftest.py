"""Fixtures of the donations tests: the division, a county with its office and donees, rates."""

import datetime
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.tests.factories import make_user
from waishi.cases.testing import AgencyFactory, DivisionFactory
from waishi.donations.constants import DONATION_TYPE, DonorType, GiftForm, Purpose

# A tiny valid PDF: the kernel sniffs the type of every upload.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def rules_seeded(request: Any) -> None:
    """The seeded rules (a transactional test elsewhere may have flushed them)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from waishi.cases.models import Rule
    from waishi.donations.rule_data import seed

    seed(Rule)


@pytest.fixture(autouse=True)
def _private_storage(private_storage: Any) -> Any:
    return private_storage


@pytest.fixture
def division(db: Any) -> Any:
    return DivisionFactory(case_type=DONATION_TYPE, name_zh_hans="侨务科")


@pytest.fixture
def county(db: Any) -> Any:
    return AgencyFactory(county=True, name_zh_hans="四会市人民政府", name_en="Sihui")


@pytest.fixture
def county_office(county: Any) -> Any:
    return AgencyFactory(kind=AgencyKind.COUNTY_FAO, parent=county, name_zh_hans="四会市外事侨务局")


@pytest.fixture
def county_officer(county_office: Any) -> Any:
    return make_user(Role.COUNTY_OFFICER, agency=county_office, full_name="四会外办")


@pytest.fixture
def village(county: Any) -> Any:
    """A county-level donee: a village committee under the county government."""
    return AgencyFactory(
        kind=AgencyKind.PUBLIC_INSTITUTION, parent=county, name_zh_hans="某村民委员会"
    )


@pytest.fixture
def village_liaison(village: Any) -> Any:
    return make_user(Role.LIAISON_OFFICER, agency=village, full_name="村联络员")


@pytest.fixture
def rates(db: Any) -> Callable[..., Any]:
    from waishi.donations.models import ExchangeRate

    def make(currency: str, day: datetime.date, rate: str) -> Any:
        return ExchangeRate.objects.create(
            currency=currency, on=day, rate=Decimal(rate), source="test rate"
        )

    return make


@pytest.fixture
def donor(liaison: Any, agency: Any) -> Any:
    from waishi.donations.actions import DonorIn, do_register_donor

    return do_register_donor(
        actor=liaison,
        agency=agency,
        donor=DonorIn(
            donor_type=DonorType.HK_MACAO,
            name="陈港生",
            country="HK",
            sex="male",
            date_of_birth=datetime.date(1950, 5, 1),
            publicity_consent=True,
            consent_on=datetime.date(2020, 1, 1),
        ),
    )


@pytest.fixture
def file_donation(liaison: Any, agency: Any, donor: Any) -> Callable[..., Any]:
    """File a donation as the city donee's liaison officer; RMB 50,000 yesterday by default."""
    from waishi.donations.actions import do_file_donation

    def make(
        *,
        actor: Any = None,
        on_behalf: Any = None,
        currency: str = "CNY",
        amount: str = "50000",
        accepted_on: datetime.date | None = None,
        agreement: bool = True,
        key: str = "",
        donors: list[Any] | None = None,
    ) -> Any:
        return do_file_donation(
            actor=actor or liaison,
            agency=on_behalf or agency,
            donors=donors or [donor],
            donee_kind="institution",
            gift_form=GiftForm.MONEY,
            currency=currency,
            amount=Decimal(amount),
            accepted_on=accepted_on or timezone.localdate() - datetime.timedelta(days=1),
            purpose=Purpose.EDUCATION,
            use="教学楼",
            receipt_number="R-001",
            ledger_entry="2026-记-17",
            agreement=io.BytesIO(PDF) if agreement else None,
            agreement_name="agreement.pdf",
            idempotency_key=key,
        )

    return make


@pytest.fixture
def file_project(liaison: Any, agency: Any, donor: Any) -> Callable[..., Any]:
    """File a donated project as the city donee's liaison officer."""
    from waishi.donations.actions import do_file_project

    def make(*, title: str = "侨心教学楼", amount: str = "300000", key: str = "") -> Any:
        return do_file_project(
            actor=liaison,
            agency=agency,
            donor=donor,
            title=title,
            purpose=Purpose.EDUCATION,
            location="端州区某小学",
            use="教学",
            donated_rmb=Decimal(amount),
            idempotency_key=key,
        )

    return make
