"""Choices of the shared registers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
