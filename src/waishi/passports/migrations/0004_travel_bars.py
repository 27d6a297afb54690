"""Bars from official travel become their own table (``TravelBar``, with an end date, who
barred and who lifted). Flags that barred their holder become bars in force."""

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_flags(apps: Any, schema_editor: Any) -> None:
    Flag = apps.get_model("passports", "HolderFlag")
    Bar = apps.get_model("passports", "TravelBar")
    Bar.objects.bulk_create(
        Bar(
            holder_id=flag.holder_id,
            reason=flag.reason,
            loss_report_id=flag.loss_report_id,
            barred_at=flag.created_at,
        )
        for flag in Flag.objects.filter(bars_travel=True, is_active=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0003_missions"),
        ("passports", "0003_document_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TravelBar",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.CharField(max_length=300, verbose_name="reason")),
                (
                    "until",
                    models.DateField(
                        blank=True,
                        help_text="The last day of the bar; empty: until it is lifted.",
                        null=True,
                        verbose_name="barred until",
                    ),
                ),
                ("barred_at", models.DateTimeField(verbose_name="barred at")),
                (
                    "lifted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="lifted at"),
                ),
                (
                    "lift_reason",
                    models.CharField(blank=True, max_length=300, verbose_name="reason for lifting"),
                ),
                (
                    "barred_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="barred by",
                    ),
                ),
                (
                    "holder",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="travel_bars",
                        to="missions.traveller",
                        verbose_name="holder",
                    ),
                ),
                (
                    "lifted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="lifted by",
                    ),
                ),
                (
                    "loss_report",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="travel_bars",
                        to="passports.lossreport",
                        verbose_name="loss report",
                    ),
                ),
            ],
            options={
                "verbose_name": "bar from official travel",
                "verbose_name_plural": "bars from official travel",
                "ordering": ["-barred_at", "-id"],
                "indexes": [
                    models.Index(fields=["holder", "lifted_at"], name="passports_bar_holder"),
                    models.Index(fields=["lifted_at", "-barred_at"], name="passports_bar_open"),
                ],
            },
        ),
        migrations.RunPython(copy_flags, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="holderflag",
            name="bars_travel",
        ),
    ]
