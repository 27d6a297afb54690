"""The holiday calendar as data: each year's notice and its holidays and make-up working days.

The years the ``chinese_calendar`` package knows (2004 to 2026) are seeded from it as official:
the package carries each year's State Council notice as published, but names no notice
numbers, so the number is left empty and the note says where the days came from.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# chinese_calendar's English holiday names -> our festival codes (core.models.Festival).
FESTIVALS = {
    "New Year's Day": "new_year",
    "Spring Festival": "spring_festival",
    "Tomb-sweeping Day": "qingming",
    "Labour Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-autumn Festival": "mid_autumn",
    "National Day": "national_day",
    "Anti-Fascist 70th Day": "victory_anniversary",
}
NOTE = "seeded from the published calendar"


def seed(apps, schema_editor):
    """Enter every year chinese_calendar knows that has no notice yet (safe to run again)."""
    import chinese_calendar

    notice_model = apps.get_model("core", "HolidayNotice")
    day_model = apps.get_model("core", "CalendarDay")
    by_year = {}
    for kind, days in (
        ("holiday", chinese_calendar.holidays),
        ("workday", chinese_calendar.workdays),
    ):
        for date, name in days.items():
            by_year.setdefault(date.year, []).append((date, kind, FESTIVALS[name]))
    present = set(notice_model.objects.values_list("year", flat=True))
    for year, days in sorted(by_year.items()):
        if year in present:
            continue
        notice = notice_model.objects.create(year=year, status="official", note=NOTE)
        day_model.objects.bulk_create(
            day_model(date=date, kind=kind, festival=festival, notice=notice)
            for date, kind, festival in sorted(days)
        )


def unseed(apps, schema_editor):
    apps.get_model("core", "HolidayNotice").objects.filter(note=NOTE, entered_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_task_leases"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HolidayNotice",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(unique=True, verbose_name="year")),
                (
                    "number",
                    models.CharField(blank=True, max_length=64, verbose_name="notice number"),
                ),
                (
                    "title",
                    models.CharField(blank=True, max_length=200, verbose_name="notice title"),
                ),
                (
                    "published_on",
                    models.DateField(blank=True, null=True, verbose_name="publication date"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("official", "Official"), ("provisional", "Provisional")],
                        default="official",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=200, verbose_name="note")),
                (
                    "entered_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="entered at"
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, verbose_name="version")),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
            ],
            options={
                "verbose_name": "holiday notice",
                "verbose_name_plural": "holiday notices",
                "ordering": ["-year"],
            },
        ),
        migrations.CreateModel(
            name="CalendarDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(unique=True, verbose_name="date")),
                (
                    "kind",
                    models.CharField(
                        choices=[("holiday", "Public holiday"), ("workday", "Make-up working day")],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "festival",
                    models.CharField(
                        choices=[
                            ("new_year", "New Year's Day"),
                            ("spring_festival", "Spring Festival"),
                            ("qingming", "Qingming Festival"),
                            ("labour_day", "Labour Day"),
                            ("dragon_boat", "Dragon Boat Festival"),
                            ("mid_autumn", "Mid-Autumn Festival"),
                            ("national_day", "National Day"),
                            ("victory_anniversary", "Victory Day anniversary"),
                        ],
                        max_length=32,
                        verbose_name="festival",
                    ),
                ),
                (
                    "notice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="days",
                        to="core.holidaynotice",
                        verbose_name="notice",
                    ),
                ),
            ],
            options={
                "verbose_name": "calendar day",
                "verbose_name_plural": "calendar days",
                "ordering": ["date"],
            },
        ),
        migrations.RunPython(seed, unseed),
    ]
