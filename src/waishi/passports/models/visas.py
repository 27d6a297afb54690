"""Visas: what each country asks for, one application per member and country, the notes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel

from ..constants import VisaStatus


class VisaRequirement(TimeStampedModel):
    """Whether holders of official passports need a visa for a country, and what to hand in.

    ``checklist`` is a list of ``{"zh": ..., "en": ...}`` items; countries without a row are
    treated as needing a visa with the general checklist (the row with an empty country).
    """

    country = models.CharField(_("country or region"), max_length=2, blank=True, unique=True)
    visa_required = models.BooleanField(_("visa required"), default=True)
    checklist = models.JSONField(_("materials to hand in"), default=list, blank=True)
    embassy_zh = models.CharField(_("embassy (Chinese)"), max_length=200, blank=True)
    embassy_en = models.CharField(_("embassy (English)"), max_length=200, blank=True)
    processing_days = models.PositiveSmallIntegerField(
        _("usual processing days at the embassy"), default=10
    )
    citation = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("visa requirement")
        verbose_name_plural = _("visa requirements")
        ordering = ["country"]

    def __str__(self) -> str:
        return self.country or "*"


class VisaApplication(TimeStampedModel):
    """A visa for one member of a mission for one country, tracked until the passport is back."""

    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.PROTECT,
        related_name="visa_applications",
        verbose_name=_("mission"),
    )
    holder = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="visa_applications",
        verbose_name=_("member"),
    )
    country = models.CharField(_("country"), max_length=2)
    document = models.ForeignKey(
        "passports.TravelDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visa_applications",
        verbose_name=_("passport"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=VisaStatus.choices, default=VisaStatus.COLLECTING
    )
    checklist_done = models.JSONField(_("materials received"), default=list, blank=True)
    sent_on = models.DateField(_("sent to the provincial office on"), null=True, blank=True)
    embassy_on = models.DateField(_("with the embassy since"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    passport_back_on = models.DateField(_("passport back on"), null=True, blank=True)
    visa_valid_until = models.DateField(_("visa valid until"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("visa application")
        verbose_name_plural = _("visa applications")
        ordering = ["mission", "country", "holder", "id"]
        indexes = [
            models.Index(fields=["status", "-updated_at", "id"], name="passports_visa_status"),
            models.Index(fields=["mission", "country"], name="passports_visa_mission"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "holder", "country"], name="passports_visa_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.holder} · {self.country}"


class DispatchEntry(models.Model):
    """One step of a visa application: what was sent or received, when and by whom."""

    application = models.ForeignKey(
        VisaApplication,
        on_delete=models.CASCADE,
        related_name="dispatches",
        verbose_name=_("visa application"),
    )
    status = models.CharField(_("status"), max_length=20, choices=VisaStatus.choices)
    on_date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dispatch log entry")
        verbose_name_plural = _("dispatch log")
        ordering = ["application", "created_at", "id"]
        indexes = [models.Index(fields=["application", "created_at"], name="passports_dispatch")]

    def __str__(self) -> str:
        return f"{self.application} {self.get_status_display()} {self.on_date}"


class VisaNoteTemplate(TimeStampedModel):
    """The editable wording of the visa note (照会): Chinese and English, Django template text.

    Placeholders: ``{{ embassy_zh }}``, ``{{ embassy_en }}``, ``{{ bureau_zh }}``,
    ``{{ bureau_en }}``, ``{{ mission_title }}``, ``{{ purpose }}``, ``{{ country_zh }}``,
    ``{{ country_en }}``, ``{{ departure }}``, ``{{ return }}``, ``{{ inviter }}`` and the
    member table, which the layout adds.
    """

    name = models.CharField(_("name"), max_length=100)
    body_zh = models.TextField(_("text in Chinese"))
    body_en = models.TextField(_("text in English"))
    is_default = models.BooleanField(_("default"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("visa note template")
        verbose_name_plural = _("visa note templates")
        ordering = ["-is_default", "name", "id"]

    def __str__(self) -> str:
        return self.name


class VisaNote(models.Model):
    """A visa note generated for one mission and country, numbered for the dispatch record."""

    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.PROTECT,
        related_name="visa_notes",
        verbose_name=_("mission"),
    )
    country = models.CharField(_("country"), max_length=2)
    number = models.CharField(_("note number"), max_length=30, unique=True)
    template = models.ForeignKey(
        VisaNoteTemplate,
        on_delete=models.PROTECT,
        related_name="notes",
        verbose_name=_("template"),
    )
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("generated by"),
    )
    generated_at = models.DateTimeField(_("generated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("visa note")
        verbose_name_plural = _("visa notes")
        ordering = ["-generated_at", "-id"]
        indexes = [models.Index(fields=["mission", "country"], name="passports_note_mission")]

    def __str__(self) -> str:
        return self.number
