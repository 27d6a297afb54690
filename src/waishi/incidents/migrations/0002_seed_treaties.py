"""The consular treaty table as first entered (sources: docs/incidents.md).

A copy of ``waishi.incidents.treaties.TREATIES`` as it stood: later changes to the table
are new rows, entered by data migrations of their own.
"""

import datetime

from django.db import migrations

ROWS = [
    # country, notify within, unit, regardless, visit within, death sentence, escalate after,
    # in force from, source, confidence
    (
        "",
        None,
        "days",
        False,
        None,
        "",
        3,
        "1979-08-01",
        "VCCR art. 36(1)(b); escalation after 3 days: bureau practice, to confirm",
        "L",
    ),
    (
        "US",
        4,
        "days",
        False,
        None,
        "",
        None,
        "1982-02-19",
        "China–US Consular Convention 1980, art. 35",
        "H",
    ),
    (
        "JP",
        4,
        "days",
        True,
        None,
        "",
        None,
        "2010-02-16",
        "China–Japan Consular Agreement 2008",
        "H",
    ),
    (
        "KR",
        4,
        "days",
        True,
        4,
        "immediately",
        None,
        "2015-04-12",
        "China–ROK Consular Agreement 2014",
        "H",
    ),
    (
        "PH",
        4,
        "days",
        True,
        None,
        "",
        None,
        "2013-07-13",
        "China–Philippines Consular Agreement, art. 13(1)",
        "H",
    ),
    (
        "AU",
        3,
        "days",
        False,
        None,
        "",
        None,
        "2000-09-15",
        "China–Australia consular agreement (72 hours unless the national asks otherwise)",
        "M",
    ),
]


def seed(apps, schema_editor):
    Treaty = apps.get_model("incidents", "ConsularTreaty")
    for row in ROWS:
        country, within, unit, regardless, visit, death, escalate, since, source, conf = row
        Treaty.objects.get_or_create(
            country=country,
            effective_from=datetime.date.fromisoformat(since),
            defaults={
                "notify_within": within,
                "unit": unit,
                "regardless_of_request": regardless,
                "visit_within": visit,
                "death_sentence_notice": death,
                "escalate_after": escalate,
                "source": source,
                "confidence": conf,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("incidents", "ConsularTreaty").objects.filter(incidents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
