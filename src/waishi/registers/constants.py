"""Choices of the shared registers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    """A world region (one per country) or a bloc (a country may belong to several)."""

    REGION = "region", _("World region")
    BLOC = "bloc", _("Group of countries")


class OrganisationKind(models.TextChoices):
    FOREIGN_GOVERNMENT = "foreign_government", _("Foreign government")
    FOREIGN_CITY = "foreign_city", _("Foreign city or local government")
    EMBASSY = "embassy", _("Embassy")
    CONSULATE = "consulate", _("Consulate")
    INTERNATIONAL = "international", _("International organisation")
    OVERSEAS_CHINESE_ASSOCIATION = "overseas_chinese", _("Overseas Chinese association")
    COMPANY = "company", _("Company")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER = "other", _("Other")


# China in the register; organisations there may carry a unified social credit code.
CHINA = "CN"
