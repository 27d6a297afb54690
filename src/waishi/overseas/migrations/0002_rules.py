"""The seeded rules of overseas Chinese affairs (see ``waishi.overseas.rule_data``)."""

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    from waishi.overseas.rule_data import seed

    seed(apps.get_model("cases", "Rule"))


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("cases", "Rule").objects.filter(area="overseas").delete()


class Migration(migrations.Migration):
    dependencies = [("overseas", "0001_initial"), ("cases", "0009_suspension_businesses")]

    operations = [migrations.RunPython(forward, backward)]
