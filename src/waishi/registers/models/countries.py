"""Countries and regions (ISO 3166-1) and the groups rules refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TranslatedMixin

from ..constants import GroupKind


class CountryGroup(TranslatedMixin, models.Model):
    """A set of countries a rule names: a world region, the EU, the Schengen area, ASEAN…"""

    code = models.SlugField(_("code"), max_length=32, primary_key=True)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=100)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=GroupKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0, db_index=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("group of countries")
        verbose_name_plural = _("groups of countries")

    def __str__(self) -> str:
        return self.name


class Country(TranslatedMixin, models.Model):
    """A country or region with its ISO 3166-1 codes and its official names.

    The alpha-2 code is the key, so every area stores plain codes ("DE", "HK") and the
    register can be re-seeded without changing what refers to it.
    """

    code = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric code"), max_length=3, unique=True)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=100)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    groups = models.ManyToManyField(
        CountryGroup, blank=True, related_name="countries", verbose_name=_("groups")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, db_index=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("country or region")
        verbose_name_plural = _("countries and regions")

    def __str__(self) -> str:
        return self.name
