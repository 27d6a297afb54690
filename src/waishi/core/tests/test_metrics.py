"""Metrics: request counts and latency per view, queue, overdue cases and audit counters."""

import datetime
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from waishi.audit.actions import log_action


def _samples(client: Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get(reverse("core:metrics"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.content.decode())
        for s in family.samples
    }


@pytest.mark.django_db
def test_requests_are_counted_by_view_and_status(client: Client) -> None:
    key = ("waishi_http_requests_total", (("status", "200"), ("view", "core:healthz")))
    before = _samples(client).get(key, 0)
    client.get(reverse("core:healthz"))
    client.get(reverse("core:healthz"))
    samples = _samples(client)
    assert samples[key] == before + 2
    count = ("waishi_http_request_duration_seconds_count", (("view", "core:healthz"),))
    assert samples[count] >= 2


@pytest.mark.django_db
def test_queue_overdue_cases_and_audit_counters_come_from_the_database(
    client: Client, make_user: Any
) -> None:
    DBTaskResult.objects.create(
        status="READY",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="waishi.core.tasks.heartbeat",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now() - datetime.timedelta(minutes=5),
        exception_class_path="",
        traceback="",
    )
    officer = make_user("division_officer")
    log_action(action="accounts.user.login_failed", actor_label="someone")
    log_action(action="core.pii.reveal", actor=officer)
    log_action(action="core.pii.reveal", actor=officer)

    samples = _samples(client)

    task = (("task", "waishi.core.tasks.heartbeat"),)
    assert samples[("waishi_tasks_waiting", task)] == 1
    assert 295 <= samples[("waishi_tasks_oldest_waiting_seconds", task)] < 400
    assert samples[("waishi_sign_in_failures_total", ())] == 1
    assert samples[("waishi_personal_data_reveals_total", ())] == 2


@pytest.mark.django_db
def test_an_overdue_open_case_is_counted_by_type(client: Client) -> None:
    from waishi.accounts.tests.factories import AgencyFactory
    from waishi.cases.models import Case

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    agency = AgencyFactory()
    for number, (is_open, due) in enumerate([(True, yesterday), (True, None), (False, yesterday)]):
        Case.objects.create(
            reference=f"ZZ-2026-0000{number}",
            case_type="ZZ",
            status="review" if is_open else "closed",
            is_open=is_open,
            due_date=due,
            agency=agency,
            title="赴德国友好城市访问",
        )
    # Only the open case past its due date is counted.
    assert _samples(client)[("waishi_cases_overdue", (("type", "ZZ"),))] == 1


@pytest.mark.django_db
@override_settings(WAISHI_METRICS_NETWORKS=["10.9.0.0/16"])
def test_metrics_are_hidden_from_other_networks(client: Client) -> None:
    assert client.get(reverse("core:metrics")).status_code == 404
    assert client.get(reverse("core:metrics"), REMOTE_ADDR="10.9.1.1").status_code == 200
