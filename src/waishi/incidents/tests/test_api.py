"""Incidents over the API: the same people as on the pages, each read of a case recorded."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from waishi.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_consular_officer_reads_incidents_and_figures(
    client: Any, open_incident: Any, officer: Any
) -> None:
    case = open_incident(nationalities="CN,JP")
    client.force_login(officer)
    body = client.get("/api/v1/incidents/").json()
    assert [item["reference"] for item in body["items"]] == [case.reference]
    assert body["items"][0]["dual_national"] is True
    year = case.incident.began_at.year
    figures = client.get(f"/api/v1/incidents/statistics/{year}").json()
    assert figures["total"] == 1
    before = AuditEvent.objects.filter(action="incidents.incident.view").count()
    detail = client.get(f"/api/v1/cases/{case.reference}").json()
    assert detail["detail"]["treaty"]["country"] == "JP"
    assert AuditEvent.objects.filter(action="incidents.incident.view").count() == before + 1


def test_everyone_else_is_refused(
    client: Any, open_incident: Any, case_roles: dict[str, Any]
) -> None:
    case = open_incident()
    for role in ("liaison", "other_officer", "inspector"):
        client.force_login(case_roles[role])
        assert client.get("/api/v1/incidents/").status_code == 403, role
        assert client.get(f"/api/v1/cases/{case.reference}").status_code == 404, role
        listed = client.get("/api/v1/cases/").json()
        assert case.reference not in str(listed), role


def test_the_list_costs_the_same_for_one_or_many(
    client: Any, open_incident: Any, officer: Any
) -> None:
    open_incident()
    client.force_login(officer)
    client.get("/api/v1/incidents/")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/incidents/").status_code == 200
        return len(captured.captured_queries)

    one = count()
    for nationality in ("US", "AU", "KR"):
        open_incident(nationalities=nationality)
    assert count() == one
