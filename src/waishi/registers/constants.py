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
    """The civil-service level of a public servant (职级), as the rules on official travel use it.

    In a prefecture-level city such as Zhaoqing the city leaders (mayor, vice mayors,
    members of the Party standing committee) are 厅级 — the mayor 正厅级, a vice mayor
    副厅级 — and the heads of city bureaus are 正处级. Whether someone heads the city Party
    committee or government (主要负责人) is a separate flag, ``Person.is_principal_leader``.
    """

    ZHENG_TING = "zheng_ting", _("Department level, principal (正厅级)")
    FU_TING = "fu_ting", _("Department level, deputy (副厅级)")
    ZHENG_CHU = "zheng_chu", _("Division level, principal (正处级)")
    FU_CHU = "fu_chu", _("Division level, deputy (副处级)")
    KE_AND_BELOW = "ke_and_below", _("Section level and below (科级及以下)")
    OTHER = "other", _("Other staff (其他人员)")


# The ranks of the 厅级 (department level): in a prefecture-level city, the city leaders.
TING_RANKS = frozenset({Rank.ZHENG_TING, Rank.FU_TING})
# Most senior first: which member's rank selects a delegation's rules.
RANK_ORDER = (
    Rank.ZHENG_TING,
    Rank.FU_TING,
    Rank.ZHENG_CHU,
    Rank.FU_CHU,
    Rank.KE_AND_BELOW,
    Rank.OTHER,
)


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
    PETITIONER = "petitioner", _("Petitioner (rights-protection complaint)")
