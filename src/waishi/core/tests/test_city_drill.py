"""The city layout's drill: two web servers and two task workers on one PostgreSQL database.

Under a short write load (agencies opening applications through the API, each request with
an ``Idempotency-Key`` and retried on the other server when its server does not answer, as a
load balancer would), one web server and the worker in the middle of a task are killed with
SIGKILL. Every acknowledged write must be there, none twice; the task the dead worker held is
found by its lapsed lease, run again by the other worker and done once, like every other task;
the audit chain stays whole.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="several processes share one PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
WRITES_PER_CLIENT = 20
QUICK_TASKS = 30
LEASE_SECONDS = 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(tmp_path: Path) -> dict[str, str]:
    """Every process of the drill works on the test database, with a short task lease."""
    db = connection.settings_dict
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "PYTEST_XDIST_WORKER", "CACHE_URL"}
    }
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env.update(
        DJANGO_SETTINGS_MODULE="waishi.settings.dev",
        WAISHI_VAR_DIR=str(tmp_path),
        DATABASE_URL=(
            f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        WAISHI_TASK_LEASE_SECONDS=str(LEASE_SECONDS),
        WAISHI_API_RATE="",
    )
    return env


def _start(env: dict[str, str], *command: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "waishi", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_server(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the server on port {port} did not start")


def _wait(condition: Any, seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting: {what}")


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.terminate()
    for process in started:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


class Client:
    """An agency's system opening applications, retrying on the other server when one fails."""

    def __init__(self, secret: str, ports: list[int], first: int) -> None:
        self.secret = secret
        self.ports = ports
        self.first = first
        self.acknowledged: dict[str, str] = {}  # Idempotency-Key → reference
        self.retried = 0

    def _post(self, port: int, key: str, title: str) -> str | None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/missions/",
            data=f'{{"title": "{title}"}}'.encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.secret}",
                "Content-Type": "application/json",
                "Idempotency-Key": key,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=20) as answer:
                assert answer.status == 201
                return str(json.loads(answer.read())["reference"])
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def run(self) -> None:
        for number in range(WRITES_PER_CLIENT):
            key = uuid.uuid4().hex
            title = f"演练 {self.first}-{number}"
            for attempt in range(6):
                port = self.ports[(self.first + attempt) % 2]
                reference = self._post(port, key, title)
                if reference is not None:
                    self.acknowledged[key] = reference
                    break
                self.retried += 1
            else:
                raise AssertionError(f"no server acknowledged {title}")


def test_a_city_survives_losing_a_web_server_and_a_worker_under_load(
    tmp_path: Path, make_user: Any, processes: list[subprocess.Popen[bytes]]
) -> None:
    from django_tasks_db.models import DBTaskResult

    from waishi.accounts.constants import Role
    from waishi.api.tests.factories import make_token
    from waishi.audit.models import AuditEvent
    from waishi.audit.verify import verify_chain
    from waishi.cases.models import Case
    from waishi.core.models import TaskLease
    from waishi.core.task_leases import sweep_tasks

    from .drill_tasks import record

    env = _environment(tmp_path)
    secret = make_token(make_user(Role.LIAISON_OFFICER))[1]
    hold = tmp_path / "go-on"
    with override_settings(TASKS=DATABASE_QUEUE):
        held = record.enqueue(0, hold=str(hold))
        for number in range(1, QUICK_TASKS + 1):
            record.enqueue(number)

    ports = [_free_port(), _free_port()]
    servers = [_start(env, "runserver", "--noreload", f"127.0.0.1:{port}") for port in ports]
    workers = [
        _start(env, "worker", "--worker-id", f"drill-{n}", "--interval", "0.2") for n in (1, 2)
    ]
    processes.extend(servers + workers)
    for port in ports:
        _wait_for_server(port)

    # The task that waits for its file is in a worker's hands: that worker dies.
    def holder() -> str:
        row = DBTaskResult.objects.filter(pk=held.id, status="RUNNING").first()
        return row.worker_ids[-1] if row and row.worker_ids else ""

    dead_worker = workers[int(_wait(holder, 30, "a worker takes the held task")[-1]) - 1]

    clients = [Client(secret, ports, first) for first in (0, 1)]
    threads = [threading.Thread(target=client.run) for client in clients]
    for thread in threads:
        thread.start()
    _wait(lambda: sum(len(c.acknowledged) for c in clients) >= 8, 60, "the first writes")
    dead_worker.send_signal(signal.SIGKILL)
    servers[0].send_signal(signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=120)
    assert servers[0].wait(timeout=5) == -signal.SIGKILL
    assert dead_worker.wait(timeout=5) == -signal.SIGKILL

    # Every acknowledged write is there, none twice (the retries reused their keys).
    acknowledged = {ref for c in clients for ref in c.acknowledged.values()}
    assert len(acknowledged) == 2 * WRITES_PER_CLIENT
    titles = list(Case.objects.filter(title__startswith="演练").values_list("title", flat=True))
    assert len(titles) == len(set(titles)) == 2 * WRITES_PER_CLIENT
    stored = Case.objects.filter(reference__in=acknowledged).values_list("reference", flat=True)
    assert set(stored) == acknowledged
    assert sum(c.retried for c in clients) >= 1  # the dead server's client went elsewhere

    # The held task's lease lapses; the sweep (any host's) queues it again, the other
    # worker runs it once the pause is over, and every task ends done.
    hold.touch()
    _wait(lambda: sweep_tasks().requeued, LEASE_SECONDS + 20, "the lapsed lease is found")
    DBTaskResult.objects.filter(pk=held.id, status="READY").update(run_after=timezone.now())
    _wait(
        lambda: not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists(),
        60,
        "every task is done",
    )
    runs = list(
        AuditEvent.objects.filter(action="core.drill.task").values_list("object_id", flat=True)
    )
    assert sorted(runs, key=int) == [str(n) for n in range(QUICK_TASKS + 1)]
    assert TaskLease.objects.get(task_id=held.id).attempts == 2
    assert verify_chain().ok
