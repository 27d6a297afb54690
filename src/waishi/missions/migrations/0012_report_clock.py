"""The trip report's due date becomes the case's ``trip_report`` clock (owed by the agency)."""

import datetime

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Mission = apps.get_model("missions", "Mission")
    Clock = apps.get_model("cases", "Clock")
    rows = Mission.objects.filter(
        case__is_open=True,
        case__status="back_home",
        report_due__isnull=False,
        report_submitted_at__isnull=True,
    )
    for mission in rows.iterator():
        started = mission.returned_on or mission.report_due - datetime.timedelta(days=30)
        Clock.objects.get_or_create(
            case_id=mission.case_id,
            code="trip_report",
            defaults={
                "owner": "agency",
                "length": (mission.report_due - started).days,
                "unit": "days",
                "started_at": timezone.make_aware(
                    datetime.datetime.combine(started, datetime.time(0, 0))
                ),
                "due_at": timezone.make_aware(
                    datetime.datetime.combine(mission.report_due, datetime.time(23, 59, 59))
                ),
                "due_date": mission.report_due,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("missions", "0011_traveller_to_person"), ("cases", "0007_clocks")]
    run_before = [("cases", "0008_due_dates_to_clocks")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
