"""Issuance requests: the detail of a ``cases.Case`` of type HZ, and one item per document."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import kind_choices


class IssuanceRequest(models.Model):
    """An agency's request for official documents for the members of an approved mission."""

    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="issuance_request",
        verbose_name=_("case"),
    )
    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.PROTECT,
        related_name="issuance_requests",
        verbose_name=_("mission"),
    )
    submitted_on = models.DateField(_("materials complete on"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)

    class Meta:
        verbose_name = _("issuance request")
        verbose_name_plural = _("issuance requests")

    def __str__(self) -> str:
        return str(self.case)


class IssuanceItem(models.Model):
    """One document asked for one member; an old one nearly expired is surrendered with it."""

    request = models.ForeignKey(
        IssuanceRequest, on_delete=models.CASCADE, related_name="items", verbose_name=_("request")
    )
    holder = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("holder"),
    )
    kind = models.CharField(_("kind of document"), max_length=30, choices=kind_choices())
    surrendered = models.ForeignKey(
        "passports.TravelDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("old document surrendered for cancellation"),
    )
    issued = models.ForeignKey(
        "passports.TravelDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document issued"),
    )

    class Meta:
        verbose_name = _("requested document")
        verbose_name_plural = _("requested documents")
        ordering = ["request", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "holder", "kind"], name="passports_item_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.holder} · {self.get_kind_display()}"
