"""Clocks: the named time limits a case runs (trip report due, processing target, …).

Rows are written only by ``cases.clocks`` (start, pause, resume, restart, stop, move). The
case's ``due_date`` and ``due_owner`` repeat the nearest running clock so lists can sort and
filter on them without reading clocks.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..constants import ClockOwner, ClockState, ClockUnit, ReminderLevel


class Clock(models.Model):
    """One time limit of one case: its length, when it started, when it is due, who owes."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="clocks", verbose_name=_("case")
    )
    # The clock's name within its case type (``ClockSpec.code``); ``step-<id>`` for the
    # answer an external step waits for.
    code = models.CharField(_("clock"), max_length=40)
    owner = models.CharField(_("who must act"), max_length=10, choices=ClockOwner.choices)
    length = models.PositiveIntegerField(_("length"), null=True, blank=True)
    unit = models.CharField(_("counted in"), max_length=12, choices=ClockUnit.choices, blank=True)
    rule = models.ForeignKey(
        "cases.Rule",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rule applied"),
    )
    step = models.ForeignKey(
        "cases.ExternalStep",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="clocks",
        verbose_name=_("external step"),
    )
    started_at = models.DateTimeField(_("started at"))
    due_at = models.DateTimeField(_("due at"))
    due_date = models.DateField(_("due date"))
    state = models.CharField(
        _("state"), max_length=10, choices=ClockState.choices, default=ClockState.RUNNING
    )
    paused_at = models.DateTimeField(_("paused at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    restarts = models.PositiveSmallIntegerField(_("restarts"), default=0)
    # The day the next reminder is due and its level; empty once none is left to send.
    next_reminder_on = models.DateField(_("next reminder on"), null=True, blank=True)
    reminder_level = models.CharField(
        _("next reminder"), max_length=20, choices=ReminderLevel.choices, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("clock")
        verbose_name_plural = _("clocks")
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "code"], name="cases_clock_once"),
        ]
        indexes = [
            # The sweep: running clocks whose next reminder is due.
            models.Index(
                fields=["next_reminder_on", "id"],
                name="cases_clock_remind_idx",
                condition=Q(state="running"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.code} {self.due_date}"

    @property
    def is_running(self) -> bool:
        return self.state == ClockState.RUNNING

    @property
    def is_live(self) -> bool:
        """Running or paused: the clock still concerns someone."""
        return self.state in (ClockState.RUNNING, ClockState.PAUSED)


class ClockReminder(models.Model):
    """Proof that one reminder level went out for one due date of one clock (once only)."""

    clock = models.ForeignKey(
        Clock, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("clock")
    )
    level = models.CharField(_("level"), max_length=20, choices=ReminderLevel.choices)
    due_date = models.DateField(_("due date"))
    # Overdue reminders repeat; ``sequence`` counts them (1 for the first).
    sequence = models.PositiveSmallIntegerField(_("sequence"), default=1)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("clock reminder")
        verbose_name_plural = _("clock reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["clock", "level", "due_date", "sequence"], name="cases_clock_remind_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.clock_id} {self.level} {self.due_date} #{self.sequence}"
