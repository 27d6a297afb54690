"""Agency standing: an agency's suspension from named kinds of business.

A suspension is imposed by an area through ``cases.standing.do_impose_suspension`` (for
example passports' custody sweep when a passport is overdue) and honoured by the kernel:
every filing and every filing transition of a kind of business it covers is refused with its
reasons. One source has at most one open suspension per agency.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def default_businesses() -> list[str]:
    """What a suspension covers unless its source says more: the agency's new filings."""
    return ["filing"]


class Suspension(models.Model):
    """An agency suspended from some (or all) kinds of business, why, and on which rule."""

    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="suspensions",
        verbose_name=_("agency"),
    )
    # Case type codes the suspension covers; empty means every kind of business.
    case_types = models.JSONField(_("kinds of business"), default=list, blank=True)
    # What is refused for those kinds (``cases.constants.Business``): new filings, approvals,
    # hand-outs, issuance, visa applications — from the imposing area's rule.
    businesses = models.JSONField(_("business refused"), default=default_businesses, blank=True)
    reasons = models.TextField(_("reasons"))
    rule_citation = models.TextField(_("rule"), blank=True)
    rule_code = models.CharField(_("rule code"), max_length=60, blank=True)
    # "<area>.<source>", e.g. "passports.overdue_custody" (see ``cases.standing``).
    source = models.CharField(_("source"), max_length=80)
    imposed_at = models.DateTimeField(_("imposed at"))
    imposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imposed by"),
    )
    # Who imposed it when no person did (a sweep).
    imposed_by_label = models.CharField(_("imposed by (process)"), max_length=60, blank=True)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lifted by"),
    )
    lift_reason = models.TextField(_("reason for lifting"), blank=True)

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        ordering = ["-imposed_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "lifted_at"], name="cases_suspension_agency"),
            models.Index(fields=["lifted_at", "-imposed_at"], name="cases_suspension_open"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "source"],
                condition=Q(lifted_at__isnull=True),
                name="cases_suspension_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.source} {self.imposed_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.lifted_at is None

    def covers(self, case_type: str, business: str = "filing") -> bool:
        """Whether the suspension covers ``business`` (a filing, an approval…) of ``case_type``."""
        kinds_ok = not self.case_types or case_type in self.case_types
        return kinds_ok and business in (self.businesses or default_businesses())

    def business_labels(self) -> list[str]:
        """The businesses refused, in the active language."""
        from ..constants import Business

        labels = dict(Business.choices)
        return [str(labels.get(b, b)) for b in self.businesses or default_businesses()]
