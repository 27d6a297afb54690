"""The overseas Chinese register (侨情), its organisations, surveys and the two certificates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waishi.core import pii
from waishi.core.models import TimeStampedModel

from .constants import (
    Category,
    Decider,
    EndReason,
    OrganisationCategory,
    Purpose,
    Relation,
    ResidenceBasis,
    SurveyStatus,
)


class CountyAccess(TimeStampedModel):
    """A county officer named by the division to work on the register of one county."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="overseas_county_access",
        verbose_name=_("county officer"),
    )
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("county-level unit"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("named by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("county officer named for the register")
        verbose_name_plural = _("county officers named for the register")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(revoked_at__isnull=True),
                name="overseas_one_open_access_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.county_id}"


class Standing(TimeStampedModel):
    """One period of a person's overseas-Chinese standing; a change ends it and starts another.

    The current standing of a person is their row with no ``ended_on``; ended rows are the
    history. A 侨眷 names the 华侨 or 归侨 (``principal``) and the relation from the legal list;
    the principal's death ends nothing (IMP art. 3), a divorce or the end of support does.
    """

    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="overseas_standings",
        verbose_name=_("person"),
    )
    category = models.CharField(_("standing"), max_length=16, choices=Category.choices)
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("county-level unit"),
    )
    # Country of residence (华侨, 外籍华人) or the principal's country (relatives).
    country = models.CharField(_("country or region of residence"), max_length=2, blank=True)
    town = models.CharField(_("town or street"), max_length=60, blank=True)
    left_china_on = models.DateField(_("left China on"), null=True, blank=True)
    returned_on = models.DateField(_("came back to settle on"), null=True, blank=True)
    # 华侨: the residence test and its evidence.
    residence_basis = models.CharField(
        _("settled abroad by"), max_length=16, choices=ResidenceBasis.choices, blank=True
    )
    residence_from = models.DateField(_("residence abroad from"), null=True, blank=True)
    months_present = models.DecimalField(
        _("months present abroad"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    residence_evidence = models.CharField(_("residence evidence"), max_length=300, blank=True)
    # 侨眷 / 侨属 / relatives of compatriots.
    principal = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overseas_relatives",
        verbose_name=_("related to"),
    )
    relation = models.CharField(_("relation"), max_length=24, choices=Relation.choices, blank=True)
    relation_evidence = models.CharField(_("relation evidence"), max_length=300, blank=True)
    support_proof = pii.EncryptedTextField(_("notarised proof of support (number)"), blank=True)
    # The principal's own death, recorded on their standing; relatives keep theirs.
    died_on = models.DateField(_("died on"), null=True, blank=True)
    returned_entrepreneur = models.BooleanField(_("returned entrepreneur"), default=False)
    returned_student = models.BooleanField(_("returned student"), default=False)
    valid_from = models.DateField(_("standing from"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True, db_index=True)
    end_reason = models.CharField(
        _("reason it ended"), max_length=16, choices=EndReason.choices, blank=True
    )
    end_note = models.CharField(_("note on the end"), max_length=300, blank=True)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next",
        verbose_name=_("previous entry"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("overseas Chinese standing")
        verbose_name_plural = _("overseas Chinese standings")
        ordering = ["person", "-valid_from", "-id"]
        indexes = [
            models.Index(fields=["county", "category", "ended_on"], name="overseas_standing_list"),
            models.Index(fields=["country", "category"], name="overseas_standing_country"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_on__isnull=True),
                name="overseas_one_current_standing",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.category}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class OrganisationProfile(TimeStampedModel):
    """What the division keeps about an organisation of the shared register."""

    organisation = models.OneToOneField(
        "registers.Organisation",
        on_delete=models.PROTECT,
        related_name="overseas_profile",
        verbose_name=_("organisation"),
    )
    category = models.CharField(_("category"), max_length=16, choices=OrganisationCategory.choices)
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("county-level unit"),
        help_text=_("For enterprises in the city: where they are registered."),
    )
    leaders = models.CharField(_("leaders"), max_length=300, blank=True)
    contacts = pii.EncryptedTextField(_("contacts"), blank=True)
    investors = models.CharField(_("investors"), max_length=500, blank=True)
    investor_countries = models.CharField(_("investors' countries"), max_length=60, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    returned_entrepreneur = models.BooleanField(
        _("founded by a returned entrepreneur"), default=False
    )
    returned_student = models.BooleanField(_("founded by a returned student"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("overseas Chinese organisation")
        verbose_name_plural = _("overseas Chinese organisations")
        ordering = ["category", "id"]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.category}"


class SurveyCampaign(TimeStampedModel):
    """A census of overseas Chinese (侨情调查) in one county-level unit for one year."""

    year = models.PositiveSmallIntegerField(_("year"))
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("county-level unit"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey campaign")
        verbose_name_plural = _("survey campaigns")
        ordering = ["-year", "county__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["year", "county"], name="overseas_campaign_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.county_id}"


class SurveyRecord(TimeStampedModel):
    """One person counted in a survey campaign (survey data: no link to the register needed)."""

    campaign = models.ForeignKey(
        SurveyCampaign,
        on_delete=models.CASCADE,
        related_name="records",
        verbose_name=_("campaign"),
    )
    name = pii.EncryptedTextField(_("name"))
    sex = models.CharField(_("sex"), max_length=10, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    category = models.CharField(_("standing"), max_length=16, choices=Category.choices)
    country = models.CharField(_("country or region of residence"), max_length=2)
    left_china_year = models.PositiveSmallIntegerField(
        _("year of leaving China"), null=True, blank=True
    )
    town = models.CharField(_("town or street"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.ENTERED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("survey record")
        verbose_name_plural = _("survey records")
        ordering = ["campaign", "id"]
        indexes = [models.Index(fields=["campaign", "status"], name="overseas_record_status")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.pk}"


class IdentityApplication(models.Model):
    """An application for an identity certificate of a 归侨 or 侨眷 (归侨/侨眷身份证明书)."""

    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="identity_application",
        verbose_name=_("case"),
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("applicant"),
    )
    category = models.CharField(_("standing to confirm"), max_length=16, choices=Category.choices)
    principal = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("related to"),
    )
    relation = models.CharField(_("relation"), max_length=24, choices=Relation.choices, blank=True)
    relation_evidence = models.CharField(_("relation evidence"), max_length=300, blank=True)
    support_proof = pii.EncryptedTextField(_("notarised proof of support (number)"), blank=True)
    hukou_county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("household registration place"),
    )
    hukou_evidence = models.CharField(_("household registration evidence"), max_length=300)
    decider = models.CharField(_("decided by"), max_length=8, choices=Decider.choices)
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    purpose_other = models.CharField(_("other purpose"), max_length=200, blank=True)
    receiving_unit = models.CharField(_("receiving unit"), max_length=200)
    refusal_reasons = models.TextField(_("reasons for the refusal"), blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=100, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("identity certificate application")
        verbose_name_plural = _("identity certificate applications")

    def __str__(self) -> str:
        return f"{self.case_id} {self.category}"


class SettlementApplication(models.Model):
    """An application for a return-to-settle certificate (华侨回国定居证, GDQ art. 8)."""

    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="settlement_application",
        verbose_name=_("case"),
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("applicant"),
    )
    country = models.CharField(_("country or region of residence"), max_length=2)
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("intended place of settlement"),
    )
    applied_on = models.DateField(_("applied on"))
    # [{"arrived": "YYYY-MM-DD", "left": "YYYY-MM-DD"}, …]: stays in China.
    stays = models.JSONField(_("stays in China"), default=list)
    presence_met = models.BooleanField(_("presence test met"), default=False)
    presence_note = models.CharField(_("presence test"), max_length=500, blank=True)
    housing_evidence = models.CharField(_("housing evidence"), max_length=300, blank=True)
    housing_checked = models.BooleanField(_("stable housing checked"), default=False)
    livelihood_evidence = models.CharField(_("livelihood evidence"), max_length=300, blank=True)
    livelihood_checked = models.BooleanField(_("livelihood checked"), default=False)
    certificate_number = models.CharField(_("certificate number"), max_length=100, blank=True)
    refusal_reasons = models.TextField(_("reasons for the refusal"), blank=True)

    class Meta:
        verbose_name = _("return-to-settle application")
        verbose_name_plural = _("return-to-settle applications")

    def __str__(self) -> str:
        return f"{self.case_id}"
