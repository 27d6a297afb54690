"""The register's history: every change of a document's status, on the day it took effect."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import DocumentEventKind, DocumentStatus


class DocumentEvent(models.Model):
    """One change of a document's place or state: registered, handed out, returned, lost…

    The register as it stood on any past day is, for each document, the status of its last
    event on or before that day (events of one day in the order they were recorded). The
    quarterly report for the province is read from here, so the figures of a quarter that
    has ended do not change when later events are recorded. Rows are only ever added.
    """

    document = models.ForeignKey(
        "passports.TravelDocument",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("document"),
    )
    kind = models.CharField(_("event"), max_length=20, choices=DocumentEventKind.choices)
    status = models.CharField(
        _("status from that day"), max_length=20, choices=DocumentStatus.choices
    )
    on_date = models.DateField(_("date"))
    hand_out = models.ForeignKey(
        "passports.HandOut",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("hand-out"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document history entry")
        verbose_name_plural = _("document history")
        ordering = ["document", "on_date", "id"]
        indexes = [
            models.Index(fields=["document", "-on_date", "-id"], name="passports_event_doc"),
            models.Index(fields=["on_date"], name="passports_event_day"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.on_date} {self.get_kind_display()}"
