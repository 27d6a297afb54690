"""The default days to rectify after an inspection (see ``waishi.supervision.rule_data``)."""

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    from waishi.supervision.rule_data import seed

    seed(apps.get_model("cases", "Rule"))


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("cases", "Rule").objects.filter(area="supervision").delete()


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial"), ("cases", "0009_suspension_businesses")]

    operations = [migrations.RunPython(forward, backward)]
