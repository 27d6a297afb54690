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


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Rank(models.TextChoices):
    """The rank of a public servant, as far as the rules on official travel distinguish ranks."""

    CITY_LEADER = "city_leader", _("City Party or government head")
    BUREAU_LEVEL = "bureau_level", _("Bureau-level official")
    DIVISION_LEVEL = "division_level", _("Division-level official")
    OTHER = "other", _("Other staff")


class PersonKind(models.TextChoices):
    """Why the bureau deals with a person; one person may be of several kinds.

    Areas that start dealing with a new kind of person add it here (and to
    ``docs/registers.md``); the register stores the codes, so adding one needs no migration.
    """

    TRAVELLER = "traveller", _("Traveller on official missions")
    FOREIGN_GUEST = "foreign_guest", _("Foreign guest")
    OVERSEAS_CHINESE = "overseas_chinese", _("Overseas Chinese")
    DONOR = "donor", _("Donor")
    NOMINEE = "nominee", _("Nominee for an honour")
    DETAINEE = "detainee", _("Person detained abroad or in the city")
