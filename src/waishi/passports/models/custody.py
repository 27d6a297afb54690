"""Custody: hand-outs for missions and returns, reminders.

The custody rules' numbers are rows of the kernel's ``cases.Rule`` (area ``passports``).
An agency's suspension after unheeded reminders is the kernel's ``cases.Suspension``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..constants import HandOutOutcome


class HandOut(models.Model):
    """A document signed out of custody for an approved mission, and its return."""

    document = models.ForeignKey(
        "passports.TravelDocument",
        on_delete=models.PROTECT,
        related_name="hand_outs",
        verbose_name=_("document"),
    )
    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.PROTECT,
        related_name="passport_hand_outs",
        verbose_name=_("mission"),
    )
    # The agency answering for the return: the one that filed the mission.
    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="passport_hand_outs",
        verbose_name=_("agency"),
    )
    receipt_number = models.CharField(_("receipt number"), max_length=30, unique=True)
    handed_to = models.CharField(_("signed out to"), max_length=60)
    handed_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handed out by"),
    )
    handed_out_at = models.DateTimeField(_("handed out at"))
    due_date = models.DateField(_("due back on"))
    due_rule = models.ForeignKey(
        "cases.Rule",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rule applied"),
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=HandOutOutcome.choices, blank=True
    )
    returned_by = models.CharField(_("returned by"), max_length=60, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("received by"),
    )
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_on = models.DateField(_("last reminder on"), null=True, blank=True)

    class Meta:
        verbose_name = _("hand-out")
        verbose_name_plural = _("hand-outs")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["closed_on", "due_date", "id"], name="passports_handout_open"),
            models.Index(
                fields=["agency", "closed_on", "due_date"], name="passports_handout_agency"
            ),
            models.Index(fields=["document", "-handed_out_at"], name="passports_handout_doc"),
        ]
        constraints = [
            # A document is out for one mission at a time.
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(closed_on__isnull=True),
                name="passports_handout_one_open",
            )
        ]

    def __str__(self) -> str:
        return self.receipt_number

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class CustodyReminder(models.Model):
    """One reminder sent for a document not returned (in-app and e-mail to the agency)."""

    hand_out = models.ForeignKey(
        HandOut, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("hand-out")
    )
    number = models.PositiveSmallIntegerField(_("reminder number"))
    sent_on = models.DateField(_("sent on"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("custody reminder")
        verbose_name_plural = _("custody reminders")
        ordering = ["hand_out", "number"]
        constraints = [
            models.UniqueConstraint(fields=["hand_out", "number"], name="passports_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.hand_out} #{self.number}"
