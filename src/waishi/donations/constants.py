"""Names and choices of donations from overseas Chinese and compatriots (侨捐).

Sources: 公益事业捐赠法 (1999, "DL"); 广东省华侨捐赠兴办公益事业管理条例 (in force 2024-09-01,
"GDD"); 广东省华侨权益保护条例 art. 28–30 ("GDQ"); Guangzhou's 2010 rules ("GZD").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Stored in Case.case_type and the reference prefix: JZ-2026-00001 (捐赠), XM (项目).
DONATION_TYPE = "JZ"
PROJECT_TYPE = "JX"
# The division owning donation cases: Overseas Chinese Affairs (responsibility e).
DIVISION = "overseas-chinese"
RULE_AREA = "donations"

# Clocks (codes of the case types' ClockSpecs).
FILING_CLOCK = "filing"
CONFIRMATION_CLOCK = "confirmation"
USE_REPORT_CLOCK = "use_report"

# Kinds of official document (the kernel's numbered PDFs).
DONATION_CERTIFICATE = "donations.certificate"
CONFIRMATION_CERTIFICATE = "donations.confirmation"

# The currency every amount is valued in.
RMB = "CNY"


class RuleCode(models.TextChoices):
    CERTIFICATE_THRESHOLD = "certificate_threshold", _("Donation certificate from (RMB)")
    FILING_DAYS = "filing_days", _("Days for the donee to file a donation")
    CONFIRMATION_MONTHS = (
        "confirmation_months",
        _("Months after completion to apply for confirmation"),
    )
    USE_REPORT_MONTHS = "use_report_months", _("Months between use reports of a project")


class DonorType(models.TextChoices):
    """Who may give under the provincial rules (GDD art. 2); Zhaoqing adds compatriots."""

    OVERSEAS_CHINESE = "overseas_chinese", _("Overseas Chinese (华侨)")
    ASSOCIATION = "association", _("Overseas Chinese association (华侨团体)")
    ENTERPRISE = "enterprise", _("Overseas Chinese-invested enterprise (华侨投资企业)")
    HK_MACAO = "hk_macao", _("Hong Kong or Macao compatriot")
    OTHER = "other", _("Other donor")


# Donor types that are organisations (kept in the organisations register); the others are
# natural persons (the people register).
ORGANISATION_DONORS = frozenset({DonorType.ASSOCIATION, DonorType.ENTERPRISE})


class DoneeKind(models.TextChoices):
    CHARITY = "charity", _("Public-welfare organisation or charity")
    INSTITUTION = "institution", _("Non-profit public institution")
    VILLAGE = "village", _("Village committee")
    RESIDENTS = "residents", _("Residents' committee")
    GOVERNMENT = "government", _("Government department")
    OTHER = "other", _("Other donee")


class Purpose(models.TextChoices):
    """The public-welfare purposes of the provincial rules (GDD art. 3)."""

    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health and medical care")
    CULTURE = "culture", _("Culture, sport and heritage")
    RELIEF = "relief", _("Poverty and disaster relief, care of the old and disabled")
    INFRASTRUCTURE = "infrastructure", _("Roads, bridges, water and public facilities")
    SCIENCE = "science", _("Science and technology")
    OTHER = "other", _("Other public welfare")


class GiftForm(models.TextChoices):
    MONEY = "money", _("Money")
    GOODS = "goods", _("Goods")


class FlagKind(models.TextChoices):
    """What a misuse flag reports to the discipline inspector."""

    MISUSE = "misuse", _("Funds or property used otherwise than agreed")
    LATE_FILING = "late_filing", _("Donation filed late")
    LATE_CONFIRMATION = "late_confirmation", _("Confirmation applied for late")
    NO_USE_REPORT = "no_use_report", _("Yearly use report missing")


class NamingStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for the government")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class ChangeStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
