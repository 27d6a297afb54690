"""Choices and codes of directives, tasks from above and briefings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Case type codes (data: other apps may name them without importing this one).
DIRECTIVE_TYPE = "ZD"
REPLY_TYPE = "HF"
TASK_TYPE = "RW"

# The division that owns directives and tasks when the person opening one works in none.
DEFAULT_DIVISION = "office"

# Clock codes.
REPLY_CLOCK = "reply"
TASK_CLOCK = "task"


class DirectiveKind(models.TextChoices):
    NOTICE = "notice", _("Notice")
    GUIDANCE = "guidance", _("Work guidance")
    HALF_YEAR_REPORT = "half_year_report", _("Half-year report")
    ANNUAL_REPORT = "annual_report", _("Annual report")


# Kinds whose replies are the counties' reports (半年/年度总结).
REPORT_KINDS = frozenset({DirectiveKind.HALF_YEAR_REPORT, DirectiveKind.ANNUAL_REPORT})


class TaskSource(models.TextChoices):
    CITY_PARTY_COMMITTEE = "city_party_committee", _("City Party committee")
    CITY_GOVERNMENT = "city_government", _("City government")
    PROVINCIAL_FAO = "provincial_fao", _("Provincial foreign-affairs office")


class BriefStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    RETURNED = "returned", _("Returned")
    SENT = "sent", _("Sent to the leaders")


class BriefRegion(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    HONG_KONG = "hong_kong", _("Hong Kong")
    MACAO = "macao", _("Macao")


class BriefMark(models.TextChoices):
    NOTED = "noted", _("Noted")
    FOLLOW_UP = "follow_up", _("Follow up")
    IMPORTANT = "important", _("Important")
