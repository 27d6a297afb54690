"""The register's history (``DocumentEvent``), backfilled from what the register already holds.

Each document gets its registration (on the day it was entered), every hand-out and its
return or loss, visa trips (sent, back), the loss report, and its cancellation or expiry on
the day its status last changed. Where the rebuilt history does not end in the document's
present status, a last entry (kind "recorded") puts it right, so the history and the
register agree from the start.
"""

import datetime
from collections import defaultdict
from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

BATCH = 1000
# Order of events recorded on the same day.
RANK = {
    "registered": 0,
    "handed_out": 1,
    "sent_for_visa": 1,
    "returned": 2,
    "back_from_visa": 2,
    "lost": 3,
    "expired": 4,
    "cancelled": 5,
}


def _day(value: datetime.datetime) -> datetime.date:
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def _history(document: Any, outs: list[Any], visas: list[Any], loss: Any) -> list[tuple]:
    registered = _day(document.created_at)
    first = "expired" if document.expiry_date < registered else "in_custody"
    events: list[tuple] = [(registered, "registered", first, None)]
    lost_on_hand_out = False
    for out in outs:
        events.append((_day(out.handed_out_at), "handed_out", "out", out.pk))
        if out.closed_on is None:
            continue
        if out.outcome == "lost":
            lost_on_hand_out = True
            events.append((out.closed_on, "lost", "lost", out.pk))
        else:
            back = "expired" if document.expiry_date < out.closed_on else "in_custody"
            events.append((out.closed_on, "returned", back, out.pk))
    for visa in visas:
        if visa.sent_on:
            events.append((visa.sent_on, "sent_for_visa", "at_visa", None))
        if visa.passport_back_on:
            events.append((visa.passport_back_on, "back_from_visa", "in_custody", None))
    if loss is not None and not lost_on_hand_out:
        events.append((_day(loss.reported_at), "lost", "lost", None))
    if document.status in ("cancelled", "expired"):
        events.append((document.status_changed_on, document.status, document.status, None))
    events.sort(key=lambda e: (e[0], RANK[e[1]]))
    # Nothing before the registration; days never go backwards.
    ordered, day = [], registered
    for on, kind, status, hand_out in events:
        day = max(day, on)
        ordered.append((day, kind, status, hand_out))
    if ordered[-1][2] != document.status:
        on = max(day, document.status_changed_on or day)
        ordered.append((on, "recorded", document.status, None))
    return ordered


def backfill(apps: Any, schema_editor: Any) -> None:
    Document = apps.get_model("passports", "TravelDocument")
    Event = apps.get_model("passports", "DocumentEvent")
    HandOut = apps.get_model("passports", "HandOut")
    Visa = apps.get_model("passports", "VisaApplication")
    Loss = apps.get_model("passports", "LossReport")
    last_id = 0
    while True:
        documents = list(Document.objects.filter(pk__gt=last_id).order_by("pk")[:BATCH])
        if not documents:
            return
        last_id = documents[-1].pk
        ids = [d.pk for d in documents]
        outs: dict[int, list[Any]] = defaultdict(list)
        for out in HandOut.objects.filter(document_id__in=ids).order_by("handed_out_at", "pk"):
            outs[out.document_id].append(out)
        visas: dict[int, list[Any]] = defaultdict(list)
        for visa in Visa.objects.filter(document_id__in=ids).order_by("pk"):
            visas[visa.document_id].append(visa)
        losses = {loss.document_id: loss for loss in Loss.objects.filter(document_id__in=ids)}
        rows = []
        for document in documents:
            for on, kind, status, hand_out in _history(
                document, outs[document.pk], visas[document.pk], losses.get(document.pk)
            ):
                rows.append(
                    Event(
                        document_id=document.pk,
                        kind=kind,
                        status=status,
                        on_date=on,
                        hand_out_id=hand_out,
                    )
                )
        Event.objects.bulk_create(rows, batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("passports", "0002_seed_rules_and_visas"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DocumentEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("registered", "Registered"),
                            ("handed_out", "Handed out"),
                            ("returned", "Returned"),
                            ("sent_for_visa", "Sent for a visa"),
                            ("back_from_visa", "Back from the visa desk"),
                            ("lost", "Reported lost"),
                            ("cancelled", "Cancelled"),
                            ("expired", "Expired"),
                            ("recorded", "Recorded from earlier data"),
                        ],
                        max_length=20,
                        verbose_name="event",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("in_custody", "In custody"),
                            ("out", "Out for a mission"),
                            ("at_visa", "With the bureau for a visa"),
                            ("lost", "Lost"),
                            ("cancelled", "Cancelled"),
                            ("expired", "Expired"),
                        ],
                        max_length=20,
                        verbose_name="status from that day",
                    ),
                ),
                ("on_date", models.DateField(verbose_name="date")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="recorded at")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="passports.traveldocument",
                        verbose_name="document",
                    ),
                ),
                (
                    "hand_out",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="passports.handout",
                        verbose_name="hand-out",
                    ),
                ),
            ],
            options={
                "verbose_name": "document history entry",
                "verbose_name_plural": "document history",
                "ordering": ["document", "on_date", "id"],
                "indexes": [
                    models.Index(
                        fields=["document", "-on_date", "-id"], name="passports_event_doc"
                    ),
                    models.Index(fields=["on_date"], name="passports_event_day"),
                ],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
