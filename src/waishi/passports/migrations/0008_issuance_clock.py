"""The processing target of requests being processed becomes the ``issuance`` clock."""

import datetime

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    IssuanceRequest = apps.get_model("passports", "IssuanceRequest")
    Clock = apps.get_model("cases", "Clock")
    rows = IssuanceRequest.objects.filter(
        case__is_open=True, case__status="processing", case__due_date__isnull=False
    ).select_related("case")
    for request in rows.iterator():
        started = request.submitted_on or request.case.created_at.date()
        due = request.case.due_date
        Clock.objects.get_or_create(
            case_id=request.case_id,
            code="issuance",
            defaults={
                "owner": "bureau",
                "unit": "working_days",
                "started_at": timezone.make_aware(
                    datetime.datetime.combine(started, datetime.time(0, 0))
                ),
                "due_at": timezone.make_aware(
                    datetime.datetime.combine(due, datetime.time(23, 59, 59))
                ),
                "due_date": due,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("passports", "0007_holder_is_person"), ("cases", "0007_clocks")]
    run_before = [("cases", "0008_due_dates_to_clocks")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
