from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0007_approval_document_drawn_later"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="traveller",
            index=models.Index(
                fields=["name"],
                name="missions_traveller_name_like",
                opclasses=["varchar_pattern_ops"],
            ),
        ),
    ]
