"""The background task wiring: a task enqueued on the database backend is run by db_worker."""

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import override_settings

from waishi.core.tasks import heartbeat


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)
def test_database_worker_runs_an_enqueued_task():
    result = heartbeat.enqueue(note="wiring")
    assert result.status == TaskResultStatus.READY

    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value.startswith("20")
