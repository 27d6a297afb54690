"""The division's pages, the applicants' filing page, the figures and the query budgets."""

import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from waishi.petitions.models import Petition

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def form_data(**changes: Any) -> dict[str, Any]:
    data = {
        "idempotency_key": "k-1",
        "channel": "letter",
        "received_on": days_ago(2).isoformat(),
        "category": "claim",
        "rights_area": "expropriation",
        "people_count": "1",
        "request": "征收补偿未按协议支付。",
        "against_name": "高要区征收办",
        "name": "梁归侨",
        "sex": "male",
        "date_of_birth": "1950-06-01",
        "phone": "13600000000",
    }
    data.update(changes)
    return data


def test_the_officer_records_a_complaint_from_the_form(client: Any, officer: Any) -> None:
    client.force_login(officer)
    assert client.get("/office/petitions/new/").status_code == 200
    response = client.post("/office/petitions/new/", form_data())
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert petition.against_name == "高要区征收办" and petition.channel == "letter"
    # A second post of the same form records nothing more.
    client.post("/office/petitions/new/", form_data())
    assert Petition.objects.count() == 1


def test_a_bad_form_says_why_and_writes_nothing(client: Any, officer: Any) -> None:
    client.force_login(officer)
    response = client.post(
        "/office/petitions/new/",
        form_data(channel="visit", people_count="8", against_name=""),
    )
    assert response.status_code == 200
    assert not Petition.objects.exists()
    response = client.post("/office/petitions/new/", form_data(channel="visit", people_count="8"))
    assert response.status_code == 200
    assert "5" in response.content.decode()
    assert not Petition.objects.exists()


def test_the_leader_reads_the_list_and_figures_but_may_not_record(
    client: Any, leader: Any, record: Any
) -> None:
    record()
    client.force_login(leader)
    assert client.get("/office/petitions/").status_code == 200
    assert client.get("/office/petitions/statistics/").status_code == 200
    assert client.get("/office/petitions/new/").status_code == 404


def test_the_list_groups_open_complaints_by_clock(client: Any, officer: Any, record: Any) -> None:
    late = record(received_on=days_ago(20))
    fresh = record(received_on=days_ago(1))
    client.force_login(officer)
    page = client.get("/office/petitions/").content.decode()
    assert late.reference in page and fresh.reference in page
    assert page.index(late.reference) < page.index(fresh.reference)  # nearest due first
    assert "1 overdue" in page or "1 项逾期" in page or "逾期" in page
    notice_only = client.get("/office/petitions/?clock=conclude").content.decode()
    assert late.reference not in notice_only


def test_the_figures_download_as_a_spreadsheet(client: Any, officer: Any, record: Any) -> None:
    from openpyxl import load_workbook

    record()
    record()
    client.force_login(officer)
    year = timezone.localdate().year
    response = client.get(f"/office/petitions/statistics/?year={year}&format=xlsx")
    book = load_workbook(io.BytesIO(response.content))
    values = [row for sheet in book for row in sheet.iter_rows(values_only=True)]
    assert any(row[-1] == 2 for row in values if row and row[0] in ("Total", "合计"))


def count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_list_costs_the_same_for_one_or_many_complaints(
    client: Any, record: Any, officer: Any
) -> None:
    record()
    client.force_login(officer)
    client.get("/office/petitions/")
    one = count(client, "/office/petitions/")
    for n in range(2, 7):
        record(received_on=days_ago(n))
    assert count(client, "/office/petitions/") == one
    assert one <= 8


def test_the_case_page_stays_within_its_budget(
    client: Any, record: Any, officer: Any, django_assert_max_num_queries: Any
) -> None:
    case = record()
    client.force_login(officer)
    client.get(case.get_absolute_url())
    with django_assert_max_num_queries(22):
        assert client.get(case.get_absolute_url()).status_code == 200


def test_an_applicant_files_a_complaint_online(
    client: Any, division: Any, make_applicant: Any
) -> None:
    applicant = make_applicant("13800138000", "陈丽华")
    client.force_login(applicant)
    assert client.get("/applicants/petitions/new/").status_code == 200
    response = client.post(
        "/applicants/petitions/new/",
        {
            "idempotency_key": "a-1",
            "category": "claim",
            "rights_area": "education",
            "request": "子女入学未享受侨眷照顾政策。",
            "against_name": "端州区教育局",
            "sex": "female",
            "date_of_birth": "1980-01-01",
        },
    )
    assert response.status_code == 302
    petition = Petition.objects.select_related("case", "petitioner").get()
    assert petition.channel == "online" and petition.case.agency_id is None
    assert petition.petitioner.name == "陈丽华"
    assert petition.case.filing.person_id == applicant.pk
    assert client.get(response["Location"]).status_code == 200
