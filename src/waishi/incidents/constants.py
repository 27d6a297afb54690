"""Names and choices of foreign-related incidents and deaths (涉外案件)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Stored in Case.case_type and the reference prefix: SW-2026-00001 (涉外).
CASE_TYPE = "SW"
# The division owning these cases: the External Contact Division, whose duties on the
# bureau's page include "coordinated handling of foreign-related matters" (responsibility b).
CONSULAR_DIVISION = "external-contact"

# Clocks (codes of the case type's ClockSpecs).
POLICE_REPORT_CLOCK = "police_report"
NOTIFICATION_CLOCK = "consular_notification"
DEATH_NOTICE_CLOCK = "death_notice"
VISIT_CLOCK = "consular_visit"

# The body that notifies consulates: the provincial police (CPR art. 368), not the bureau.
PROVINCIAL_POLICE = _("Guangdong Provincial Public Security Department")


class IncidentKind(models.TextChoices):
    CRIMINAL = "criminal", _("Criminal compulsory measure")
    ADMINISTRATIVE = "administrative", _("Administrative detention")
    CIVIL = "civil", _("Civil case")
    DEATH = "death", _("Death")
    ACCIDENT = "accident", _("Accident")
    JOURNALIST = "journalist", _("Journalist matter")


# Kinds where a foreign national's liberty is restricted: the treaty clock runs (CPR art.
# 366–368, APR art. 254–255, VCCR art. 36).
DETENTION_KINDS = frozenset({IncidentKind.CRIMINAL, IncidentKind.ADMINISTRATIVE})
# Kinds the bureau only records; they close without a notification.
RECORD_ONLY_KINDS = frozenset({IncidentKind.CIVIL, IncidentKind.ACCIDENT, IncidentKind.JOURNALIST})


class NoticeSource(models.TextChoices):
    POLICE = "police", _("Police")
    HOSPITAL = "hospital", _("Hospital")
    HOTEL = "hotel", _("Hotel")
    HOST_UNIT = "host_unit", _("Host unit")
    OTHER = "other", _("Other")


class TreatyUnit(models.TextChoices):
    DAYS = "days", _("calendar days")
    HOURS = "hours", _("hours")


class Confidence(models.TextChoices):
    HIGH = "H", _("High: primary text or several sources")
    MEDIUM = "M", _("Medium: one credible or secondary source")
    LOW = "L", _("Low: inferred, to confirm with the bureau")


class Outcome(models.TextChoices):
    RELEASE = "release", _("Released")
    DEPORTATION = "deportation", _("Deported")
    SENTENCE = "sentence", _("Sentenced")


class CertificateKind(models.TextChoices):
    HOSPITAL = "hospital", _("Death certificate (hospital)")
    FORENSIC = "forensic", _("Forensic death report")


class FamilyDecision(models.TextChoices):
    CREMATION = "cremation", _("Cremation in China")
    REPATRIATION = "repatriation", _("Repatriation of the body")
    LOCAL_BURIAL = "local_burial", _("Burial in China")


# Decisions that need the written request of the family, the delegation head or the
# consulate (1995 rules, Annex 1).
WRITTEN_REQUEST_DECISIONS = frozenset({FamilyDecision.CREMATION, FamilyDecision.REPATRIATION})
