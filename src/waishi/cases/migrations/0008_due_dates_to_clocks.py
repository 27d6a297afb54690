"""Existing due dates become clocks; the per-case reminder marks become clock reminders.

Areas move their own due dates first (their migrations run before this one: the trip report,
the processing target). What is left here: the answers external steps wait for, and any other
due date of an open case, which was set by hand on the case's header.
"""

import datetime

from django.db import migrations
from django.utils import timezone


def _end_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 0)))


def forwards(apps, schema_editor):
    from waishi.core.workdays import add_workdays

    Case = apps.get_model("cases", "Case")
    Clock = apps.get_model("cases", "Clock")
    ClockReminder = apps.get_model("cases", "ClockReminder")
    ExternalStep = apps.get_model("cases", "ExternalStep")
    ReminderMark = apps.get_model("cases", "ReminderMark")
    today = timezone.localdate()

    for step in ExternalStep.objects.filter(status="waiting", due_on__isnull=False).iterator():
        Clock.objects.get_or_create(
            case_id=step.case_id,
            code=f"step-{step.pk}",
            defaults={
                "owner": "outside",
                "step_id": step.pk,
                "length": step.due_in,
                "unit": {"workdays": "working_days", "days": "days"}.get(step.due_unit, ""),
                "started_at": _start_of(step.sent_on),
                "due_at": _end_of(step.due_on),
                "due_date": step.due_on,
            },
        )
    live = Clock.objects.filter(state__in=("running", "paused")).values("case_id")
    for case in (
        Case.objects.filter(is_open=True, due_date__isnull=False).exclude(pk__in=live).iterator()
    ):
        Clock.objects.create(
            case_id=case.pk,
            code="manual",
            owner="bureau",
            started_at=case.created_at,
            due_at=_end_of(case.due_date),
            due_date=case.due_date,
        )
    for clock in Clock.objects.filter(state="running").iterator():
        marks = set(
            ReminderMark.objects.filter(case_id=clock.case_id, due_date=clock.due_date).values_list(
                "level", flat=True
            )
        )
        for level in marks:
            ClockReminder.objects.get_or_create(
                clock=clock, level=level, due_date=clock.due_date, sequence=1
            )
        if "overdue" in marks:
            level, next_on = "", None
        elif clock.due_date < today:
            level, next_on = "overdue", today
        elif "due_soon" in marks:
            level, next_on = "due_today", clock.due_date
        else:
            level, next_on = "due_soon", add_workdays(clock.due_date, -2)
        clock.reminder_level, clock.next_reminder_on = level, next_on
        clock.save(update_fields=["reminder_level", "next_reminder_on"])
    # The case repeats its nearest running clock.
    for case in Case.objects.filter(is_open=True).filter(pk__in=live).iterator():
        nearest = (
            Clock.objects.filter(case_id=case.pk, state="running")
            .order_by("due_date", "id")
            .values("due_date", "owner")
            .first()
        )
        if nearest:
            Case.objects.filter(pk=case.pk).update(
                due_date=nearest["due_date"], due_owner=nearest["owner"]
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_clocks")]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True),
        migrations.DeleteModel(name="ReminderMark"),
    ]
