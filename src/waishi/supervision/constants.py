"""Choices of discipline supervision: the inspection case type, measures, report periods."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Inspection cases (reference numbers JC-2026-00001), owned by the discipline division.
CASE_TYPE = "JC"
DIVISION = "discipline"
RULE_AREA = "supervision"
# The clock of the rectification the inspected agency owes.
RECTIFICATION_CLOCK = "rectification"
# The agency suspensions an inspection imposes (``cases.standing``).
SUSPENSION_SOURCE = "supervision.inspection"
# What such a suspension covers: the agency's filings of missions abroad and of official
# passports (case type codes are data). Inspections themselves stay possible.
SUSPENDS = ("CG", "HZ")
# The discipline commission is not one of the kernel's named bodies: "other", by name.
COMMISSION_NAME = _("Municipal Commission for Discipline Inspection and Supervision")


class RuleCode(models.TextChoices):
    RECTIFICATION_DAYS = "rectification_days", _("Days to rectify after an inspection")


class MeasureKind(models.TextChoices):
    TALK = "talk", _("Talk (谈话提醒)")
    CRITICISM = "criticism", _("Criticism (通报批评)")
    SUSPENSION = "suspension", _("Suspension of the agency's filings")
    REFERRAL = "referral", _("Referral to the discipline commission")


class ReportPeriod(models.IntegerChoices):
    YEAR = 0, _("Whole year")
    FIRST_HALF = 1, _("First half-year")
    SECOND_HALF = 2, _("Second half-year")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (figures live)")
    SENT = "sent", _("Sent (figures frozen)")
