"""The clocks of the 信访工作条例 as rule data (see ``waishi.petitions.rule_data``)."""

from django.db import migrations


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    from waishi.petitions.rule_data import seed

    seed(apps.get_model("cases", "Rule"))


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("cases", "Rule").objects.filter(area="petitions").delete()


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial"), ("cases", "0009_suspension_businesses")]

    operations = [migrations.RunPython(forward, backward)]
