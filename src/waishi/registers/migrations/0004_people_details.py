import django.db.models.deletion
from django.db import migrations, models

import waishi.core.pii
import waishi.core.pinyin
import waishi.registers.models.people


class Migration(migrations.Migration):
    """The people's table takes the register's name and gains the register's own columns.

    Runs after every foreign key to the table has been moved over to ``registers.Person``
    (``missions/0010``, ``passports/0005``); both databases carry those references along when
    the table is renamed. Every existing person is a traveller of an agency.
    """

    dependencies = [
        ("accounts", "0001_initial"),
        ("missions", "0011_traveller_to_person"),
        ("passports", "0007_holder_is_person"),
        ("registers", "0003_people"),
    ]

    operations = [
        migrations.AlterModelTable(name="person", table=None),
        migrations.RenameIndex(
            model_name="person",
            new_name="registers_person_agency",
            old_name="missions_traveller_agency",
        ),
        migrations.RenameIndex(
            model_name="person",
            new_name="registers_person_name",
            old_name="missions_traveller_name",
        ),
        migrations.RenameIndex(
            model_name="person",
            new_name="registers_person_name_like",
            old_name="missions_traveller_name_like",
        ),
        migrations.AddField(
            model_name="person",
            name="address",
            field=waishi.core.pii.EncryptedTextField(blank=True, verbose_name="address"),
        ),
        migrations.AddField(
            model_name="person",
            name="email",
            field=waishi.core.pii.EncryptedTextField(blank=True, verbose_name="e-mail address"),
        ),
        migrations.AddField(
            model_name="person",
            name="foreign_names",
            field=models.CharField(
                blank=True,
                help_text="The name as the person writes it in their own language, if not Chinese.",
                max_length=200,
                verbose_name="names in other languages",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="kinds",
            field=models.CharField(
                default="traveller",
                help_text="Why the bureau deals with the person; comma-separated codes.",
                max_length=200,
                validators=[waishi.registers.models.people.validate_person_kinds],
                verbose_name="kinds",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="nationalities",
            field=models.CharField(
                blank=True,
                default="CN",
                help_text="Two-letter ISO codes, comma-separated, for example CN or US,CA.",
                max_length=60,
                validators=[waishi.registers.models.people.validate_country_codes],
                verbose_name="nationalities",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="organisation_name",
            field=models.CharField(
                blank=True,
                help_text="For people outside the city's agencies: where they work or what they lead.",
                max_length=200,
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="passport_number",
            field=waishi.core.pii.EncryptedTextField(
                blank=True,
                help_text="For people without a document in the bureau's passport register.",
                kind="passport",
                verbose_name="passport number",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="passport_number_index",
            field=waishi.core.pii.BlindIndexField(
                source="passport_number", verbose_name="search digest"
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="phone",
            field=waishi.core.pii.EncryptedTextField(
                blank=True, kind="phone", verbose_name="phone number"
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="agency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="people",
                to="accounts.agency",
                verbose_name="agency",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="passport_name",
            field=models.CharField(
                blank=True,
                help_text='Surname first, capital letters, for example "ZHANG, XIAOLONG".',
                max_length=100,
                validators=[waishi.core.pinyin.validate_passport_name],
                verbose_name="name in passport",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="post",
            field=models.CharField(blank=True, max_length=100, verbose_name="post"),
        ),
    ]
