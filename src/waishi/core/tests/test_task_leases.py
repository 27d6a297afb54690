"""Tasks killed mid-run are retried with a pause, then given up; failed tasks can run again."""

import datetime
import uuid
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from waishi.audit.models import AuditEvent
from waishi.core.models import TaskLease
from waishi.core.task_leases import (
    ABANDONED,
    do_rerun_task,
    pause_after,
    renew_lease,
    sweep_tasks,
    take_lease,
)

pytestmark = pytest.mark.django_db


def _task(status: str = "RUNNING", started_minutes_ago: int = 1, **extra: Any) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {"document_id": 7}},
        task_path="waishi.missions.tasks.render_approval_document",
        backend_name="default",
        queue_name="default",
        run_after=now - datetime.timedelta(minutes=started_minutes_ago),
        started_at=now - datetime.timedelta(minutes=started_minutes_ago)
        if status == "RUNNING"
        else None,
        exception_class_path=extra.pop("exception_class_path", ""),
        traceback=extra.pop("traceback", ""),
        **extra,
    )


def test_a_task_whose_lease_ran_out_is_queued_again_after_a_growing_pause(settings: Any) -> None:
    settings.WAISHI_TASK_LEASE_SECONDS = 300
    task = _task()
    start = timezone.now()
    take_lease(task.pk, "w1", now=start)
    # Within the lease: left alone.
    assert sweep_tasks(now=start + datetime.timedelta(seconds=299)).requeued == 0
    report = sweep_tasks(now=start + datetime.timedelta(seconds=301))
    assert report.requeued == 1
    task.refresh_from_db()
    assert task.status == "READY"
    assert task.run_after == start + datetime.timedelta(seconds=301) + pause_after(1)
    assert pause_after(1) == datetime.timedelta(seconds=30)
    assert pause_after(2) == datetime.timedelta(seconds=60)


def test_a_renewed_lease_keeps_a_long_task_running(settings: Any) -> None:
    settings.WAISHI_TASK_LEASE_SECONDS = 300
    task = _task(started_minutes_ago=20)
    start = timezone.now()
    take_lease(task.pk, "w1", now=start)
    assert renew_lease(task.pk, "w1", now=start + datetime.timedelta(seconds=250))
    assert not renew_lease(task.pk, "another-worker", now=start)
    assert sweep_tasks(now=start + datetime.timedelta(seconds=400)).requeued == 0


def test_a_task_that_never_got_a_lease_is_retried_once_older_than_a_lease(settings: Any) -> None:
    settings.WAISHI_TASK_LEASE_SECONDS = 300
    young, old = _task(started_minutes_ago=4), _task(started_minutes_ago=6)
    assert sweep_tasks().requeued == 1
    young.refresh_from_db()
    old.refresh_from_db()
    assert (young.status, old.status) == ("RUNNING", "READY")


def test_after_the_last_attempt_the_task_is_marked_failed(settings: Any) -> None:
    settings.WAISHI_TASK_LEASE_SECONDS = 300
    settings.WAISHI_TASK_MAX_ATTEMPTS = 3
    task = _task()
    now = timezone.now()
    for attempt in range(1, 4):
        take_lease(task.pk, f"w{attempt}", now=now)
        DBTaskResult.objects.filter(pk=task.pk).update(status="RUNNING")
        now += datetime.timedelta(seconds=400)
        sweep_tasks(now=now)
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == ABANDONED
    assert TaskLease.objects.get(task=task).attempts == 3


def test_the_system_administrator_sees_failed_tasks_and_runs_one_again(
    client: Client, make_user: Any
) -> None:
    failed = _task(
        status="FAILED",
        exception_class_path="builtins.OSError",
        traceback="Traceback …\nOSError: fonts missing",
    )
    admin = make_user("system_admin")
    client.force_login(admin)

    page = client.get(reverse("core:tasks"))
    assert page.status_code == 200
    assert "render_approval_document" in page.content.decode()
    assert "OSError: fonts missing" in page.content.decode()

    response = client.post(reverse("core:task_rerun", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == "READY"
    assert failed.traceback == ""
    event = AuditEvent.objects.get(action="core.task.rerun")
    assert event.actor == admin
    assert event.object_id == str(failed.pk)


def test_running_a_task_again_refuses_one_that_did_not_fail(client: Client, make_user: Any) -> None:
    running = _task()
    client.force_login(make_user("system_admin"))
    response = client.post(reverse("core:task_rerun", args=[running.pk]))
    assert response.status_code == 404
    running.refresh_from_db()
    assert running.status == "RUNNING"
    assert not AuditEvent.objects.filter(action="core.task.rerun").exists()


def test_others_cannot_run_tasks_again(client: Client, make_user: Any) -> None:
    failed = _task(status="FAILED")
    client.force_login(make_user("security_admin"))
    assert client.post(reverse("core:task_rerun", args=[failed.pk])).status_code == 403
    failed.refresh_from_db()
    assert failed.status == "FAILED"


def test_the_command_retries_failed_tasks_and_refuses_unknown_ids() -> None:
    first, second = _task(status="FAILED"), _task(status="FAILED")
    call_command("tasks", "retry", "--failed", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(
        DBTaskResult.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    ) == {"READY"}
    assert AuditEvent.objects.filter(action="core.task.rerun").count() == 2
    with pytest.raises(CommandError):
        call_command("tasks", "retry", str(uuid.uuid4()))
    with pytest.raises(CommandError):
        call_command("tasks", "retry", "not-a-uuid")


def test_do_rerun_task_resets_the_attempts() -> None:
    failed = _task(status="FAILED")
    TaskLease.objects.create(task=failed, attempts=3)
    do_rerun_task(actor=None, task_id=failed.pk)
    assert TaskLease.objects.get(task=failed).attempts == 0
