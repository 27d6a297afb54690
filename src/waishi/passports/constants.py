"""Choices of the passports area: documents, their states, endorsements, visas, rules."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.cases.constants import (  # noqa: F401  (one definition for every area)
    JURISDICTION_SPECIFICITY,
    Jurisdiction,
    Severity,
)
from waishi.core.validators import DocumentKind

# The issuance request's case type and reference prefix (护照 → HZ).
CASE_TYPE = "HZ"
# The bureau's Passport & Visa Division, which owns the register and the requests.
PASSPORT_DIVISION = "passport-visa"
# The area the custody rules are kept under in the kernel's rules engine.
RULE_AREA = "passports"
# The kernel suspension source of the custody sweep (``cases.standing``): an agency whose
# official passports are overdue after the last reminder is suspended from new business.
CUSTODY_SOURCE = "passports.overdue_custody"
# The kinds of business that suspension covers, as case type codes (codes are data, not an
# import of the other area): overseas mission applications (CG) and passport requests (HZ).
MISSION_CASE_TYPE = "CG"
CUSTODY_SUSPENDS = (MISSION_CASE_TYPE, CASE_TYPE)
# The mission's transitions that approve it (names are data, like the case type code): a
# block among the members' documents refuses them.
APPROVAL_TRANSITIONS = ("forward_to_leader", "refer_to_province", "approve")

# A document finding that stops nothing but is listed for the reviewers: a member without an
# official passport (or pass, or endorsement) yet, which is issued after approval.
TO_OBTAIN = "to_obtain"

# Official documents kept in the register. Ordinary (private) passports are never used for
# official travel, so they are not registered.
REGISTER_KINDS = (
    DocumentKind.SERVICE_PASSPORT,
    DocumentKind.PUBLIC_AFFAIRS_PASSPORT,
    DocumentKind.DIPLOMATIC_PASSPORT,
    DocumentKind.HK_MACAO_OFFICIAL_PASS,
)
PASSPORT_KINDS = frozenset(
    {
        DocumentKind.SERVICE_PASSPORT,
        DocumentKind.PUBLIC_AFFAIRS_PASSPORT,
        DocumentKind.DIPLOMATIC_PASSPORT,
    }
)
# The Diplomatic Passport is issued by the Ministry; the bureau only registers it.
ISSUABLE_KINDS = (
    DocumentKind.SERVICE_PASSPORT,
    DocumentKind.PUBLIC_AFFAIRS_PASSPORT,
    DocumentKind.HK_MACAO_OFFICIAL_PASS,
)
# Regions entered on the official Hong Kong and Macao pass instead of a passport.
HK_MACAO = frozenset({"HK", "MO"})


def kind_choices() -> list[tuple[str, Any]]:
    """Choices of the register's kinds, with lazy labels (rendered in the active language)."""
    return [(str(k.value), k.label) for k in REGISTER_KINDS]


# The processing target of an issuance request, from complete materials (``cases.clocks``).
ISSUANCE_CLOCK = "issuance"


class DocumentStatus(models.TextChoices):
    IN_CUSTODY = "in_custody", _("In custody")
    OUT = "out", _("Out for a mission")
    AT_VISA = "at_visa", _("With the bureau for a visa")
    LOST = "lost", _("Lost")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


# A document in these states can no longer be used to travel.
DEAD_STATUSES = frozenset({DocumentStatus.LOST, DocumentStatus.CANCELLED, DocumentStatus.EXPIRED})


class EndorsementKind(models.TextChoices):
    VISIT = "visit", _("Visit")
    WORK = "work", _("Work")
    RESIDENT = "resident", _("Resident")
    STUDY = "study", _("Study")
    OTHER = "other", _("Other")


class EndorsementValidity(models.TextChoices):
    """Validity and entries of an endorsement on the official Hong Kong and Macao pass."""

    THREE_MONTHS_SINGLE = "3m_single", _("3 months, single entry")
    THREE_MONTHS_DOUBLE = "3m_double", _("3 months, two entries")
    THREE_MONTHS_MULTIPLE = "3m_multiple", _("3 months, multiple entries")
    SIX_MONTHS_MULTIPLE = "6m_multiple", _("Half a year, multiple entries")
    ONE_YEAR_MULTIPLE = "1y_multiple", _("1 year, multiple entries")


# Months of validity and entries allowed (None: any number) per validity.
VALIDITY_TERMS: dict[str, tuple[int, int | None]] = {
    EndorsementValidity.THREE_MONTHS_SINGLE: (3, 1),
    EndorsementValidity.THREE_MONTHS_DOUBLE: (3, 2),
    EndorsementValidity.THREE_MONTHS_MULTIPLE: (3, None),
    EndorsementValidity.SIX_MONTHS_MULTIPLE: (6, None),
    EndorsementValidity.ONE_YEAR_MULTIPLE: (12, None),
}


class DocumentEventKind(models.TextChoices):
    """What happened to a document on a day of its history in the register."""

    REGISTERED = "registered", _("Registered")
    HANDED_OUT = "handed_out", _("Handed out")
    RETURNED = "returned", _("Returned")
    SENT_FOR_VISA = "sent_for_visa", _("Sent for a visa")
    BACK_FROM_VISA = "back_from_visa", _("Back from the visa desk")
    LOST = "lost", _("Reported lost")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")
    RECORDED = "recorded", _("Recorded from earlier data")


class HandOutOutcome(models.TextChoices):
    RETURNED = "returned", _("Returned")
    LOST = "lost", _("Reported lost")


class VisaStatus(models.TextChoices):
    COLLECTING = "collecting", _("Collecting materials")
    SENT = "sent", _("Sent via the provincial office")
    AT_EMBASSY = "at_embassy", _("With the embassy")
    GRANTED = "granted", _("Visa granted")
    REFUSED = "refused", _("Visa refused")
    PASSPORT_BACK = "passport_back", _("Passport back")


# The order an application moves in; granted and refused both lead to "passport back".
VISA_NEXT: dict[str, tuple[str, ...]] = {
    VisaStatus.COLLECTING: (VisaStatus.SENT,),
    VisaStatus.SENT: (VisaStatus.AT_EMBASSY,),
    VisaStatus.AT_EMBASSY: (VisaStatus.GRANTED, VisaStatus.REFUSED),
    VisaStatus.GRANTED: (VisaStatus.PASSPORT_BACK,),
    VisaStatus.REFUSED: (VisaStatus.PASSPORT_BACK,),
    VisaStatus.PASSPORT_BACK: (),
}


class RuleCode(models.TextChoices):
    """The numbers of the custody rules. Their values live in ``cases.Rule`` rows."""

    RETURN_DAYS = "return_days", _("Days to return a document after the trip")
    REMINDER_INTERVAL = "reminder_interval", _("Days between custody reminders")
    REMINDERS_BEFORE_LOCK = "reminders_before_lock", _("Unheeded reminders before a lock")
    EXPIRY_MARGIN = "expiry_margin", _("Validity left at the end of a trip")
    HK_MACAO_STAY = "hk_macao_stay", _("Longest stay per entry to Hong Kong or Macao")
    ISSUANCE_DAYS = "issuance_days", _("Working days to issue a document")
    OFFICIAL_ENDORSEMENTS = (
        "official_endorsements",
        _("Endorsements that serve an official visit to Hong Kong or Macao"),
    )
    SUSPENSION_COVERS = "suspension_covers", _("What a custody suspension covers")


class Quarter(models.IntegerChoices):
    Q1 = 1, _("First quarter")
    Q2 = 2, _("Second quarter")
    Q3 = 3, _("Third quarter")
    Q4 = 4, _("Fourth quarter")
