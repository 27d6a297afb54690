import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Delegation members are people of the register; ``Traveller`` leaves the missions app.

    Only the models' picture changes (the table is now ``registers.Person``'s, renamed in
    ``registers/0004``); every id, and so every member, holder and audit record, stays.
    """

    dependencies = [
        ("missions", "0010_rules_to_kernel"),
        ("passports", "0007_holder_is_person"),
        ("registers", "0003_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="missionmember",
                    name="traveller",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="registers.person",
                        verbose_name="traveller",
                    ),
                ),
                migrations.DeleteModel(name="Traveller"),
            ],
            database_operations=[],
        ),
    ]
