"""External steps: what a case waits on from another body (provincial office, ministry, …).

Rows are written only by ``cases.steps`` (send, record the answer, withdraw).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..constants import DueUnit, StepBody, StepStatus


class ExternalStep(models.Model):
    """A step of a case owned by an outside body: sent on a day, due by a day, answered."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="external_steps",
        verbose_name=_("case"),
    )
    body = models.CharField(_("body"), max_length=20, choices=StepBody.choices)
    # Which consulate, which district police, … (optional for the bodies there is one of).
    body_name = models.CharField(_("name of the body"), max_length=200, blank=True)
    request = models.TextField(_("what was asked"))
    sent_on = models.DateField(_("sent on"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    # How the due date was counted, kept so the page can say "10 working days".
    due_in = models.PositiveSmallIntegerField(_("due within"), null=True, blank=True)
    due_unit = models.CharField(_("counted in"), max_length=10, choices=DueUnit.choices)
    their_reference = models.CharField(_("their reference number"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StepStatus.choices, default=StepStatus.WAITING
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_text = models.TextField(_("answer"), blank=True)
    answer_attachment = models.ForeignKey(
        "cases.Attachment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answer document"),
    )
    withdrawal_reason = models.TextField(_("reason for withdrawing"), blank=True)
    # Optimistic locking, as on the case: a form built from an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("external step")
        verbose_name_plural = _("external steps")
        ordering = ["sent_on", "id"]
        indexes = [
            models.Index(fields=["case", "sent_on", "id"], name="cases_step_case_idx"),
            # The inbox's "waiting on an outside body": the cases with a step still waiting.
            models.Index(
                fields=["case"],
                name="cases_step_waiting_idx",
                condition=Q(status="waiting"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.body_label} {self.sent_on}"

    @property
    def body_label(self) -> str:
        """The body's own name where entered, else the kind of body."""
        return self.body_name or str(self.get_body_display())

    @property
    def is_waiting(self) -> bool:
        return self.status == StepStatus.WAITING

    def is_overdue(self, today: object) -> bool:
        return bool(self.is_waiting and self.due_on is not None and self.due_on < today)  # type: ignore[operator]
