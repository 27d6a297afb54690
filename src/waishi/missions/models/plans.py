"""Each agency's annual plan of missions abroad."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel


class AnnualPlan(TimeStampedModel):
    """The missions an agency plans to send abroad in one year."""

    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="mission_plans",
        verbose_name=_("agency"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        ordering = ["-year", "agency"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="missions_plan_agency_year")
        ]
        indexes = [models.Index(fields=["year", "agency"], name="missions_plan_year")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class PlannedMission(models.Model):
    """One mission in an annual plan: where, why, how many people, in which month."""

    plan = models.ForeignKey(
        AnnualPlan, on_delete=models.CASCADE, related_name="entries", verbose_name=_("plan")
    )
    # ISO 3166 codes in visiting order, e.g. ["DE", "FR"].
    countries = models.JSONField(_("countries and regions"), default=list)
    purpose = models.CharField(_("purpose"), max_length=300)
    size = models.PositiveSmallIntegerField(
        _("delegation size"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("planned mission")
        verbose_name_plural = _("planned missions")
        ordering = ["plan", "month", "sort_order", "id"]
        indexes = [models.Index(fields=["plan", "month"], name="missions_planned_month")]

    def __str__(self) -> str:
        return f"{self.plan.year}-{self.month:02d} {self.purpose}"
