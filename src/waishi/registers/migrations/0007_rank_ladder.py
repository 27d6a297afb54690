"""The rank ladder of a prefecture-level city, and the principal-leader flag.

The former ranks were one step too high for a prefecture-level city (its bureau heads were
"bureau-level"). The people already registered move by this mapping (docs/registers.md), the
post's 副 ("deputy") telling the deputy level where the old rank did not:

| former rank | post | new rank | principal leader |
|---|---|---|---|
| city_leader (city Party or government head) | with 副 (vice mayor) | fu_ting 副厅级 | no |
| city_leader | otherwise (mayor, Party secretary) | zheng_ting 正厅级 | yes |
| bureau_level (heads of city bureaus) | with 副 | fu_chu 副处级 | no |
| bureau_level | otherwise | zheng_chu 正处级 | no |
| division_level | with 科 or 办公室 (section chiefs, office heads) | ke_and_below 科级及以下 | no |
| division_level (heads of county governments) | with 副 | fu_chu 副处级 | no |
| division_level | otherwise | zheng_chu 正处级 | no |
| other | any | other 其他人员 | no |
"""

from django.db import migrations, models

FORWARD = {
    "city_leader": ("zheng_ting", "fu_ting"),
    "bureau_level": ("zheng_chu", "fu_chu"),
    "division_level": ("zheng_chu", "fu_chu"),
}
BACKWARD = {
    "zheng_ting": "city_leader",
    "fu_ting": "city_leader",
    "zheng_chu": "bureau_level",
    "fu_chu": "bureau_level",
    "ke_and_below": "division_level",
}


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Person = apps.get_model("registers", "Person")
    for old, (principal, deputy) in FORWARD.items():
        rows = Person.objects.filter(rank=old)
        if old == "division_level":
            sections = rows.filter(post__contains="科") | rows.filter(post__contains="办公室")
            sections.update(rank="ke_and_below")
        rows.filter(post__contains="副").update(rank=deputy)
        if old == "city_leader":
            rows.update(rank=principal, is_principal_leader=True)
        else:
            rows.update(rank=principal)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Person = apps.get_model("registers", "Person")
    for new, old in BACKWARD.items():
        Person.objects.filter(rank=new).update(rank=old)


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0006_link_validators"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="is_principal_leader",
            field=models.BooleanField(
                default=False,
                help_text="Head of the city Party committee or of the city government.",
                verbose_name="principal leader (主要负责人)",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="rank",
            field=models.CharField(
                choices=[
                    ("zheng_ting", "Department level, principal (正厅级)"),
                    ("fu_ting", "Department level, deputy (副厅级)"),
                    ("zheng_chu", "Division level, principal (正处级)"),
                    ("fu_chu", "Division level, deputy (副处级)"),
                    ("ke_and_below", "Section level and below (科级及以下)"),
                    ("other", "Other staff (其他人员)"),
                ],
                default="other",
                max_length=20,
                verbose_name="rank",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
