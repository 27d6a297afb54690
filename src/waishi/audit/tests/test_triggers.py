import pytest
from django.db import DatabaseError, connection, transaction

from waishi.audit.actions import log_action
from waishi.audit.models import AuditEvent
from waishi.audit.triggers import triggers_installed

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return log_action(action="tests.thing.create", reason="original")


def test_triggers_are_installed_by_the_migrations():
    assert triggers_installed(connection)


def test_saving_a_changed_event_is_refused(event):
    event.reason = "rewritten"
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).reason == "original"


def test_queryset_update_is_refused(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    assert AuditEvent.objects.get(pk=event.pk).reason == "original"


def test_deleting_an_event_is_refused(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        event.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_raw_sql_is_refused_too(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = 'x'")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.get(pk=event.pk).reason == "original"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists on PostgreSQL")
def test_truncate_is_refused_on_postgresql(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_appending_still_works(event):
    log_action(action="tests.thing.update")
    assert AuditEvent.objects.count() == 2
