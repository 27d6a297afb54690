import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Holders are people of the register (``registers.Person``), the same rows as before.

    Only the models' picture changes: the columns keep pointing at the same table, which
    ``registers/0004`` renames afterwards (the database carries the references along).
    """

    dependencies = [
        ("passports", "0006_locks_to_standing"),
        ("registers", "0003_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="holderflag",
                    name="holder",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="passport_flags",
                        to="registers.person",
                        verbose_name="holder",
                    ),
                ),
                migrations.AlterField(
                    model_name="issuanceitem",
                    name="holder",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="registers.person",
                        verbose_name="holder",
                    ),
                ),
                migrations.AlterField(
                    model_name="travelbar",
                    name="holder",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="travel_bars",
                        to="registers.person",
                        verbose_name="holder",
                    ),
                ),
                migrations.AlterField(
                    model_name="traveldocument",
                    name="holder",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="travel_documents",
                        to="registers.person",
                        verbose_name="holder",
                    ),
                ),
                migrations.AlterField(
                    model_name="visaapplication",
                    name="holder",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="visa_applications",
                        to="registers.person",
                        verbose_name="member",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
