"""Rules with numbers, for every area, stored as versioned data with their legal source."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel

from ..constants import Jurisdiction, RuleUnit, Severity


class Rule(TimeStampedModel):
    """One version of one rule of one area: its value, severity, dates in force and citation.

    Rows are never edited once in force: a changed rule is a new row whose ``effective_from``
    follows the old row's ``effective_to``, so a recorded verdict, a due date or a lock can
    always name the exact version it applied. Which codes an area has, and the form of each
    code's value, are declared in code (``waishi.cases.rule_registry``).
    """

    # The area that declared the code (the app label, e.g. "missions").
    area = models.CharField(_("area"), max_length=40)
    code = models.CharField(_("rule"), max_length=40)
    jurisdiction = models.CharField(
        _("jurisdiction"),
        max_length=20,
        choices=Jurisdiction.choices,
        default=Jurisdiction.NATIONAL,
    )
    # GB/T 2260 code of the province (440000) or city (441200) that made the rule; empty for a
    # national rule.
    area_code = models.CharField(_("administrative area code"), max_length=6, blank=True)
    # The area's ranks (e.g. missions' "zheng_ting"); empty for every rank.
    rank = models.CharField(
        _("applies to rank"),
        max_length=20,
        blank=True,
        help_text=_("Leave empty for a rule that applies to every rank."),
    )
    value = models.JSONField(_("value"))
    unit = models.CharField(_("unit"), max_length=20, choices=RuleUnit.choices, blank=True)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.BLOCK
    )
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
        ordering = ["area", "code", "jurisdiction", "rank", "-effective_from"]
        indexes = [
            models.Index(fields=["area", "code", "effective_from"], name="cases_rule_area_code"),
        ]

    def __str__(self) -> str:
        scope = self.get_jurisdiction_display()
        if self.rank:
            scope = f"{scope}, {self.rank}"
        return f"{self.area}.{self.code} ({scope}, {self.effective_from:%Y-%m-%d})"
