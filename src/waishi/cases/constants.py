"""Choices of the case kernel."""

from django.db import models
from django.utils.translation import gettext_lazy as _

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


class ReminderLevel(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


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
