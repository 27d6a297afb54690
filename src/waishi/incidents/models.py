"""Foreign-related incidents and deaths: the case detail, the persons, visits and treaties."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel

from .constants import (
    CertificateKind,
    Confidence,
    FamilyDecision,
    IncidentKind,
    NoticeSource,
    Outcome,
    TreatyUnit,
)


class ConsularTreaty(TimeStampedModel):
    """How soon a country's consulate must be told of a detention, as dated rule data.

    A row with no country is the default of the Vienna Convention on Consular Relations
    (art. 36(1)(b)): "without delay", which the bureau escalates internally after
    ``escalate_after`` days. A changed treaty is a new row from its ``effective_from``; the
    old one gets an ``effective_to``, so a case keeps the row it was opened under.
    """

    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("Two-letter ISO code; empty for the default under the Vienna Convention."),
    )
    notify_within = models.PositiveSmallIntegerField(
        _("notify within"), null=True, blank=True, help_text=_("Empty: without delay.")
    )
    unit = models.CharField(
        _("unit"), max_length=8, choices=TreatyUnit.choices, default=TreatyUnit.DAYS
    )
    regardless_of_request = models.BooleanField(
        _("regardless of the national's request"),
        default=False,
        help_text=_("The consulate is told even if the national asks that it not be."),
    )
    visit_within = models.PositiveSmallIntegerField(
        _("consular visit within (days of the request)"), null=True, blank=True
    )
    death_sentence_notice = models.CharField(
        _("notice of a death sentence"), max_length=100, blank=True
    )
    escalate_after = models.PositiveSmallIntegerField(
        _("internal escalation after (days)"),
        null=True,
        blank=True,
        help_text=_("For a limit of 'without delay': when the bureau escalates."),
    )
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective to"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    confidence = models.CharField(_("confidence"), max_length=1, choices=Confidence.choices)

    class Meta:
        verbose_name = _("consular treaty")
        verbose_name_plural = _("consular treaties")
        ordering = ["country", "-effective_from"]
        indexes = [
            models.Index(fields=["country", "effective_from"], name="incidents_treaty_in_force")
        ]

    def __str__(self) -> str:
        return self.country or "VCCR"

    @property
    def without_delay(self) -> bool:
        return self.notify_within is None

    def clock_length(self) -> tuple[int, str]:
        """The length and unit of the notification clock this row sets."""
        if self.notify_within is not None:
            return self.notify_within, self.unit
        return self.escalate_after or 3, TreatyUnit.DAYS


class Incident(models.Model):
    """A foreign-related case: a detention, a civil or journalist matter, an accident, a death."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="incident", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=IncidentKind.choices, db_index=True)
    notice_source = models.CharField(_("notice from"), max_length=16, choices=NoticeSource.choices)
    notifying_body = models.CharField(_("notifying body"), max_length=200)
    notice_received_at = models.DateTimeField(_("notice received at"))
    measure = models.CharField(_("measure"), max_length=200, blank=True)
    organ = models.CharField(_("organ handling the case"), max_length=200, blank=True)
    # The measure's start (detention) or the time of death: every clock counts from it.
    began_at = models.DateTimeField(_("began at"), db_index=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    summary = models.TextField(_("facts"), blank=True)
    # The main foreign nationality (statistics); every person's is on IncidentPerson.
    nationality = models.CharField(_("nationality"), max_length=2, db_index=True)
    dual_national = models.BooleanField(_("dual nationality claimed"), default=False)
    treaty = models.ForeignKey(
        ConsularTreaty,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("treaty applied"),
    )
    police_report_at = models.DateTimeField(_("police report received at"), null=True, blank=True)
    # The consular notification, made by the provincial police and recorded by the bureau.
    notified_on = models.DateField(_("consulate notified on"), null=True, blank=True)
    notification_channel = models.CharField(_("channel"), max_length=200, blank=True)
    notified_by = models.CharField(_("notified by"), max_length=200, blank=True)
    refused_notice = models.BooleanField(_("national refused the notice in writing"), default=False)
    media_line = models.TextField(_("press line"), blank=True)
    court_date = models.DateField(_("court date"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(_("outcome on"), null=True, blank=True)
    outcome_note = models.TextField(_("outcome"), blank=True)
    # A death (1995 rules, Annex 1).
    death_notice_on = models.DateField(_("family and consulate notified on"), null=True, blank=True)
    certificate_kind = models.CharField(
        _("certificate"), max_length=16, choices=CertificateKind.choices, blank=True
    )
    certificate_number = models.CharField(_("certificate number"), max_length=100, blank=True)
    family_decision = models.CharField(
        _("family's decision"), max_length=16, choices=FamilyDecision.choices, blank=True
    )
    written_request_on = models.DateField(_("written request dated"), null=True, blank=True)
    permit_cancelled_on = models.DateField(
        _("residence permit cancelled on"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("foreign-related incident")
        verbose_name_plural = _("foreign-related incidents")
        indexes = [
            models.Index(fields=["began_at", "nationality"], name="incidents_began_nat"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.nationality}"

    @property
    def is_detention(self) -> bool:
        return self.kind in (IncidentKind.CRIMINAL, IncidentKind.ADMINISTRATIVE)

    @property
    def is_death(self) -> bool:
        return self.kind == IncidentKind.DEATH

    @property
    def police_report_hours(self) -> float | None:
        """Hours from the measure to the police's report (the limit is 48: CPR art. 367)."""
        if self.police_report_at is None:
            return None
        return (self.police_report_at - self.began_at).total_seconds() / 3600


class IncidentPerson(models.Model):
    """A foreign person in an incident, from the shared people register."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="persons", verbose_name=_("incident")
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="incident_links",
        verbose_name=_("person"),
    )
    # The nationality the consular clock follows (the first foreign one claimed).
    nationality = models.CharField(_("nationality"), max_length=2)
    # China does not recognise dual nationality (Nationality Law art. 3): a Chinese national
    # holding a foreign passport is flagged for the division to decide how to proceed.
    dual_national = models.BooleanField(
        _("Chinese national with a foreign passport"), default=False
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("person in an incident")
        verbose_name_plural = _("persons in incidents")
        ordering = ["incident", "sort_order", "id"]

    def __str__(self) -> str:
        return f"{self.person_id} ({self.nationality})"


class ConsularVisit(TimeStampedModel):
    """A consular visit the consulate asked for, and when it was held."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="visits", verbose_name=_("incident")
    )
    consulate = models.CharField(_("consulate"), max_length=200)
    requested_on = models.DateField(_("requested on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("consular visit")
        verbose_name_plural = _("consular visits")
        ordering = ["incident", "requested_on", "id"]

    def __str__(self) -> str:
        return f"{self.consulate} {self.requested_on}"

    def due_on(self, visit_within: int | None) -> datetime.date | None:
        return (
            None if visit_within is None else self.requested_on + datetime.timedelta(visit_within)
        )
