"""Directives to the county offices and their replies, tasks from above, and briefings.

A directive (``ZD``) and a task from above (``RW``) are cases the bureau opens itself: they
have no filing agency. Each county that owes a reply to a directive gets a reply case
(``HF``) filed under the county office, which runs the county's reply clock: the kernel
reminds the county's officers, the county sees the case in its workspace, and the bureau
reads who has and has not replied from those cases. A brief is not a case: it is written,
reviewed and sent to the leaders it concerns, who read and mark it.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import BriefMark, BriefRegion, BriefStatus, DirectiveKind, TaskSource


class Directive(models.Model):
    """The detail of a directive (工作指导/通知) to county offices."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="directive", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DirectiveKind.choices)
    document_number = models.CharField(_("official document number"), max_length=60, blank=True)
    body = models.TextField(_("text"))
    reply_due = models.DateField(_("replies due"))
    report_year = models.PositiveSmallIntegerField(_("year reported on"), null=True, blank=True)
    counties = models.ManyToManyField(
        "accounts.Agency",
        related_name="directives_owed",
        verbose_name=_("county offices that reply"),
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")

    def __str__(self) -> str:
        return self.document_number or str(self.case_id)


class CountyReply(models.Model):
    """The detail of one county's reply to a directive (its half-year or annual report too)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="county_reply", verbose_name=_("case")
    )
    directive = models.ForeignKey(
        Directive, on_delete=models.CASCADE, related_name="replies", verbose_name=_("directive")
    )
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="directive_replies",
        verbose_name=_("county office"),
    )
    text = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("replied by"),
    )
    reminders = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("county reply")
        verbose_name_plural = _("county replies")
        constraints = [
            models.UniqueConstraint(
                fields=["directive", "county"], name="directives_one_reply_per_county"
            )
        ]

    def __str__(self) -> str:
        return f"{self.directive_id}/{self.county_id}"


class Task(models.Model):
    """The detail of a task assigned to the bureau from above."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="task", verbose_name=_("case")
    )
    source = models.CharField(_("assigned by"), max_length=30, choices=TaskSource.choices)
    document_number = models.CharField(_("official document number"), max_length=60)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    asked = models.TextField(_("what is asked"))
    helpers = models.ManyToManyField(
        "accounts.Division",
        blank=True,
        related_name="tasks_helped",
        verbose_name=_("helping divisions"),
    )
    key_task = models.BooleanField(
        _("Guangdong–Hong Kong–Macao key task"), default=False, db_index=True
    )
    due_on = models.DateField(_("due on (as assigned)"))
    extended_to = models.DateField(_("extended to"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    reply_text = models.TextField(_("reply sent up"), blank=True)

    class Meta:
        verbose_name = _("task from above")
        verbose_name_plural = _("tasks from above")

    def __str__(self) -> str:
        return self.document_number

    @property
    def current_due(self) -> datetime.date:
        """The day the task is due: the extension granted, else the day assigned."""
        return self.extended_to or self.due_on


class TaskReport(models.Model):
    """An interim report on a task (progress written for the body that assigned it)."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="reports", verbose_name=_("task")
    )
    reported_on = models.DateField(_("reported on"))
    text = models.TextField(_("report"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("interim report")
        verbose_name_plural = _("interim reports")
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.task_id} {self.reported_on}"


class Brief(models.Model):
    """A foreign-affairs brief (外事信息): a short note for the leaders it concerns."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    region = models.CharField(_("concerns"), max_length=20, choices=BriefRegion.choices)
    source = models.CharField(_("source"), max_length=300)
    summary = models.TextField(_("summary"))
    relevance = models.TextField(_("relevance to the city"))
    suggested_action = models.TextField(_("suggested action"), blank=True)
    division = models.ForeignKey(
        "accounts.Division",
        on_delete=models.PROTECT,
        related_name="briefs",
        verbose_name=_("division"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="briefs_written",
        verbose_name=_("written by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BriefStatus.choices, default=BriefStatus.DRAFT
    )
    review_note = models.TextField(_("reviewer's note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="briefs_reviewed",
        verbose_name=_("reviewed by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    leaders = models.ManyToManyField(
        "accounts.Leader", blank=True, related_name="briefs", verbose_name=_("leaders concerned")
    )
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="briefs", verbose_name=_("cases concerned")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")
        ordering = ["-year", "-number", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="directives_brief_number")
        ]

    def __str__(self) -> str:
        return self.title


class BriefReading(models.Model):
    """A leader's reading of a brief and the mark they gave it."""

    brief = models.ForeignKey(
        Brief, on_delete=models.CASCADE, related_name="readings", verbose_name=_("brief")
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="brief_readings",
        verbose_name=_("reader"),
    )
    read_at = models.DateTimeField(_("read at"))
    mark = models.CharField(_("mark"), max_length=20, choices=BriefMark.choices, blank=True)
    note = models.TextField(_("instruction"), blank=True)

    class Meta:
        verbose_name = _("reading of a brief")
        verbose_name_plural = _("readings of briefs")
        constraints = [
            models.UniqueConstraint(fields=["brief", "reader"], name="directives_one_reading")
        ]

    def __str__(self) -> str:
        return f"{self.brief_id}/{self.reader_id}"
