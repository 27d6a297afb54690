from django.db import models
from django.utils.translation import gettext_lazy as _

CASE_TYPE = "FY"
DIVISION = "interpreting"


class Booking(models.Model):
    """What an agency asks of the bureau's interpreters: a language, a day, some hours."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="booking", verbose_name=_("case")
    )
    language = models.CharField(_("language"), max_length=40)
    day = models.DateField(_("day"))
    hours = models.PositiveSmallIntegerField(_("hours"))

    class Meta:
        verbose_name = _("interpreter booking")
        verbose_name_plural = _("interpreter bookings")

    def __str__(self) -> str:
        return f"{self.language} {self.day:%Y-%m-%d}"
