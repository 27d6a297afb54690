"""The background task wiring: a task enqueued on the database backend is run by db_worker."""

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import override_settings

from waishi.core.tasks import enqueue_in_transaction, heartbeat


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


DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class _Crash(Exception):
    pass


def _mail_wanted(make_user):
    from waishi.accounts.constants import Role
    from waishi.notifications.constants import Channel
    from waishi.notifications.models import NotificationPreference

    user = make_user(Role.LIAISON_OFFICER, email="a@example.org", phone="13800000000")
    for channel in (Channel.EMAIL, Channel.SMS):
        NotificationPreference.objects.create(
            user=user, kind="cases.transition", channel=channel, enabled=True
        )
    return user


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_notification_and_its_mail_are_written_in_the_change_transaction(make_user):
    """Committed: the in-app row and the e-mail and SMS tasks are there, with no on-commit
    hook to run (a crash right after the commit loses nothing)."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from waishi.notifications.actions import notify
    from waishi.notifications.models import Notification

    user = _mail_wanted(make_user)
    with transaction.atomic():
        notify(recipients=[user], kind="cases.transition", title="案件已批准")
    assert Notification.objects.filter(recipient=user).count() == 1
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "waishi.notifications.tasks.send_notification_email",
        "waishi.notifications.tasks.send_notification_sms",
    ]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_change_rolled_back_leaves_no_task_behind(make_user):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from waishi.audit.actions import log_action
    from waishi.audit.models import AuditEvent
    from waishi.notifications.actions import notify
    from waishi.notifications.models import Notification

    user = _mail_wanted(make_user)
    with pytest.raises(_Crash), transaction.atomic():
        log_action(action="core.tasks.test", actor=user, object_id="1")
        notify(recipients=[user], kind="cases.transition", title="案件已批准")
        enqueue_in_transaction(heartbeat, note="rolled back")
        assert DBTaskResult.objects.count() == 3  # written, not merely promised
        raise _Crash
    assert not AuditEvent.objects.filter(action="core.tasks.test").exists()
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_an_immediate_backend_runs_the_task_only_after_the_commit(
    django_capture_on_commit_callbacks,
):
    from django.core.cache import cache
    from django.db import transaction

    from waishi.core.tasks import HEARTBEAT_CACHE_KEY

    cache.delete(HEARTBEAT_CACHE_KEY)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with pytest.raises(_Crash), transaction.atomic():
            enqueue_in_transaction(heartbeat, note="rolled back")
            raise _Crash
        with transaction.atomic():
            enqueue_in_transaction(heartbeat, note="kept")
    assert cache.get(HEARTBEAT_CACHE_KEY) is None
    for callback in callbacks:
        callback()
    assert cache.get(HEARTBEAT_CACHE_KEY)["note"] == "kept"
