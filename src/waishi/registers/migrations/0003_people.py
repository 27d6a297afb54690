import django.db.models.deletion
from django.db import migrations, models

import waishi.core.pii
import waishi.core.pinyin
import waishi.core.validators


class Migration(migrations.Migration):
    """Missions' travellers become the register's people, keeping every row and id.

    Only the project's picture of the models changes here: ``registers.Person`` takes over the
    table ``missions_traveller`` as it is. The foreign keys that point at it are moved over in
    ``missions/0010`` and ``passports/0005``, and ``registers/0004`` then renames the table and
    adds the register's new columns — in that order, so that at every step the table has the
    name the models expect (SQLite rebuilds tables by name).
    """

    dependencies = [
        ("accounts", "0001_initial"),
        ("missions", "0010_rules_to_kernel"),
        ("registers", "0002_countries_organisations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Person",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created at"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                        ("name", models.CharField(max_length=60, verbose_name="name")),
                        (
                            "sex",
                            models.CharField(
                                choices=[("male", "Male"), ("female", "Female")],
                                max_length=10,
                                verbose_name="sex",
                            ),
                        ),
                        ("date_of_birth", models.DateField(verbose_name="date of birth")),
                        (
                            "id_number",
                            waishi.core.pii.EncryptedTextField(
                                blank=True,
                                kind="id",
                                validators=[waishi.core.validators.validate_resident_id],
                                verbose_name="resident ID number",
                            ),
                        ),
                        (
                            "id_number_index",
                            waishi.core.pii.BlindIndexField(
                                source="id_number", verbose_name="search digest"
                            ),
                        ),
                        ("post", models.CharField(max_length=100, verbose_name="post")),
                        (
                            "rank",
                            models.CharField(
                                choices=[
                                    ("city_leader", "City Party or government head"),
                                    ("bureau_level", "Bureau-level official"),
                                    ("division_level", "Division-level official"),
                                    ("other", "Other staff"),
                                ],
                                default="other",
                                max_length=20,
                                verbose_name="rank",
                            ),
                        ),
                        (
                            "passport_name",
                            models.CharField(
                                help_text=(
                                    'Surname first, capital letters, for example "ZHANG, XIAOLONG".'
                                ),
                                max_length=100,
                                validators=[waishi.core.pinyin.validate_passport_name],
                                verbose_name="name in passport",
                            ),
                        ),
                        (
                            "is_agency_leader",
                            models.BooleanField(
                                default=False,
                                help_text=(
                                    "Members of one agency's leadership should not travel in "
                                    "the same delegation."
                                ),
                                verbose_name="member of the agency's leadership",
                            ),
                        ),
                        (
                            "is_academic",
                            models.BooleanField(
                                default=False,
                                help_text=(
                                    "Teaching and research staff on academic exchange are "
                                    "exempt from the limits on delegation size, days abroad "
                                    "and trip frequency."
                                ),
                                verbose_name="teaching or research staff",
                            ),
                        ),
                        ("is_active", models.BooleanField(default=True, verbose_name="active")),
                        (
                            "agency",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="people",
                                to="accounts.agency",
                                verbose_name="agency",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "person",
                        "verbose_name_plural": "people",
                        "ordering": ["agency", "name", "id"],
                        "db_table": "missions_traveller",
                        "indexes": [
                            models.Index(
                                fields=["agency", "name"], name="missions_traveller_agency"
                            ),
                            models.Index(fields=["name"], name="missions_traveller_name"),
                            models.Index(
                                fields=["name"],
                                name="missions_traveller_name_like",
                                opclasses=["varchar_pattern_ops"],
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
