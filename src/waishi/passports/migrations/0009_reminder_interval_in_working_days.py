"""Custody reminders are spaced in working days: a new version of ``reminder_interval``.

Each version in force whose value is calendar days is ended yesterday and followed, from
today, by a version with the same number of working days and the same citation, so an
agency is never suspended after a holiday it could not act in. Older versions stay as they
were (suspensions already imposed keep pointing at the versions they used).
"""

import datetime

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Rule = apps.get_model("cases", "Rule")
    today = timezone.localdate()
    rows = Rule.objects.filter(area="passports", code="reminder_interval", active=True)
    for rule in rows.filter(effective_from__lte=today).exclude(effective_to__lt=today):
        if "days" not in rule.value or "workdays" in rule.value:
            continue
        fields = {
            f.name: getattr(rule, f.name)
            for f in Rule._meta.concrete_fields
            if f.name not in ("id", "created_at", "updated_at")
        }
        if rule.effective_from == today:
            rule.value = {"workdays": int(rule.value["days"])}
            rule.unit = "working_days"
            rule.save(update_fields=["value", "unit"])
            continue
        rule.effective_to = today - datetime.timedelta(days=1)
        rule.save(update_fields=["effective_to"])
        fields.update(
            value={"workdays": int(rule.value["days"])},
            unit="working_days",
            effective_from=today,
        )
        Rule.objects.create(**fields)


class Migration(migrations.Migration):
    dependencies = [("passports", "0008_issuance_clock")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
