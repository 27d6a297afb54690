"""Passports' agency locks become suspensions of the kernel's agency standing.

Every lock, open or past, is copied to ``cases.Suspension`` with the source
``passports.overdue_custody``, the rule's citation copied as text, and the kinds of business
the lock stopped (mission applications CG and passport requests HZ); then the lock table is
dropped. The reverse copies the source's suspensions back into a recreated lock table.
"""

import datetime

from django.db import migrations

SOURCE = "passports.overdue_custody"
KINDS = ["CG", "HZ"]
LIFT_REASON = "Every overdue document is back in custody."


def locks_to_suspensions(apps, schema_editor):
    AgencyLock = apps.get_model("passports", "AgencyLock")
    Suspension = apps.get_model("cases", "Suspension")
    for lock in AgencyLock.objects.select_related("rule").order_by("locked_at", "id"):
        Suspension.objects.create(
            agency_id=lock.agency_id,
            case_types=KINDS,
            reasons=lock.reason,
            rule_citation=lock.rule.citation if lock.rule_id else "",
            rule_code=lock.rule.code if lock.rule_id else "reminders_before_lock",
            source=SOURCE,
            imposed_at=lock.locked_at,
            imposed_by_label="sweep_custody",
            lifted_at=lock.unlocked_at,
            lift_reason=LIFT_REASON if lock.unlocked_at else "",
        )


def suspensions_to_locks(apps, schema_editor):
    AgencyLock = apps.get_model("passports", "AgencyLock")
    Rule = apps.get_model("cases", "Rule")
    Suspension = apps.get_model("cases", "Suspension")
    rows = Suspension.objects.filter(source=SOURCE).order_by("imposed_at", "id")
    for row in rows:
        rule = Rule.objects.filter(area="passports", citation=row.rule_citation).first()
        lock = AgencyLock.objects.create(
            agency_id=row.agency_id,
            locked_on=(row.imposed_at + datetime.timedelta(hours=8)).date(),
            reason=row.reasons,
            rule=rule,
            unlocked_at=row.lifted_at,
        )
        # ``locked_at`` is set on creation; keep the suspension's time.
        AgencyLock.objects.filter(pk=lock.pk).update(locked_at=row.imposed_at)
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("passports", "0005_rules_to_kernel"),
        ("cases", "0006_standing"),
    ]

    operations = [
        migrations.RunPython(locks_to_suspensions, suspensions_to_locks),
        migrations.RemoveIndex(
            model_name="agencylock",
            name="passports_lock_open",
        ),
        migrations.RemoveConstraint(
            model_name="agencylock",
            name="passports_lock_one_active",
        ),
        migrations.DeleteModel(
            name="AgencyLock",
        ),
    ]
