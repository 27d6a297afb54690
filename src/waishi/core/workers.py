"""The task worker that outlives database outages, recycles itself, and its supervisor.

``waishi worker`` runs django-tasks-db's worker loop with three additions:

- when the database cannot be reached (a restart, a failover, a network cut) the worker logs
  it, waits — 1, 2, 4 … up to 30 seconds — and carries on, instead of exiting;
- after ``WAISHI_WORKER_MAX_TASKS`` tasks, or once its resident memory passes
  ``WAISHI_WORKER_MAX_MEMORY_MB`` (a large PDF leaves the heap grown), it finishes the task in
  hand and exits cleanly, to be started afresh by its supervisor;
- it exits on SIGTERM after the task in hand, as django-tasks-db's worker does;
- while it runs it says so every ``HEARTBEAT_SECONDS`` in the cache every process shares, for
  ``/readyz`` to tell when no worker has been seen for a while.

``Supervisor`` keeps one child process running (``waishi serve`` uses it for the worker): a
child that exits is started again, at once after a clean exit (a recycle), after a growing
pause after a crash, and the child is stopped with its supervisor — also when the supervisor
is killed outright, through the parent-death signal on Linux.
"""

import ctypes
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker

from .ratelimit import shared_cache
from .task_leases import lease_seconds, release_lease, renew_lease, take_lease

logger = logging.getLogger("waishi.worker")

MAX_PAUSE = 30.0
# A run this long without a failure starts the pauses from one second again.
STEADY_SECONDS = 60.0
PR_SET_PDEATHSIG = 1
HEARTBEAT_SECONDS = 15.0
HEARTBEAT_KEY = "core:worker-seen"


def beat(worker_id: str) -> None:
    """Record in the shared cache that ``worker_id`` is alive now (read by ``/readyz``)."""
    shared_cache().set(HEARTBEAT_KEY, {"at": time.time(), "worker": worker_id}, timeout=24 * 3600)


def last_heartbeat() -> dict[str, Any] | None:
    """The latest heartbeat of any worker (``at`` in Unix seconds), or None."""
    seen = shared_cache().get(HEARTBEAT_KEY)
    return seen if isinstance(seen, dict) else None


def resident_megabytes() -> float:
    """This process's resident memory now, in MB (its peak where /proc is unavailable)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ResilientWorker(Worker):
    """django-tasks-db's worker, waiting out database outages and recycling itself."""

    def __init__(
        self, *, max_memory_mb: int, sleep: Callable[[float], None] = time.sleep, **kw: Any
    ):
        super().__init__(**kw)
        self.max_memory_mb = max_memory_mb
        self.sleep = sleep
        self.outages = 0

    def run(self) -> None:
        heart = Heartbeat(self.worker_id)
        heart.start()
        try:
            self._run_through_outages()
        finally:
            heart.stop()

    def _run_through_outages(self) -> None:
        pause = 1.0
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return
                if time.monotonic() - started > STEADY_SECONDS:
                    pause = 1.0
                self.outages += 1
                logger.warning(
                    "Database unreachable (%s); worker %s tries again in %.0f s",
                    type(error).__name__,
                    self.worker_id,
                    pause,
                )
                connections.close_all()
                self.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)

    def run_task(self, db_task_result: Any) -> None:
        task_id = db_task_result.pk
        take_lease(task_id, self.worker_id)
        renewer = LeaseRenewer(task_id, self.worker_id)
        renewer.start()
        try:
            super().run_task(db_task_result)
        finally:
            renewer.stop()
            release_lease(task_id)
        if self.max_memory_mb and resident_megabytes() > self.max_memory_mb:
            logger.info(
                "Worker %s uses more than %s MB after a task: it stops to be started afresh",
                self.worker_id,
                self.max_memory_mb,
            )
            # The loop stops when the count of tasks run reaches max_tasks.
            self.max_tasks = self._run_tasks


class Heartbeat:
    """Beats every ``HEARTBEAT_SECONDS`` from a thread of its own while the worker runs."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            while True:
                try:
                    beat(self.worker_id)
                except Exception:  # a cache or database away: the next beat tries again
                    logger.warning("Worker %s could not record its heartbeat", self.worker_id)
                    connections.close_all()
                if self._stop.wait(HEARTBEAT_SECONDS):
                    return
        finally:
            connections.close_all()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


class LeaseRenewer:
    """Renews a running task's lease every third of a lease, from a thread of its own."""

    def __init__(self, task_id: Any, worker_id: str) -> None:
        self.task_id = task_id
        self.worker_id = worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lease-renewer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stop.wait(lease_seconds() / 3):
                try:
                    renew_lease(self.task_id, self.worker_id)
                except (OperationalError, InterfaceError):
                    # The lease runs out if the database stays away: the sweep then retries.
                    connections.close_all()
        finally:
            connections.close_all()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def worker_limits() -> tuple[int | None, int]:
    """Tasks and memory (MB) after which a worker recycles itself (0 or None: no limit)."""
    max_tasks = int(getattr(settings, "WAISHI_WORKER_MAX_TASKS", 0)) or None
    return max_tasks, int(getattr(settings, "WAISHI_WORKER_MAX_MEMORY_MB", 0))


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Ask Linux to send SIGTERM to this child when its parent dies, however it dies."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


class Supervisor:
    """Keep one child process running until ``stop()``; restart it when it exits."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        name: str = "worker",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.command = list(command)
        self.name = name
        self.sleep = sleep
        self.starts = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._watch, name=f"supervise-{self.name}", daemon=True
        )
        self._thread.start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        self.starts += 1
        preexec = _die_with_parent if sys.platform.startswith("linux") else None
        # The command is the supervisor's own (this Python running waishi), never user input.
        return subprocess.Popen(self.command, preexec_fn=preexec)  # noqa: S603

    def _watch(self) -> None:
        pause = 1.0
        while not self._stopping.is_set():
            started = time.monotonic()
            self.process = self._spawn()
            code = self.process.wait()
            if self._stopping.is_set():
                return
            if code == 0:
                logger.info("The %s stopped to be started afresh; starting it again", self.name)
                pause = 1.0
                continue
            if time.monotonic() - started > STEADY_SECONDS:
                pause = 1.0
            logger.warning(
                "The %s exited with code %s; starting it again in %.0f s", self.name, code, pause
            )
            self._stopping.wait(pause)
            pause = min(pause * 2, MAX_PAUSE)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop watching and end the child: SIGTERM, then SIGKILL after ``timeout`` seconds."""
        self._stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._thread is not None:
            self._thread.join(timeout=timeout)
