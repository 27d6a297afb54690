"""Organisations beyond the city's agencies: foreign governments, embassies, companies…"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel
from waishi.core.validators import validate_web_address

from ..constants import OrganisationKind
from .countries import Country


class Organisation(TimeStampedModel):
    """A body the bureau deals with that is not one of the city's agencies."""

    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    name_zh = models.CharField(_("name in Chinese"), max_length=200, db_index=True)
    name_original = models.CharField(_("name in the original language"), max_length=300, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("country or region"),
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        help_text=_("Chinese organisations only: 18 characters (GB 32100-2015)."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_web_address])
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["name_zh", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~models.Q(credit_code=""),
                name="registers_organisation_unique_credit_code",
            )
        ]

    def __str__(self) -> str:
        return self.name_zh
