from django.db import migrations


def write_names(apps, schema_editor):
    from waishi.missions.names import rebuild_case_names

    rebuild_case_names(apps)


class Migration(migrations.Migration):
    """Names the delegation members in their cases (``cases.CaseName``) for the name search."""

    dependencies = [
        ("cases", "0003_case_names"),
        ("missions", "0008_traveller_name_like_index"),
    ]

    operations = [migrations.RunPython(write_names, migrations.RunPython.noop, elidable=True)]
