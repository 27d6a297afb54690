"""Inspection cases (type JC), their measures, and the reports sent upward."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import MeasureKind, ReportPeriod, ReportStatus


class Inspection(models.Model):
    """A discipline inspection: the breach it started from (if any), the findings and the
    rectification asked of the agency."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="inspection", verbose_name=_("case")
    )
    # The breach it was opened from (``cases.breaches``): its source, key and words then.
    breach_source = models.CharField(_("breach source"), max_length=80, blank=True)
    breach_key = models.CharField(_("breach"), max_length=80, blank=True)
    breach_when = models.DateField(_("breach dated"), null=True, blank=True)
    breach_what = models.TextField(_("breach"), blank=True)
    breach_case = models.CharField(_("case in breach"), max_length=32, blank=True)
    citation = models.TextField(_("rule"), blank=True)
    person = models.ForeignKey(
        "registers.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name=_("person"),
    )
    grounds = models.TextField(_("grounds"), blank=True)
    findings = models.TextField(_("findings"), blank=True)
    requirements = models.TextField(_("rectification required"), blank=True)
    outcome = models.TextField(_("rectification outcome"), blank=True)

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [models.Index(fields=["breach_source", "breach_key"], name="supervision_breach")]

    def __str__(self) -> str:
        return str(self.case)

    @property
    def measure_kinds(self) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in MeasureKind.choices]


class Measure(models.Model):
    """A measure taken on an inspection: a talk, a criticism, a suspension, a referral."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="measures", verbose_name=_("inspection")
    )
    kind = models.CharField(_("measure"), max_length=16, choices=MeasureKind.choices)
    note = models.TextField(_("note"))
    taken_on = models.DateField(_("taken on"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("taken by"),
    )
    # The kernel rows the measure made: the suspension, the external step.
    suspension_id = models.PositiveBigIntegerField(_("suspension"), null=True, blank=True)
    step_id = models.PositiveBigIntegerField(_("external step"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["inspection", "taken_on", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Report(models.Model):
    """The summary and statistics report to the provincial foreign-affairs office.

    While a draft its figures are computed afresh on every reading; when it is sent, the
    figures read at that moment are stored in ``figures`` and never computed again.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    period = models.PositiveSmallIntegerField(
        _("period"), choices=ReportPeriod.choices, default=ReportPeriod.YEAR
    )
    status = models.CharField(
        _("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    summary = models.TextField(_("summary"), blank=True)
    figures = models.JSONField(_("figures as sent"), default=list, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    sent_to = models.CharField(_("sent to"), max_length=200, blank=True)
    their_reference = models.CharField(_("their reference"), max_length=60, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report upward")
        verbose_name_plural = _("reports upward")
        ordering = ["-year", "period"]
        constraints = [
            models.UniqueConstraint(fields=["year", "period"], name="supervision_report_once")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_period_display()}"

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.SENT
