"""The rules of donations (see ``waishi.donations.rule_data``)."""

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    from waishi.donations.rule_data import seed

    seed(apps.get_model("cases", "Rule"))


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("cases", "Rule").objects.filter(area="donations").delete()


class Migration(migrations.Migration):
    dependencies = [("donations", "0001_initial"), ("cases", "0010_alter_case_agency")]

    operations = [migrations.RunPython(forward, backward)]
