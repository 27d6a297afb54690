"""Holders barred from official travel, e.g. after losing an official passport."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TravelBar(models.Model):
    """The Passport & Visa Division's decision that a holder may not travel on official
    business, until a date or until the bar is lifted.

    Mission reviewers see a bar in force on the departure day as a block
    (``checks.check_mission_documents``); documents are not handed out while it is in force.
    """

    holder = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="travel_bars",
        verbose_name=_("holder"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    until = models.DateField(
        _("barred until"),
        null=True,
        blank=True,
        help_text=_("The last day of the bar; empty: until it is lifted."),
    )
    loss_report = models.ForeignKey(
        "passports.LossReport",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="travel_bars",
        verbose_name=_("loss report"),
    )
    barred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("barred by"),
    )
    barred_at = models.DateTimeField(_("barred at"))
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lifted by"),
    )
    lift_reason = models.CharField(_("reason for lifting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bar from official travel")
        verbose_name_plural = _("bars from official travel")
        ordering = ["-barred_at", "-id"]
        indexes = [
            models.Index(fields=["holder", "lifted_at"], name="passports_bar_holder"),
            models.Index(fields=["lifted_at", "-barred_at"], name="passports_bar_open"),
        ]

    def __str__(self) -> str:
        return f"{self.holder}: {self.reason}"

    def in_force_on(self, day: datetime.date) -> bool:
        return self.lifted_at is None and (self.until is None or self.until >= day)


def in_force_on(day: datetime.date) -> Q:
    """Bars not lifted whose last day is not before ``day``."""
    return Q(lifted_at__isnull=True) & (Q(until__isnull=True) | Q(until__gte=day))
