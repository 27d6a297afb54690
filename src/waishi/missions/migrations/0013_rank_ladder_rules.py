"""The missions' rules follow the rank ladder of a prefecture-level city.

Rules written for a rank are re-keyed (each row keeps its id, value, dates and citation, so
recorded verdicts still name it); where one former rank now spans two levels, the row for
the principal level keeps the id and a copy serves the deputy level:

| former rank | new rank(s) |
|---|---|
| city_leader ("city Party or government heads ≤ 1 trip a year") | principal_leader (主要负责人) |
| bureau_level (厅局级: "≤ 1 trip in 2 years") | zheng_ting 正厅级, and a copy for fu_ting 副厅级 |
| division_level | zheng_chu 正处级, and a copy for fu_chu 副处级 |
"""

from django.db import migrations

AREA = "missions"
RENAME = {
    "city_leader": ("principal_leader", None),
    "bureau_level": ("zheng_ting", "fu_ting"),
    "division_level": ("zheng_chu", "fu_chu"),
}
COPIED = (
    "code",
    "jurisdiction",
    "area_code",
    "value",
    "unit",
    "severity",
    "effective_from",
    "effective_to",
    "citation",
    "active",
    "created_by_id",
)


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("cases", "Rule")
    for old, (principal, deputy) in RENAME.items():
        for row in Rule.objects.filter(area=AREA, rank=old).order_by("pk"):
            row.rank = principal
            row.save(update_fields=["rank"])
            if deputy:
                Rule.objects.create(area=AREA, rank=deputy, **{f: getattr(row, f) for f in COPIED})


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("cases", "Rule")
    for old, (principal, deputy) in RENAME.items():
        if deputy:
            Rule.objects.filter(area=AREA, rank=deputy, supersedes__isnull=True).delete()
        Rule.objects.filter(area=AREA, rank=principal).update(rank=old)


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0012_report_clock"),
        ("registers", "0007_rank_ladder"),
    ]

    operations = [migrations.RunPython(forward, backward)]
