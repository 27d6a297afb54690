"""Choices of the missions area: rule codes, jurisdictions, ranks, severities, inviters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# One definition of jurisdictions and severities for every area: the kernel's.
from waishi.cases.constants import (  # noqa: F401
    JURISDICTION_SPECIFICITY,
    Jurisdiction,
    Severity,
)

# The people register's choices, used by the rules on missions (ranks) and their forms.
from waishi.registers.constants import RANK_ORDER as RANK_ORDER
from waishi.registers.constants import TING_RANKS as TING_RANKS
from waishi.registers.constants import Rank as Rank
from waishi.registers.constants import Sex as Sex

# The rules' rank for heads of the city Party committee or government (主要负责人, the flag
# ``Person.is_principal_leader``): a rule written for it applies to them before their level.
PRINCIPAL_LEADER = "principal_leader"
RULE_RANKS = (*Rank.choices, (PRINCIPAL_LEADER, _("Principal leader (主要负责人)")))
# The clock of the trip report, started on the day of return (``cases.clocks``).
REPORT_CLOCK = "trip_report"


class RuleCode(models.TextChoices):
    """The checks a mission application goes through. Their numbers live in ``cases.Rule`` rows."""

    DELEGATION_SIZE = "delegation_size", _("Delegation size")
    COUNTRY_COUNT = "country_count", _("Countries and regions per trip")
    DAYS_ABROAD = "days_abroad", _("Days abroad")
    OFFICIAL_ACTIVITY = "official_activity", _("Share of substantive official activity")
    TOURIST_SITES = "tourist_sites", _("No tourist sites in the itinerary")
    INVITATION = "invitation", _("Inviting organisation")
    AGENCY_LEADERS = "agency_leaders", _("Leaders of one agency in the same delegation")
    TRIP_FREQUENCY = "trip_frequency", _("Trip frequency")
    DISCLOSURE = "disclosure", _("Pre-departure disclosure")
    LEAD_TIME = "lead_time", _("Application lead time")
    TRIP_REPORT = "trip_report", _("Trip report and post-return disclosure")
    BUDGET_CAPS = "budget_caps", _("Budget caps per person per day")


class InviterKind(models.TextChoices):
    """Who sent the invitation. Only a foreign counterpart body is an acceptable inviter."""

    COUNTERPART = "counterpart", _("Foreign counterpart body")
    OVERSEAS_CHINESE = "overseas_chinese", _("Overseas Chinese person or organisation")
    FOREIGN_BODY_IN_CHINA = "foreign_body_in_china", _("Foreign body based in China")
    INTERMEDIARY = "intermediary", _("Intermediary agency")


class Region(models.TextChoices):
    """World regions, as far as the rules treat them differently (extra day for some)."""

    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    AFRICA = "africa", _("Africa")
    NORTH_AMERICA = "north_america", _("North America")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    OCEANIA = "oceania", _("Oceania")


class HalfDay(models.TextChoices):
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")


class ActivityKind(models.TextChoices):
    """What a half-day of the itinerary is spent on."""

    OFFICIAL = "official", _("Official activity")
    TRAVEL = "travel", _("Travel")
    REST = "rest", _("Rest")
    TOURIST_SITE = "tourist_site", _("Visit to a tourist site")


class BudgetCategory(models.TextChoices):
    INTERNATIONAL_FARES = "international_fares", _("International fares")
    LOCAL_TRANSPORT = "local_transport", _("Local transport")
    LODGING = "lodging", _("Lodging")
    MEALS = "meals", _("Meals")
    INCIDENTALS = "incidentals", _("Incidentals")
    OTHER = "other", _("Other costs")


# Categories whose per person per day amount is capped by the budget standards.
CAPPED_CATEGORIES = (BudgetCategory.LODGING, BudgetCategory.MEALS, BudgetCategory.INCIDENTALS)


class ProvinceDecision(models.TextChoices):
    APPROVED = "approved", _("Approved by the province")
    REFUSED = "refused", _("Refused by the province")


# The stable name of the mission case type (reference numbers CG-2026-00001).
CASE_TYPE = "CG"
MISSION_DIVISION = "mission-admin"
# The area the missions' rules are kept under in the kernel's rules engine.
RULE_AREA = "missions"
