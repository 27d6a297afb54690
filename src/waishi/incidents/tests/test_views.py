"""The pages: filing form, list, figures and spreadsheet, and what they cost in queries."""

import datetime
import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from waishi.cases.models import Case
from waishi.incidents.constants import CASE_TYPE, IncidentKind

pytestmark = pytest.mark.django_db


def form_data(agency: Any, **changes: Any) -> dict[str, Any]:
    began = timezone.localtime() - datetime.timedelta(hours=5)
    data = {
        "kind": IncidentKind.ADMINISTRATIVE,
        "notice_source": "police",
        "notifying_body": "端州分局",
        "agency": agency.pk,
        "notice_received_at": began.strftime("%Y-%m-%dT%H:%M"),
        "began_at": began.strftime("%Y-%m-%dT%H:%M"),
        "measure": "行政拘留",
        "name": "约翰",
        "foreign_names": "DOE, John",
        "sex": "male",
        "date_of_birth": "1990-01-02",
        "nationalities": "JP",
        "idempotency_key": "form-1",
    }
    data.update(changes)
    return data


def test_the_officer_opens_an_incident_from_the_form(
    client: Any, officer: Any, agency: Any
) -> None:
    client.force_login(officer)
    assert client.get("/office/incidents/new/").status_code == 200
    response = client.post("/office/incidents/new/", form_data(agency))
    case = Case.objects.get(case_type=CASE_TYPE)
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    # A resent form opens nothing more.
    client.post("/office/incidents/new/", form_data(agency))
    assert Case.objects.filter(case_type=CASE_TYPE).count() == 1


def test_a_bad_nationality_is_refused_with_a_clear_error(
    client: Any, officer: Any, agency: Any
) -> None:
    client.force_login(officer)
    response = client.post("/office/incidents/new/", form_data(agency, nationalities="Japan"))
    assert response.status_code == 200
    assert "ISO" in response.content.decode()
    response = client.post("/office/incidents/new/", form_data(agency, nationalities="CN"))
    assert "不属于涉外案件" in response.content.decode()
    assert not Case.objects.filter(case_type=CASE_TYPE).exists()


def test_the_leader_reads_the_list_and_figures_but_may_not_file(
    client: Any, open_incident: Any, leader: Any
) -> None:
    case = open_incident(nationalities="AU")
    client.force_login(leader)
    page = client.get("/office/incidents/").content.decode()
    assert case.reference in page
    figures = client.get(f"/office/incidents/statistics/?year={case.incident.began_at.year}")
    assert figures.status_code == 200
    assert client.get("/office/incidents/new/").status_code == 404


def test_the_figures_download_as_a_spreadsheet(
    client: Any, open_incident: Any, officer: Any
) -> None:
    from openpyxl import load_workbook

    open_incident(nationalities="US")
    open_incident(nationalities="JP", kind=IncidentKind.DEATH)
    client.force_login(officer)
    year = timezone.localdate().year
    response = client.get(f"/office/incidents/statistics/?year={year}&format=xlsx")
    book = load_workbook(io.BytesIO(response.content))
    values = [row for sheet in book for row in sheet.iter_rows(values_only=True)]
    assert any(row[-1] == 2 for row in values if row and row[0] in ("Total", "合计"))


def count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_list_costs_the_same_for_one_or_many_incidents(
    client: Any, open_incident: Any, officer: Any
) -> None:
    open_incident()
    client.force_login(officer)
    client.get("/office/incidents/")
    one = count(client, "/office/incidents/")
    for nationality in ("JP", "AU", "DE", "KR"):
        open_incident(nationalities=nationality)
    assert count(client, "/office/incidents/") == one
    assert one <= 8


def test_the_case_page_stays_within_its_budget(
    client: Any, open_incident: Any, officer: Any, django_assert_max_num_queries: Any
) -> None:
    case = open_incident(nationalities="KR")
    client.force_login(officer)
    client.get(case.get_absolute_url())
    # The kernel's page (session, user, case, bell, timeline, files, steps, clocks, the
    # suspensions), the incident with its treaty, its persons and visits, the user's
    # division for the panel's rights, and the audit record of the opening.
    with django_assert_max_num_queries(22):
        assert client.get(case.get_absolute_url()).status_code == 200
