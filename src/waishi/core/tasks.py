"""Background tasks of the core: queuing work in the change's transaction, and a heartbeat.

Work that must follow a change (drawing a document, sending a notification's e-mail or SMS,
an export) is queued with ``enqueue_in_transaction``: the task queue lives in the same
database, so the task's row is written in the transaction that makes the change. Both are
kept or neither: a crash between the commit and the queuing can no longer lose the work, and
a change that rolls back leaves no task behind to act on it.
"""

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.tasks.base import Task
from django.utils import timezone

HEARTBEAT_CACHE_KEY = "core:worker-heartbeat"


def queue_is_transactional(work: Task[Any, Any]) -> bool:
    """Whether ``work``'s backend writes its tasks to the database in the caller's transaction."""
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(work.get_backend(), DatabaseBackend)


def enqueue_in_transaction(work: Task[Any, Any], *args: Any, **kwargs: Any) -> None:
    """Queue ``work`` in the caller's transaction, to run once (and only if) it commits.

    With the database queue the task's row is inserted now, inside the transaction; a worker
    sees it when the change is committed. A backend that runs or ships tasks at once (the
    tests' immediate backend) is asked after the commit instead, so it never acts on a change
    that is rolled back.
    """
    if queue_is_transactional(work):
        work.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: work.enqueue(*args, **kwargs))


@task()
def heartbeat(note: str = "") -> str:
    """Record when a worker last ran a task; returns the ISO time it ran."""
    now = timezone.now().isoformat()
    cache.set(HEARTBEAT_CACHE_KEY, {"at": now, "note": note}, None)
    return now
