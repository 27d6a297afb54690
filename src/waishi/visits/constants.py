"""Choices of the visits area: case types, guests' rank classes, hosting classes, rule codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Case types (reference numbers JD-2026-00001, LP-2026-00001).
VISIT_CASE_TYPE = "JD"
GIFT_CASE_TYPE = "LP"
# The External Contact Division receives foreign visitors and keeps the gift register.
DIVISION = "external-contact"
RULE_AREA = "visits"
# The clock of a received gift's declaration (礼品申报单 and hand-in), owned by the agency.
DECLARATION_CLOCK = "declaration"
# The external step of inviting diplomats accredited in China (province and MFA approve).
DIPLOMAT_STEP = "diplomat_invitation"


class RankClass(models.TextChoices):
    """A foreign guest's rank class, as the reception cost standards key their caps."""

    HEAD_OF_STATE = "head_of_state", _("Head of state or government")
    VICE_PRESIDENT = "vice_president", _("Vice-president, deputy prime minister or speaker")
    MINISTER = "minister", _("Minister or vice-minister")
    DIRECTOR = "director", _("Director-general (司局级) and below")
    OTHER = "other", _("Other guest")


# From the most to the least senior; the head of delegation's class selects delegation-wide rules.
RANK_ORDER = (
    RankClass.HEAD_OF_STATE,
    RankClass.VICE_PRESIDENT,
    RankClass.MINISTER,
    RankClass.DIRECTOR,
    RankClass.OTHER,
)


class HostingClass(models.TextChoices):
    """Who pays for the guests (REC art. 6: 全部招待 / 部分招待 / 外宾自理)."""

    FULL = "full", _("Fully hosted")
    PARTIAL = "partial", _("Partly hosted")
    SELF_PAYING = "self_paying", _("Guests pay their own way")


class HostRank(models.TextChoices):
    """The rank of the Chinese host of a banquet, which sets the banquet's cap."""

    MINISTER = "minister", _("Minister or vice-minister")
    TING_OR_BELOW = "ting_or_below", _("Bureau level (厅局级) or below")


class ItemKind(models.TextChoices):
    """What a schedule item of the reception plan is."""

    MEETING = "meeting", _("Meeting or talks")
    BANQUET = "banquet", _("Banquet")
    VISIT = "visit", _("Site visit")
    TRAVEL = "travel", _("Travel")
    OTHER = "other", _("Other activity")


class BanquetFormat(models.TextChoices):
    """The format of a banquet; buffets, cocktails and tea parties have their own caps."""

    SEATED = "seated", _("Seated banquet")
    BUFFET = "buffet", _("Buffet")
    COCKTAIL = "cocktail", _("Cocktail reception")
    TEA = "tea", _("Tea party")


class GiftKind(models.TextChoices):
    """What a received gift is; cash and securities are never kept (GIFT art. 7)."""

    GOODS = "goods", _("Goods")
    CASH = "cash", _("Cash")
    SECURITIES = "securities", _("Securities or payment vouchers")


class RuleCode(models.TextChoices):
    """The checks a visit and a gift go through. Their numbers live in ``cases.Rule`` rows."""

    HOSTED_DAYS = "hosted_days", _("Hosted days without a reciprocity agreement")
    BANQUETS = "banquets_per_visit", _("Banquets per visit")
    BANQUET_COST = "banquet_cost", _("Banquet cost per person")
    MEALS = "meals_per_day", _("Meals per person per day")
    LODGING = "lodging_stars", _("Hotel class for lodging")
    GIFT_VALUE = "gift_value", _("Value of a gift to guests")
    GIFTS_PER_VISIT = "gifts_per_visit", _("Gifts to the head of delegation per visit")
    LEADER_APPROVAL = "leader_approval_days", _("City leader's approval ahead of an item")
    DIPLOMAT_LEAD = "diplomat_lead_time", _("Lead time for inviting accredited diplomats")
    DECLARATION_THRESHOLD = "declaration_threshold", _("Value of a received gift to declare")
    DECLARATION_MONTHS = "declaration_months", _("Time to declare and hand in a received gift")
