"""The Honorary Citizen of Zhaoqing award: rounds, nominations (case type RY) and citizens."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core.models import TimeStampedModel

from .constants import (
    CitizenStatus,
    Criterion,
    ExclusionGround,
    NominatedBy,
    NomineeType,
    RoundStatus,
)


class HonoraryRound(TimeStampedModel):
    """One round of the award: the call, its deadline, the public notice and the session."""

    number = models.PositiveSmallIntegerField(_("round"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    call_opened_on = models.DateField(_("call opened on"), db_index=True)
    deadline = models.DateField(_("nominations close on"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    notice_from = models.DateField(_("public notice from"), null=True, blank=True)
    notice_to = models.DateField(_("public notice until"), null=True, blank=True)
    # The Wagtail notice page (Simplified source) published for the round's public notice.
    notice_page_id = models.PositiveIntegerField(_("notice page"), null=True, blank=True)
    # The rule version the interval was checked against when the call was opened.
    interval_rule_id = models.PositiveIntegerField(_("interval rule"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("honorary citizen round")
        verbose_name_plural = _("honorary citizen rounds")
        ordering = ["-call_opened_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class Nomination(models.Model):
    """A nomination for the title: the case's detail row (type RY)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="nomination", verbose_name=_("case")
    )
    round = models.ForeignKey(
        HonoraryRound,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("round"),
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("nominee"),
    )
    nominee_type = models.CharField(
        _("nominee is"), max_length=20, choices=NomineeType.choices, db_index=True
    )
    nominated_by = models.CharField(_("nominated by"), max_length=10, choices=NominatedBy.choices)
    nominator_name = models.CharField(_("nominating unit or person"), max_length=200)
    criteria = models.JSONField(_("criteria"), default=list)
    contribution = models.TextField(_("contribution and evidence"))
    citation = models.CharField(_("citation (Chinese)"), max_length=300, blank=True)
    citation_en = models.CharField(_("citation (English)"), max_length=300, blank=True)
    donations = models.DecimalField(
        _("donations (RMB)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    investment = models.DecimalField(
        _("investment (RMB)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # The nominee's consent to being nominated is a condition of every model of the award;
    # the consent to being listed on the website is separate.
    consent_on = models.DateField(_("nominee consented on"))
    consent_note = models.CharField(_("how the consent was given"), max_length=300)
    publish_consent = models.BooleanField(
        _("nominee agrees to be listed on the website"), default=False
    )
    reviewed_on = models.DateField(_("initial review on"), null=True, blank=True)
    review_opinion = models.TextField(_("initial review"), blank=True)
    committee_members = models.PositiveSmallIntegerField(_("committee members"), null=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    voted_on = models.DateField(_("voted on"), null=True, blank=True)
    objections = models.TextField(_("objections during the notice"), blank=True)
    meeting_on = models.DateField(_("executive meeting on"), null=True, blank=True)
    meeting_number = models.CharField(_("executive meeting"), max_length=100, blank=True)
    motion_on = models.DateField(_("motion sent on"), null=True, blank=True)
    session_on = models.DateField(_("standing committee session on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_number = models.CharField(_("decision"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        indexes = [models.Index(fields=["round", "nominee_type"], name="honours_nom_round_type")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.person_id}"

    def criteria_labels(self) -> list[str]:
        return [str(Criterion(c).label) for c in self.criteria if c in Criterion.values]


class HonoraryCitizen(TimeStampedModel):
    """A person the standing committee made an Honorary Citizen, and the title's status."""

    nomination = models.OneToOneField(
        Nomination,
        on_delete=models.PROTECT,
        related_name="citizen",
        verbose_name=_("nomination"),
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="honours",
        verbose_name=_("person"),
    )
    conferred_on = models.DateField(_("conferred on"), db_index=True)
    decision_number = models.CharField(_("decision"), max_length=100)
    certificate_number = models.CharField(_("certificate number"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CitizenStatus.choices,
        default=CitizenStatus.ACTIVE,
        db_index=True,
    )
    status_on = models.DateField(_("status since"), null=True, blank=True)
    status_reason = models.TextField(_("reasons"), blank=True)
    revocation_ground = models.CharField(
        _("ground"), max_length=20, choices=ExclusionGround.choices, blank=True
    )
    status_decision = models.CharField(_("decision on the status"), max_length=100, blank=True)
    # Copied from the nomination: the website lists only those who agreed.
    publish_consent = models.BooleanField(_("listed on the website"), default=False)
    ceremony_on = models.DateField(_("ceremony on"), null=True, blank=True)
    ceremony_place = models.CharField(_("ceremony place"), max_length=200, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("honorary citizen")
        verbose_name_plural = _("honorary citizens")
        ordering = ["-conferred_on", "id"]

    def __str__(self) -> str:
        return f"{self.person_id} ({self.conferred_on})"


class AnnualContact(TimeStampedModel):
    """The bureau's yearly contact with an honorary citizen (greetings, visit, invitation)."""

    citizen = models.ForeignKey(
        HonoraryCitizen,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("honorary citizen"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    contacted_on = models.DateField(_("contacted on"))
    channel = models.CharField(_("how"), max_length=100)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("annual contact")
        verbose_name_plural = _("annual contacts")
        ordering = ["citizen", "-contacted_on", "-id"]
        indexes = [models.Index(fields=["citizen", "year"], name="honours_contact_year")]

    def __str__(self) -> str:
        return f"{self.citizen_id} {self.contacted_on}"
