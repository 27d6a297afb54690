"""Rules with numbers, stored as versioned data with their legal source."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel

from ..constants import Jurisdiction, Rank, RuleCode, Severity


class Rule(TimeStampedModel):
    """One version of one rule: its value, severity, dates in force and citation.

    Rows are never edited once in force: a changed rule is a new row whose ``effective_from``
    follows the old row's ``effective_to``, so a recorded verdict can always name the exact
    version it applied.
    """

    code = models.CharField(_("rule"), max_length=40, choices=RuleCode.choices)
    jurisdiction = models.CharField(
        _("jurisdiction"),
        max_length=20,
        choices=Jurisdiction.choices,
        default=Jurisdiction.NATIONAL,
    )
    # GB/T 2260 code of the province (440000) or city (441200) that made the rule; empty for a
    # national rule.
    area_code = models.CharField(_("administrative area code"), max_length=6, blank=True)
    rank = models.CharField(
        _("applies to rank"),
        max_length=20,
        choices=Rank.choices,
        blank=True,
        help_text=_("Leave empty for a rule that applies to every rank."),
    )
    value = models.JSONField(_("value"))
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("The last day the rule applies; empty while it is in force."),
    )
    citation = models.TextField(_("citation"), help_text=_("The regulation and its article."))
    active = models.BooleanField(_("active"), default=True)
    supersedes = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["code", "jurisdiction", "rank", "-effective_from"]
        indexes = [models.Index(fields=["code", "effective_from"], name="missions_rule_code_from")]

    def __str__(self) -> str:
        scope = self.get_jurisdiction_display()
        if self.rank:
            scope = f"{scope}, {self.get_rank_display()}"
        return f"{self.get_code_display()} ({scope}, {self.effective_from:%Y-%m-%d})"
