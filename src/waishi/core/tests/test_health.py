"""Probes, the page shown while the database is out of reach, and request ids in the logs."""

import datetime
import json
import logging
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from waishi.core.logging import JsonFormatter, RequestIdFilter, current_request_id


def _waiting_task(minutes_ago: int) -> DBTaskResult:
    past = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return DBTaskResult.objects.create(
        status="READY",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="waishi.cases.tasks.sweep_deadlines_task",
        backend_name="default",
        queue_name="default",
        run_after=past,
        exception_class_path="",
        traceback="",
    )


def test_healthz_answers_without_the_database(client: Client) -> None:
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ready_with_a_database_migrations_and_a_fresh_queue(client: Client) -> None:
    _waiting_task(minutes_ago=1)
    response = client.get(reverse("core:readyz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"]["migrations"] == {"ok": True, "pending": 0}
    assert body["checks"]["task_queue"]["waiting"] == 1
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
@override_settings(WAISHI_READY_MAX_QUEUE_AGE=600)
def test_readyz_is_not_ready_when_the_oldest_task_waits_too_long(client: Client) -> None:
    _waiting_task(minutes_ago=9)
    assert client.get(reverse("core:readyz")).status_code == 200
    _waiting_task(minutes_ago=11)
    response = client.get(reverse("core:readyz"))
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"]["ok"] is False


@pytest.mark.django_db
def test_readyz_is_not_ready_without_the_database(client: Client) -> None:
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("core:readyz"))
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "detail": "OperationalError"}


@pytest.mark.django_db
@override_settings(WAISHI_HEALTH_NETWORKS=["10.1.0.0/16"])
def test_probes_are_hidden_from_other_networks(client: Client) -> None:
    assert client.get(reverse("core:healthz"), REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get(reverse("core:healthz"), REMOTE_ADDR="192.0.2.7").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh-hans", "服务暂时无法使用"),
        ("zh-hant", "服務暫時無法使用"),
        ("en", "briefly unavailable"),
    ],
)
def test_a_page_answers_503_in_the_readers_language_while_the_database_is_down(
    make_user: Any, language: str, words: str
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(make_user("division_officer"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("cases:inbox"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert words in response.content.decode()
    assert f'lang="{language}"' in response.content.decode()


def test_log_lines_carry_the_request_id_and_can_be_json() -> None:
    token = current_request_id.set("abc123def456")
    try:
        record = logging.LogRecord(
            "waishi.test", logging.ERROR, __file__, 1, "boom %s", ("x",), None
        )
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc123def456"
    assert line["message"] == "boom x"
    assert line["level"] == "ERROR"


@pytest.mark.django_db
def test_the_request_id_is_set_while_the_request_runs(client: Client) -> None:
    seen: list[str] = []

    def allowed(request: Any) -> bool:
        seen.append(current_request_id.get())
        return True

    with mock.patch("waishi.core.health._allowed", allowed):
        response = client.get(reverse("core:healthz"), HTTP_X_REQUEST_ID="req-0123456789")
    assert response["X-Request-ID"] == "req-0123456789"
    assert seen == ["req-0123456789"]
    # Outside a request, log records carry no id.
    assert current_request_id.get() == ""


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # No proxy is trusted: the header is whatever a client wrote, and is ignored.
        ("203.0.113.9", "10.1.2.3", "203.0.113.9"),
        # From the trusted proxy: the address it appended is the client.
        ("10.0.0.2", "198.51.100.7", "198.51.100.7"),
        # A client's own header entry stays to the left of what the proxy appended.
        ("10.0.0.2", "10.1.2.3, 198.51.100.7", "198.51.100.7"),
        # Two trusted proxies in a row: the first untrusted address from the right.
        ("10.0.0.2", "198.51.100.7, 10.0.0.3", "198.51.100.7"),
    ],
)
def test_the_client_address_comes_from_trusted_proxies_only(
    remote: str, forwarded: str, client: str
) -> None:
    from django.test import RequestFactory

    from waishi.core.middleware import client_ip

    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(
        WAISHI_TRUSTED_PROXIES=[] if remote.startswith("203") else ["10.0.0.0/24"]
    ):
        assert client_ip(request) == client


@pytest.mark.django_db
@override_settings(WAISHI_HEALTH_NETWORKS=["10.1.0.0/16"], WAISHI_TRUSTED_PROXIES=[])
def test_a_forged_forwarded_header_does_not_open_the_probes(client: Client) -> None:
    response = client.get(
        reverse("core:healthz"), REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="10.1.2.3"
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_readyz_reports_the_workers_heartbeat_and_may_require_it(client: Client) -> None:
    from waishi.core import workers
    from waishi.core.ratelimit import shared_cache

    shared_cache().delete(workers.HEARTBEAT_KEY)
    url = reverse("core:readyz")
    # By default the heartbeat is only reported: a site without a worker is still ready.
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == {
        "ok": True,
        "last_seen_seconds": None,
        "limit_seconds": 0,
    }
    with override_settings(WAISHI_READY_MAX_WORKER_SILENCE=60):
        assert client.get(url).status_code == 503  # no worker ever seen
        now = 1_800_000_000.0
        with mock.patch.object(workers.time, "time", return_value=now - 60):
            workers.beat("w-1")
        with mock.patch("waishi.core.health.time.time", return_value=now):
            ready = client.get(url)
        assert ready.status_code == 200
        assert ready.json()["checks"]["worker"]["last_seen_seconds"] == 60
        with mock.patch("waishi.core.health.time.time", return_value=now + 1):
            silent = client.get(url)
        assert silent.status_code == 503
        assert silent.json()["checks"]["worker"]["ok"] is False
    shared_cache().delete(workers.HEARTBEAT_KEY)


def test_a_running_worker_beats_until_it_stops() -> None:
    from waishi.core import workers

    beats: list[str] = []
    with (
        mock.patch.object(workers, "beat", side_effect=beats.append),
        mock.patch.object(workers, "HEARTBEAT_SECONDS", 0.01),
    ):
        heart = workers.Heartbeat("w-2")
        heart.start()
        import time

        time.sleep(0.2)
        heart.stop()
        count = len(beats)
        time.sleep(0.05)
    assert count >= 2 and set(beats) == {"w-2"}
    assert len(beats) == count  # nothing after the stop
