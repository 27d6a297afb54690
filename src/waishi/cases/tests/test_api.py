"""The cases API: same visibility and workflow rules as the UI."""

import json
from typing import Any

import pytest

from waishi.cases.actions import do_transition
from waishi.cases.models import Case, TimelineEntry

pytestmark = pytest.mark.django_db

BASE = "/api/v1/cases/"


def post(client: Any, url: str, body: dict[str, Any], **headers: str) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


def test_list_shows_only_the_agency_cases(client, new_case, liaison, other_liaison):
    case = new_case()
    client.force_login(liaison)
    items = client.get(BASE).json()["items"]
    assert [i["reference"] for i in items] == [case.reference]
    assert items[0]["status_label"] and items[0]["version"] == 1
    client.force_login(other_liaison)
    assert client.get(BASE).json()["items"] == []


def test_list_pages_with_a_cursor(client, filed_case, officer):
    refs = {filed_case(f"案{n}").reference for n in range(3)}
    client.force_login(officer)
    first = client.get(BASE, {"limit": 2}).json()
    second = client.get(BASE, {"limit": 2, "cursor": first["next"]}).json()
    assert {i["reference"] for i in first["items"] + second["items"]} == refs
    assert second["next"] is None


def test_detail_of_another_agency_case_is_not_found(client, new_case, other_liaison):
    case = new_case()
    client.force_login(other_liaison)
    response = client.get(BASE + case.reference)
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_detail_lists_timeline_and_next_steps(client, new_case, liaison):
    case = new_case()
    client.force_login(liaison)
    body = client.get(BASE + case.reference).json()
    assert [t["name"] for t in body["transitions"]] == ["submit", "withdraw"]
    assert body["timeline"][0]["to_status"] == "draft"


def test_run_transition_with_key_and_version(client, new_case, liaison):
    case = new_case()
    client.force_login(liaison)
    url = f"{BASE}{case.reference}/transitions/submit"
    first = post(client, url, {"expected_version": 1}, **{"Idempotency-Key": "retry-1"})
    assert first.status_code == 200 and first.json()["status"] == "submitted"
    again = post(client, url, {"expected_version": 1}, **{"Idempotency-Key": "retry-1"})
    assert again.status_code == 200 and again.json() == first.json()
    assert TimelineEntry.objects.filter(case=case, transition="submit").count() == 1


def test_stale_version_is_409(client, new_case, liaison, officer):
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    client.force_login(officer)
    response = post(client, f"{BASE}{case.reference}/transitions/accept", {"expected_version": 1})
    assert response.status_code == 409 and response.json()["details"]["version"] == 2
    assert Case.objects.get(pk=case.pk).status == "submitted"


def test_forbidden_transition_is_403_and_writes_nothing(client, new_case, officer):
    case = new_case()
    client.force_login(officer)
    response = post(client, f"{BASE}{case.reference}/transitions/submit", {})
    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).version == 1


def test_missing_reason_is_422_with_reasons(client, new_case, liaison, officer):
    case = new_case()
    do_transition(case=case, transition="submit", actor=liaison)
    do_transition(case=case, transition="accept", actor=officer)
    client.force_login(officer)
    response = post(client, f"{BASE}{case.reference}/transitions/return_for_revision", {})
    assert response.status_code == 422 and response.json()["code"] == "transition_refused"
    assert response.json()["details"]


def test_api_list_query_count_is_flat(client, liaison, agency, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(start: int, count: int) -> None:
        Case.objects.bulk_create(
            Case(
                reference=f"DM-2026-{start + n:05d}",
                case_type="DM",
                status="draft",
                agency=agency,
                title="批量",
            )
            for n in range(count)
        )

    client.force_login(liaison)
    make(1, 5)
    client.get(BASE)
    with CaptureQueriesContext(connection) as few:
        client.get(BASE)
    make(6, 495)
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(client.get(BASE).json()["items"]) == 20
