"""Choices of the case kernel."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The public verification code avoids characters people confuse when reading them out or
# typing them from paper: 0/O, 1/I/L.
VERIFICATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
VERIFICATION_LENGTH = 8


class Priority(models.IntegerChoices):
    LOW = 10, _("Low")
    NORMAL = 20, _("Normal")
    HIGH = 30, _("High")
    URGENT = 40, _("Urgent")


class EntryKind(models.TextChoices):
    STATUS = "status", _("Status change")
    COMMENT = "comment", _("Comment")
    DOCUMENT = "document", _("Document")
    REMINDER = "reminder", _("Reminder")
    ASSIGNMENT = "assignment", _("Assignment")
    NOTE = "note", _("Note")
    STEP = "step", _("External step")
    CLOCK = "clock", _("Clock")


class ReminderLevel(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    DUE_TODAY = "due_today", _("Due today")
    OVERDUE = "overdue", _("Overdue")


class ClockUnit(models.TextChoices):
    """What a clock's length is counted in."""

    HOURS = "hours", _("hours")
    DAYS = "days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")


class ClockOwner(models.TextChoices):
    """Who must act before a clock runs out."""

    BUREAU = "bureau", _("the bureau")
    AGENCY = "agency", _("the filing agency")
    APPLICANT = "applicant", _("the applicant")
    OUTSIDE = "outside", _("an outside body")


class ClockState(models.TextChoices):
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused")
    MET = "met", _("Done")
    STOPPED = "stopped", _("Stopped")


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class InboxTab(models.TextChoices):
    MINE = "mine", _("My tasks")
    DIVISION = "division", _("My division")
    OVERDUE = "overdue", _("Overdue")
    RECENT = "recent", _("Recently changed")
    WAITING = "waiting", _("Waiting on an outside body")


class StepBody(models.TextChoices):
    """The outside bodies a case may wait on."""

    PROVINCIAL_FAO = "provincial_fao", _("Provincial foreign-affairs office")
    MFA = "mfa", _("Ministry of Foreign Affairs")
    CPAFFC = "cpaffc", _("CPAFFC")
    POLICE = "police", _("Police / exit-entry administration")
    MISSION = "mission", _("Consulate or embassy")
    PEOPLES_CONGRESS = "peoples_congress", _("People's congress standing committee")
    FINANCE = "finance", _("Finance bureau")
    OTHER = "other", _("Other body")


class StepStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    ANSWERED = "answered", _("Answered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DueUnit(models.TextChoices):
    """How a step's due date was counted from the day it was sent."""

    WORKDAYS = "workdays", _("working days")
    DAYS = "days", _("calendar days")
    DATE = "date", _("a date entered")


class Jurisdiction(models.TextChoices):
    """Who made a rule. A more local rule is more specific than a national one."""

    NATIONAL = "national", pgettext_lazy("jurisdiction", "National")
    PROVINCE = "province", pgettext_lazy("jurisdiction", "Province")
    CITY = "city", pgettext_lazy("jurisdiction", "City")


# How specific each jurisdiction is when two rules are in force for the same check.
JURISDICTION_SPECIFICITY = {
    Jurisdiction.NATIONAL: 0,
    Jurisdiction.PROVINCE: 1,
    Jurisdiction.CITY: 2,
}


class Severity(models.TextChoices):
    """A block stops the business; a warning may be overridden with a recorded reason."""

    BLOCK = "block", _("Block")
    WARNING = "warning", _("Warning")


class Business(models.TextChoices):
    """The kinds of an agency's business a suspension may cover (``cases.standing``).

    Filings are the agency's own (a new case, submit, resubmit); the others are steps the
    bureau takes for the agency, refused while it is suspended from them.
    """

    FILING = "filing", _("New filings")
    APPROVAL = "approval", _("Approvals of its pending cases")
    HAND_OUT = "hand_out", _("Hand-outs of official travel documents")
    ISSUANCE = "issuance", _("Issuance of official travel documents")
    VISA = "visa", _("Visa applications")


class RuleUnit(models.TextChoices):
    """The unit a rule's number is counted in, where it has one."""

    PEOPLE = "people", _("people")
    COUNTRIES = "countries", _("countries or regions")
    DAYS = "days", _("days")
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")
    TRIPS = "trips", _("trips")
    TIMES = "times", _("times")
    CURRENCY = "currency", _("currency per person per day")


class DocumentState(models.TextChoices):
    """Where an issued official document stands, as its verification answers."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded by a later version")
