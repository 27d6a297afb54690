"""The task worker waits out database outages and recycles itself; its supervisor restarts it."""

import sys
import time
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.tasks import TaskResultStatus
from django.test import override_settings
from django_tasks_db.models import DBTaskResultQuerySet

from waishi.core import workers
from waishi.core.tasks import heartbeat

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_the_worker_waits_out_a_database_outage_and_then_runs_the_task() -> None:
    result = heartbeat.enqueue(note="outage")
    real = DBTaskResultQuerySet.get_locked
    failures = iter([OperationalError("server closed the connection"), OperationalError("again")])

    def flaky(self: Any) -> Any:
        error = next(failures, None)
        if error is not None:
            raise error
        return real(self)

    pauses: list[float] = []
    with (
        mock.patch.object(DBTaskResultQuerySet, "get_locked", flaky),
        mock.patch.object(workers.time, "sleep", pauses.append),
    ):
        worker = workers.ResilientWorker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
            max_memory_mb=0,
            sleep=pauses.append,
        )
        worker.run()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert worker.outages == 2
    assert pauses == [1.0, 2.0]  # waited, longer the second time, instead of exiting


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, WAISHI_WORKER_MAX_MEMORY_MB=1, WAISHI_WORKER_MAX_TASKS=0)
def test_a_worker_above_its_memory_ceiling_stops_after_the_task_in_hand() -> None:
    first = heartbeat.enqueue(note="one")
    second = heartbeat.enqueue(note="two")

    call_command("worker", "--interval", "0", "--worker-id", "w1")  # no --batch: stops itself

    first.refresh()
    second.refresh()
    done = [r.status for r in (first, second)]
    assert done.count(TaskResultStatus.SUCCESSFUL) == 1
    assert done.count(TaskResultStatus.READY) == 1  # left for the restarted worker


def test_resident_memory_is_measured() -> None:
    assert 5 < workers.resident_megabytes() < 100_000


def _wait_for(condition: Any, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def test_the_supervisor_restarts_a_child_that_dies_and_stops_it_on_stop() -> None:
    # A child that crashes at once: restarted after a pause, again and again.
    crashing = workers.Supervisor([sys.executable, "-c", "import sys; sys.exit(3)"], name="crash")
    with mock.patch.object(workers, "MAX_PAUSE", 0.05):
        crashing._stopping.wait = lambda pause: False  # type: ignore[method-assign]
        crashing.start()
        _wait_for(lambda: crashing.starts >= 3)
        crashing.stop()

    # A child that runs until told: stop() ends it and it is not started again.
    running = workers.Supervisor([sys.executable, "-c", "import time; time.sleep(60)"])
    running.start()
    _wait_for(lambda: running.process is not None and running.process.poll() is None)
    child = running.process
    running.stop(timeout=5)
    assert child is not None and child.poll() is not None
    starts = running.starts
    time.sleep(0.3)
    assert running.starts == starts


def test_a_child_that_recycles_itself_is_started_again_at_once() -> None:
    recycling = workers.Supervisor([sys.executable, "-c", "pass"], name="recycling")
    waits: list[float] = []
    recycling._stopping.wait = lambda pause: waits.append(pause) or False  # type: ignore[method-assign, func-returns-value]
    recycling.start()
    _wait_for(lambda: recycling.starts >= 3)
    recycling.stop()
    assert waits == []  # clean exits are restarted without a pause
