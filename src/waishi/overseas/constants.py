"""Names and choices of overseas Chinese affairs (侨务): standings, relations, purposes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The Division of Overseas Chinese Affairs (侨务科) owns the register and both case types.
DIVISION = "overseas-chinese"
RULE_AREA = "overseas"
# 归侨/侨眷身份证明书 (身份) and 华侨回国定居证 (定居): the reference prefixes.
IDENTITY_CASE_TYPE = "QS"
SETTLEMENT_CASE_TYPE = "DJ"

# Clocks of the two case types.
PROCESSING_CLOCK = "decision"
MATERIAL_CLOCK = "material"
RECONSIDERATION_CLOCK = "reconsideration"

# The year the statistics split leaving China at (reform and opening: 1979-01-01).
LEAVING_SPLIT_YEAR = 1979

# The county-level units of the city (the eight counties and districts and two zones):
# (agency code of the county government, Simplified name, English name). The demo adds the
# two zones where the organisation has none yet.
COUNTY_UNITS = [
    ("duanzhou", "端州区", "Duanzhou District"),
    ("dinghu", "鼎湖区", "Dinghu District"),
    ("gaoyao", "高要区", "Gaoyao District"),
    ("sihui", "四会市", "Sihui City"),
    ("guangning", "广宁县", "Guangning County"),
    ("deqing", "德庆县", "Deqing County"),
    ("fengkai", "封开县", "Fengkai County"),
    ("huaiji", "怀集县", "Huaiji County"),
    ("gaoxin", "肇庆高新区", "Zhaoqing Hi-tech Zone"),
    ("xinqu", "肇庆新区", "Zhaoqing New Area"),
]


class Category(models.TextChoices):
    """A person's overseas-Chinese standing (LAW art. 2; IMP art. 2; GDQ art. 34)."""

    HUAQIAO = "huaqiao", _("Overseas Chinese (华侨)")
    GUIQIAO = "guiqiao", _("Returned overseas Chinese (归侨)")
    QIAOJUAN = "qiaojuan", _("Relative of overseas Chinese (侨眷)")
    QIAOSHU = "qiaoshu", _("Collateral relative, survey only (侨属)")
    HUAREN = "huaren", _("Foreign citizen of Chinese origin (外籍华人)")
    HKMO = "hkmo", _("Hong Kong or Macao compatriot")
    HKMO_RELATIVE = "hkmo_relative", _("Mainland relative of a Hong Kong or Macao compatriot")


# The standings a 侨眷 may be related to (LAW art. 2: "华侨、归侨在国内的眷属").
PRINCIPAL_CATEGORIES = frozenset({Category.HUAQIAO, Category.GUIQIAO})
# Standings that name another person in the register.
RELATIVE_CATEGORIES = frozenset({Category.QIAOJUAN, Category.QIAOSHU, Category.HKMO_RELATIVE})
# Standings an identity certificate confirms.
CERTIFIED_CATEGORIES = frozenset({Category.GUIQIAO, Category.QIAOJUAN})


class Relation(models.TextChoices):
    """The legal list of 侨眷 relations (LAW art. 2; IMP art. 2)."""

    SPOUSE = "spouse", _("Spouse")
    PARENT = "parent", _("Parent")
    CHILD = "child", _("Child")
    CHILD_SPOUSE = "child_spouse", _("Spouse of a child")
    SIBLING = "sibling", _("Brother or sister")
    GRANDPARENT = "grandparent", _("Paternal grandparent")
    MATERNAL_GRANDPARENT = "maternal_grandparent", _("Maternal grandparent")
    GRANDCHILD = "grandchild", _("Son's child")
    DAUGHTERS_CHILD = "daughters_child", _("Daughter's child")
    LONG_TERM_SUPPORT = "long_term_support", _("Other relative in long-term support")
    # Only for 侨属 (survey only): collateral relatives within three generations.
    COLLATERAL = "collateral", _("Collateral relative within three generations")


# The relations that make a 侨眷 (everything but the survey-only collateral one).
LEGAL_RELATIONS = frozenset(Relation.values) - {Relation.COLLATERAL}
# Relations that end with a divorce (the marriage is the tie).
MARRIAGE_RELATIONS = frozenset({Relation.SPOUSE, Relation.CHILD_SPOUSE})


class ResidenceBasis(models.TextChoices):
    """How a 华侨 is settled abroad (State Council interpretation of LAW art. 2)."""

    PERMANENT = "permanent", _("Permanent or long-term residence right, 2 years abroad")
    LEGAL_RESIDENCE = "legal_residence", _("Continuous legal residence of 5 years")


class EndReason(models.TextChoices):
    DIVORCE = "divorce", _("Divorce")
    SUPPORT_ENDED = "support_ended", _("End of the support relation")
    RETURNED = "returned", _("Came back to settle (now a returned overseas Chinese)")
    NATURALISED = "naturalised", _("Took a foreign nationality")
    CORRECTION = "correction", _("Corrected entry")
    OTHER = "other", _("Other")


class Purpose(models.TextChoices):
    """What an identity certificate is for (the Guangdong list)."""

    RETURN_SETTLEMENT = "return_settlement", _("Rights on return and settlement")
    POLITICAL = "political", _("Political participation")
    ASSOCIATIONS = "associations", _("Overseas Chinese associations")
    ENTERPRISE_DONATION = "enterprise_donation", _("Enterprises and donations")
    WELFARE_HOUSING = "welfare_housing", _("Welfare and housing")
    SCHOOL_ADMISSION = "school_admission", _("School admission preference")
    FAMILY_VISIT = "family_visit", _("Exit to visit family abroad")
    EMPLOYMENT = "employment", _("Employment and social insurance")
    OTHER = "other", _("Other")


class OrganisationCategory(models.TextChoices):
    ASSOCIATION = "association", _("Overseas Chinese association")
    QIAOZI = "qiaozi", _("Overseas-Chinese-funded enterprise (侨资企业)")
    HKMO_FUNDED = "hkmo_funded", _("Hong Kong or Macao-funded enterprise")


class SurveyStatus(models.TextChoices):
    ENTERED = "entered", _("Entered")
    VERIFIED = "verified", _("Verified")


class Decider(models.TextChoices):
    COUNTY = "county", _("County-level office of the household registration place")
    CITY = "city", _("The city bureau")
