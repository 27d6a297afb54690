"""Background tasks that were killed mid-run are found, retried with a pause, or given up.

A worker takes a lease on a task when it starts it (``take_lease``: one attempt more, valid
for ``WAISHI_TASK_LEASE_SECONDS``) and renews it while the task runs. ``sweep_tasks`` — run
by ``waishi tasks sweep`` from a timer on every host — looks at tasks still marked running:
one whose lease ran out (or that never got one and started longer ago than a lease lasts) was
killed with its worker. It is queued again after 30 s, 60 s, 120 s … or, after
``WAISHI_TASK_MAX_ATTEMPTS`` attempts, marked failed for the system administrator, who sees
failed tasks on ``/office/tasks/`` and runs one again with ``do_rerun_task`` (audited).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone

from .models import TaskLease

ABANDONED = "waishi.core.task_leases.TaskAbandoned"
FIRST_PAUSE_SECONDS = 30


class TaskAbandoned(Exception):
    """The name recorded on a task given up after being killed mid-run too often."""


def task_model() -> Any:
    return apps.get_model("django_tasks_database", "DBTaskResult")


def lease_seconds() -> int:
    return int(getattr(settings, "WAISHI_TASK_LEASE_SECONDS", 300))


def max_attempts() -> int:
    return int(getattr(settings, "WAISHI_TASK_MAX_ATTEMPTS", 3))


def take_lease(task_id: Any, worker_id: str, *, now: datetime.datetime | None = None) -> TaskLease:
    """Count one more attempt at the task and vouch for it for one lease period."""
    now = now or timezone.now()
    with transaction.atomic():
        lease, _created = TaskLease.objects.select_for_update().get_or_create(task_id=task_id)
        TaskLease.objects.filter(pk=lease.pk).update(
            attempts=F("attempts") + 1,
            worker_id=worker_id[:64],
            lease_until=now + datetime.timedelta(seconds=lease_seconds()),
        )
    lease.refresh_from_db()
    return lease


def renew_lease(task_id: Any, worker_id: str, *, now: datetime.datetime | None = None) -> bool:
    """Push the lease on while the task runs; false when another worker holds it now."""
    now = now or timezone.now()
    return bool(
        TaskLease.objects.filter(task_id=task_id, worker_id=worker_id[:64]).update(
            lease_until=now + datetime.timedelta(seconds=lease_seconds())
        )
    )


def release_lease(task_id: Any) -> None:
    """The task ended (done or failed with an error): nobody needs to vouch for it now."""
    TaskLease.objects.filter(task_id=task_id).update(lease_until=None)


@dataclass
class SweepReport:
    requeued: int = 0
    failed: int = 0


def pause_after(attempts: int) -> datetime.timedelta:
    """30 s after the first attempt, then twice as long after each further one."""
    return datetime.timedelta(seconds=FIRST_PAUSE_SECONDS * 2 ** max(attempts - 1, 0))


def _killed(now: datetime.datetime) -> Q:
    """Running tasks whose lease ran out, or that never got one and are older than a lease."""
    return Q(lease__lease_until__lt=now) | Q(
        lease__isnull=True, started_at__lt=now - datetime.timedelta(seconds=lease_seconds())
    )


def sweep_tasks(*, now: datetime.datetime | None = None) -> SweepReport:
    """Queue again, or give up, the tasks killed mid-run; safe on several hosts at once."""
    now = now or timezone.now()
    model = task_model()
    report = SweepReport()
    with transaction.atomic():
        # Locked rows are being swept by another host: skip them.
        rows = list(
            model.objects.filter(status="RUNNING")
            .filter(_killed(now))
            .select_for_update(skip_locked=True, of=("self",))
        )
        leases = {lease.task_id: lease for lease in TaskLease.objects.filter(task__in=rows)}
        for row in rows:
            lease = leases.get(row.pk)
            attempts = lease.attempts if lease else 1
            if attempts >= max_attempts():
                message = f"Stopped mid-run {attempts} times (its worker died); given up."
                model.objects.filter(pk=row.pk).update(
                    status="FAILED",
                    finished_at=now,
                    exception_class_path=ABANDONED,
                    traceback=message,
                )
                TaskLease.objects.update_or_create(
                    task_id=row.pk,
                    defaults={"attempts": attempts, "lease_until": None, "last_error": message},
                )
                report.failed += 1
            else:
                model.objects.filter(pk=row.pk).update(
                    status="READY", started_at=None, run_after=now + pause_after(attempts)
                )
                TaskLease.objects.update_or_create(
                    task_id=row.pk, defaults={"attempts": attempts, "lease_until": None}
                )
                report.requeued += 1
    return report


def tasks_needing_attention(*, now: datetime.datetime | None = None, limit: int = 100) -> list[Any]:
    """Failed tasks and tasks stuck running past their lease, newest first."""
    now = now or timezone.now()
    return list(
        task_model()
        .objects.filter(Q(status="FAILED") | (Q(status="RUNNING") & _killed(now)))
        .select_related("lease")
        .order_by("-enqueued_at")[:limit]
    )


def do_rerun_task(*, actor: Any, task_id: Any, request: HttpRequest | None = None) -> Any:
    """Queue a failed task to run again now; audited. The view checks ``core.manage_tasks``."""
    from waishi.audit.actions import log_action

    model = task_model()
    with transaction.atomic():
        task = model.objects.select_for_update().get(pk=task_id, status="FAILED")
        model.objects.filter(pk=task.pk).update(
            status="READY",
            run_after=timezone.now(),
            started_at=None,
            finished_at=None,
            return_value=None,
            exception_class_path="",
            traceback="",
        )
        TaskLease.objects.filter(task_id=task.pk).update(attempts=0, lease_until=None)
        log_action(
            action="core.task.rerun",
            actor=actor,
            object_type="django_tasks_database.dbtaskresult",
            object_id=str(task.pk),
            before={"status": "FAILED", "task": task.task_path, "error": task.exception_class_path},
            after={"status": "READY"},
            request=request,
            actor_label="" if actor is not None else "waishi tasks retry",
        )
    task.refresh_from_db()
    return task
