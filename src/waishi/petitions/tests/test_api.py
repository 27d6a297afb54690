"""Complaints over the API: the division reads them masked, each read of a case recorded."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from waishi.audit.models import AuditEvent

from .conftest import days_ago

pytestmark = pytest.mark.django_db


def test_the_officer_reads_complaints_masked_and_figures(
    client: Any, record: Any, officer: Any
) -> None:
    case = record()
    client.force_login(officer)
    body = client.get("/api/v1/petitions/").json()
    assert [item["reference"] for item in body["items"]] == [case.reference]
    assert body["items"][0]["petitioner"] != "黄侨眷"
    assert body["items"][0]["petitioner"].startswith("黄")
    year = timezone.localdate().year
    assert client.get(f"/api/v1/petitions/statistics/{year}").json()["total"] == 1
    before = AuditEvent.objects.filter(action="petitions.petition.view").count()
    detail = client.get(f"/api/v1/cases/{case.reference}").json()
    assert detail["detail"]["against"] == "端州区住房和城乡建设局"
    assert "13800138000" not in str(detail)
    assert AuditEvent.objects.filter(action="petitions.petition.view").count() == before + 1


def test_everyone_else_is_refused(client: Any, record: Any, case_roles: dict[str, Any]) -> None:
    case = record()
    for role in ("liaison", "other_officer", "inspector"):
        client.force_login(case_roles[role])
        assert client.get("/api/v1/petitions/").status_code == 403, role
        assert client.get(f"/api/v1/cases/{case.reference}").status_code == 404, role
        assert case.reference not in str(client.get("/api/v1/cases/").json()), role


def test_the_list_costs_the_same_for_one_or_many(client: Any, record: Any, officer: Any) -> None:
    record()
    client.force_login(officer)
    client.get("/api/v1/petitions/")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/petitions/").status_code == 200
        return len(captured.captured_queries)

    one = count()
    for n in (2, 3, 4):
        record(received_on=days_ago(n))
    assert count() == one
