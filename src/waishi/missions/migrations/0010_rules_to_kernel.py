"""Move the missions' rule versions into the kernel's ``cases.Rule`` (area "missions").

A version keeps its id where the kernel's table does not hold that id yet, so the rule
versions recorded in verdicts (``Verdict.violations[].rule_version_id``) and overrides
(``Override.rule_version_id``) keep naming what they applied. Where an id is taken (another
area's rules moved first), the version gets a new id and those records are rewritten here.
"""

from django.core.management.color import no_style
from django.db import migrations

AREA = "missions"
UNITS = {
    "delegation_size": "people",
    "country_count": "countries",
    "days_abroad": "days",
    "agency_leaders": "people",
    "trip_frequency": "trips",
    "disclosure": "working_days",
    "lead_time": "days",
    "trip_report": "days",
    "budget_caps": "currency",
}
FIELDS = (
    "code",
    "jurisdiction",
    "area_code",
    "rank",
    "value",
    "severity",
    "effective_from",
    "effective_to",
    "citation",
    "active",
    "created_by_id",
)


def copy_rules(source, target, schema_editor, *, area, units, keep_ids=True):  # type: ignore[no-untyped-def]
    """Copy every row of ``source`` into ``target``; return {old id: new id}."""
    rows = list(source.objects.order_by("pk"))
    taken = set(target.objects.values_list("pk", flat=True))
    mapping = {}
    kept = [r for r in rows if keep_ids and r.pk not in taken]
    target.objects.bulk_create(
        [
            target(
                pk=r.pk, area=area, unit=units.get(r.code, ""), **{f: getattr(r, f) for f in FIELDS}
            )
            for r in kept
        ]
    )
    mapping.update({r.pk: r.pk for r in kept})
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [target]):
            cursor.execute(sql)
    for r in rows:
        if r.pk not in mapping:
            new = target.objects.create(
                area=area, unit=units.get(r.code, ""), **{f: getattr(r, f) for f in FIELDS}
            )
            mapping[r.pk] = new.pk
    for r in rows:
        target.objects.filter(pk=mapping[r.pk]).update(
            supersedes_id=mapping.get(r.supersedes_id) if r.supersedes_id else None,
            created_at=r.created_at,
            updated_at=r.updated_at,
        )
    return mapping


def rewrite_pointers(apps, mapping):  # type: ignore[no-untyped-def]
    """Point verdicts and overrides at the versions' ids in their new table."""
    moved = {old: new for old, new in mapping.items() if old != new}
    if not moved:
        return
    Verdict = apps.get_model("missions", "Verdict")
    Override = apps.get_model("missions", "Override")
    for verdict in Verdict.objects.exclude(violations=[]).iterator():
        changed = False
        for violation in verdict.violations:
            if violation.get("rule_version_id") in moved:
                violation["rule_version_id"] = moved[violation["rule_version_id"]]
                changed = True
        if changed:
            Verdict.objects.filter(pk=verdict.pk).update(violations=verdict.violations)
    # Row by row, so that two moved ids never swap into each other.
    for override in list(Override.objects.filter(rule_version_id__in=list(moved))):
        Override.objects.filter(pk=override.pk).update(
            rule_version_id=moved[override.rule_version_id]
        )


def immediate_checks(schema_editor):  # type: ignore[no-untyped-def]
    # PostgreSQL checks foreign keys at commit; check them now so the schema changes that
    # follow in this migration's transaction do not meet pending trigger events.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    mapping = copy_rules(
        apps.get_model("missions", "Rule"),
        apps.get_model("cases", "Rule"),
        schema_editor,
        area=AREA,
        units=UNITS,
    )
    rewrite_pointers(apps, mapping)
    immediate_checks(schema_editor)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Kernel = apps.get_model("cases", "Rule")
    Old = apps.get_model("missions", "Rule")
    rows = list(Kernel.objects.filter(area=AREA).order_by("pk"))
    Old.objects.bulk_create([Old(pk=r.pk, **{f: getattr(r, f) for f in FIELDS}) for r in rows])
    for r in rows:
        Old.objects.filter(pk=r.pk).update(
            supersedes_id=r.supersedes_id, created_at=r.created_at, updated_at=r.updated_at
        )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Old]):
            cursor.execute(sql)
    Kernel.objects.filter(area=AREA).update(supersedes=None)
    Kernel.objects.filter(area=AREA).delete()
    immediate_checks(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_rules"),
        ("missions", "0009_case_names"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="Rule"),
    ]
