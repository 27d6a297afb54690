"""Move the custody rules into the kernel's ``cases.Rule`` (area "passports").

Hand-outs (``due_rule``) and agency locks (``rule``) keep pointing at the version they used:
the foreign keys move to the kernel's table with each version's id mapped (a version keeps its
id where that id is free there; the missions' rules move first and keep theirs).
"""

import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models

AREA = "passports"
UNITS = {
    "return_days": "days",
    "reminder_interval": "working_days",
    "reminders_before_lock": "times",
    "expiry_margin": "months",
    "hk_macao_stay": "days",
    "issuance_days": "working_days",
}
FIELDS = (
    "code",
    "jurisdiction",
    "area_code",
    "value",
    "severity",
    "effective_from",
    "effective_to",
    "citation",
    "active",
)


def _reset_sequence(schema_editor, model):  # type: ignore[no-untyped-def]
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


def _immediate_checks(schema_editor):  # type: ignore[no-untyped-def]
    # PostgreSQL checks foreign keys at commit; check them now so the schema changes that
    # follow in this migration's transaction do not meet pending trigger events.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _bureau_codes(apps):  # type: ignore[no-untyped-def]
    Bureau = apps.get_model("accounts", "Bureau")
    city = Bureau.objects.values_list("area_code", flat=True).first() or ""
    return (city[:2] + "0000", city) if len(city) == 6 else ("", "")


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Old = apps.get_model("passports", "CustodyRule")
    Kernel = apps.get_model("cases", "Rule")
    HandOut = apps.get_model("passports", "HandOut")
    AgencyLock = apps.get_model("passports", "AgencyLock")
    province, city = _bureau_codes(apps)
    rows = list(Old.objects.order_by("pk"))
    taken = set(Kernel.objects.values_list("pk", flat=True))

    def fields(row):  # type: ignore[no-untyped-def]
        values = {f: getattr(row, f) for f in FIELDS}
        # A local custody rule could be kept without its area; name the bureau's, as it
        # was applied.
        if values["jurisdiction"] == "province" and not values["area_code"]:
            values["area_code"] = province
        if values["jurisdiction"] == "city" and not values["area_code"]:
            values["area_code"] = city
        return {"area": AREA, "unit": UNITS.get(row.code, ""), **values}

    kept = [r for r in rows if r.pk not in taken]
    Kernel.objects.bulk_create([Kernel(pk=r.pk, **fields(r)) for r in kept])
    mapping = {r.pk: r.pk for r in kept}
    _reset_sequence(schema_editor, Kernel)
    for r in rows:
        if r.pk not in mapping:
            mapping[r.pk] = Kernel.objects.create(**fields(r)).pk
    for r in rows:
        Kernel.objects.filter(pk=mapping[r.pk]).update(
            created_at=r.created_at, updated_at=r.updated_at
        )
    for old, new in mapping.items():
        HandOut.objects.filter(due_rule_id=old).update(due_rule_kernel_id=new)
        AgencyLock.objects.filter(rule_id=old).update(rule_kernel_id=new)
    _immediate_checks(schema_editor)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Old = apps.get_model("passports", "CustodyRule")
    Kernel = apps.get_model("cases", "Rule")
    HandOut = apps.get_model("passports", "HandOut")
    AgencyLock = apps.get_model("passports", "AgencyLock")
    rows = list(Kernel.objects.filter(area=AREA).order_by("pk"))
    Old.objects.bulk_create([Old(pk=r.pk, **{f: getattr(r, f) for f in FIELDS}) for r in rows])
    _reset_sequence(schema_editor, Old)
    for r in rows:
        Old.objects.filter(pk=r.pk).update(created_at=r.created_at, updated_at=r.updated_at)
        HandOut.objects.filter(due_rule_kernel_id=r.pk).update(due_rule_id=r.pk)
        AgencyLock.objects.filter(rule_kernel_id=r.pk).update(rule_id=r.pk)
    HandOut.objects.update(due_rule_kernel=None)
    AgencyLock.objects.update(rule_kernel=None)
    Kernel.objects.filter(area=AREA).update(supersedes=None)
    Kernel.objects.filter(area=AREA).delete()
    _immediate_checks(schema_editor)


def kernel_rule() -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="cases.rule",
        verbose_name="rule applied",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("cases", "0005_rules"),
        ("missions", "0010_rules_to_kernel"),
        ("passports", "0004_travel_bars"),
    ]

    operations = [
        migrations.AddField(model_name="handout", name="due_rule_kernel", field=kernel_rule()),
        migrations.AddField(model_name="agencylock", name="rule_kernel", field=kernel_rule()),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="handout", name="due_rule"),
        migrations.RemoveField(model_name="agencylock", name="rule"),
        migrations.RenameField(
            model_name="handout", old_name="due_rule_kernel", new_name="due_rule"
        ),
        migrations.RenameField(model_name="agencylock", old_name="rule_kernel", new_name="rule"),
        migrations.DeleteModel(name="CustodyRule"),
    ]
