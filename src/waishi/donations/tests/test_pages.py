"""The pages: filing through the form, the archive search, figures, and their query budgets."""

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from waishi.cases.models import Case

from .conftest import PDF

pytestmark = pytest.mark.django_db


def test_the_donee_files_through_the_form(liaison: Any) -> None:
    client = Client()
    client.force_login(liaison)
    assert client.get(reverse("donations:new")).status_code == 200
    data = {
        "donor_type": "overseas_chinese",
        "donor_name": "林侨胞",
        "donor_country": "MY",
        "donor_sex": "female",
        "donor_date_of_birth": "1948-02-03",
        "donee_kind": "institution",
        "gift_form": "money",
        "currency": "cny",
        "amount": "120000",
        "accepted_on": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "purpose": "education",
        "use": "奖学金",
        "receipt_number": "R-9",
        "ledger_entry": "记-9",
        "idempotency_key": "form-1",
        "agreement": SimpleUploadedFile("agreement.pdf", PDF, "application/pdf"),
    }
    response = client.post(reverse("donations:new"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    assert case.donation.needs_certificate
    page = client.get(case.get_absolute_url()).content.decode()
    assert "林侨胞" in page and "120,000.00" in page


def test_the_form_refuses_a_missing_agreement_and_writes_nothing(liaison: Any) -> None:
    client = Client()
    client.force_login(liaison)
    response = client.post(
        reverse("donations:new"),
        {"donor_type": "hk_macao", "donor_name": "某", "donor_country": "HK", "amount": "5"},
    )
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_the_archive_list_costs_the_same_for_1_and_5_projects(
    file_project: Any, officer: Any, django_assert_max_num_queries: Any
) -> None:
    client = Client()
    client.force_login(officer)
    file_project()
    url = reverse("donations:archive") + "?donor=陈"
    client.get(url)
    with django_assert_max_num_queries(8) as one:
        assert client.get(url).status_code == 200
    for n in range(4):
        file_project(title=f"项目{n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(url)
    assert page.content.decode().count("侨心教学楼") == 1


def test_the_donation_list_keeps_its_budget(
    file_donation: Any, liaison: Any, django_assert_max_num_queries: Any
) -> None:
    client = Client()
    client.force_login(liaison)
    file_donation()
    client.get(reverse("donations:list"))
    with django_assert_max_num_queries(8) as one:
        assert client.get(reverse("donations:list")).status_code == 200
    for _ in range(4):
        file_donation()
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(reverse("donations:list")).status_code == 200


def test_the_case_pages_keep_their_budget(
    file_donation: Any, file_project: Any, officer: Any, django_assert_max_num_queries: Any
) -> None:
    client = Client()
    client.force_login(officer)
    for case in (file_donation(), file_project()):
        client.get(case.get_absolute_url())
        with django_assert_max_num_queries(24):
            assert client.get(case.get_absolute_url()).status_code == 200


def test_the_statistics_and_their_spreadsheet(file_project: Any, officer: Any) -> None:
    file_project(amount="300000")
    file_project(amount="200000")
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("donations:statistics")).content.decode()
    assert "500,000.00" in page
    sheet = client.get(reverse("donations:statistics") + "?format=xlsx")
    assert sheet["Content-Type"].startswith("application/vnd.openxml")
