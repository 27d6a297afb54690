"""Names and choices of the Honorary Citizen of Zhaoqing award (荣誉市民)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Stored in Case.case_type and the reference prefix: RY-2026-00001 (荣誉).
CASE_TYPE = "RY"
# The rules engine's area (``cases.Rule.area``).
RULE_AREA = "honours"
# The overseas Chinese side of the bureau keeps the award (responsibility f of its page) and
# edits its rules; nominations of foreigners go to the foreign-affairs side.
OVERSEAS_DIVISION = "overseas-chinese"
FOREIGN_DIVISION = "external-contact"
# The official document kind of the certificate (``waishi.cases.documents``).
CERTIFICATE_KIND = "honours.cert"


class NomineeType(models.TextChoices):
    OVERSEAS_CHINESE = "overseas_chinese", _("Overseas Chinese")
    HONG_KONG = "hong_kong", _("Hong Kong compatriot")
    MACAO = "macao", _("Macao compatriot")
    TAIWAN = "taiwan", _("Taiwan compatriot")
    FOREIGN = "foreign", _("Foreign national")


# Routing by the nominee (DOMAIN.md, "Honorary citizens"): the overseas Chinese side takes
# overseas Chinese and compatriots of Hong Kong, Macao and Taiwan; the foreign-affairs side
# takes foreigners. Taiwan compatriots are also referred to the city's Taiwan office.
ROUTING = {
    NomineeType.OVERSEAS_CHINESE: OVERSEAS_DIVISION,
    NomineeType.HONG_KONG: OVERSEAS_DIVISION,
    NomineeType.MACAO: OVERSEAS_DIVISION,
    NomineeType.TAIWAN: OVERSEAS_DIVISION,
    NomineeType.FOREIGN: FOREIGN_DIVISION,
}
TAIWAN_OFFICE = _("Taiwan Affairs Office of the Zhaoqing Municipal People's Government")


class Criterion(models.TextChoices):
    ECONOMY = "economy", _("Economic development (investment, trade)")
    SCIENCE_CULTURE = "science_culture", _("Science, education and culture")
    PHILANTHROPY = "philanthropy", _("Philanthropy and donations")
    GREATER_BAY = "greater_bay", _("Hong Kong and Macao cooperation, the Greater Bay Area")
    OPENING_UP = "opening_up", _("Opening-up and sister cities")


class NominatedBy(models.TextChoices):
    UNIT = "unit", _("Nominated by a unit")
    SELF = "self", _("Self-nomination")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Call open")
    CLOSED = "closed", _("Call closed")
    NOTICE = "notice", _("Public notice")
    DECIDED = "decided", _("Decided")


class CitizenStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")
    ENDED = "ended", _("Ended at the holder's request")
    DECEASED = "deceased", _("Deceased")


class ExclusionGround(models.TextChoices):
    """Why a title is refused or revoked (Zhuhai's exclusions; Ningbo: by the same body)."""

    FRAUD = "fraud", _("Fraud in the nomination or the holder's conduct")
    SOCIAL_HARM = "social_harm", _("Conduct causing serious social harm")
    SAFETY_INCIDENT = "safety_incident", _("Serious safety, pollution or labour incident")
    IGNORED_RULING = "ignored_ruling", _("Refusal to carry out a court or arbitration ruling")
    CRIMINAL = "criminal", _("Criminal punishment")
    HARM_TO_CITY = "harm_to_city", _("Acts damaging the city's or the country's interests")


class CheckBody(models.TextChoices):
    """The departments that verify a nominee (Shenzhen; Zibo: within 30 days)."""

    POLICE = "police", _("Public security bureau")
    MARKET = "market", _("Market regulation administration")
    TAX = "tax", _("Tax bureau")
    CUSTOMS = "customs", _("Customs")


CHECK_BODY_NAMES = {
    CheckBody.POLICE: _("Zhaoqing Municipal Public Security Bureau"),
    CheckBody.MARKET: _("Zhaoqing Administration for Market Regulation"),
    CheckBody.TAX: _("Zhaoqing Municipal Tax Service"),
    CheckBody.CUSTOMS: _("Zhaoqing Customs"),
}
CITY_GOVERNMENT = _("Zhaoqing Municipal People's Government")
STANDING_COMMITTEE = _("Standing Committee of the Zhaoqing Municipal People's Congress")


class RuleCode(models.TextChoices):
    ROUND_INTERVAL = "round_interval_years", _("Years between rounds")
    CHECK_DAYS = "check_days", _("Days the departments have to verify a nominee")
    NOTICE_DAYS = "notice_days", _("Days of the public notice")
    MOTION_LEAD_DAYS = (
        "motion_lead_days",
        _("Days the motion must reach the standing committee before its session"),
    )
    MONEY_THRESHOLDS = "money_thresholds", _("Money thresholds of the criteria (RMB)")
    CERTIFICATE_SIGNER = "certificate_signer", _("Who signs the certificate")
