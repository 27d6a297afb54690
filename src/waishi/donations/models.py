"""Donors, donations (case type JZ), donated projects (case type JX) and their records.

A donor is a person of the shared people register or an organisation of the organisations
register, with the donor's wishes on publicity and confidentiality (DL art. 8). A donation
is valued in RMB on the day it was accepted, from the exchange-rate table kept here as data.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    ChangeStatus,
    DoneeKind,
    DonorType,
    FlagKind,
    GiftForm,
    NamingStatus,
    Purpose,
)


class ExchangeRate(models.Model):
    """How many RMB one unit of a currency was worth on a day, and who published it."""

    currency = models.CharField(_("currency"), max_length=3)
    on = models.DateField(_("date"))
    rate = models.DecimalField(_("RMB per unit"), max_digits=14, decimal_places=6)
    source = models.CharField(_("source"), max_length=200)
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-on"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "on"], name="donations_rate_unique_day"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="donations_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.on:%Y-%m-%d} {self.rate}"


class Donor(models.Model):
    """A donor: a person or an organisation of the shared registers, with their wishes."""

    donor_type = models.CharField(_("donor type"), max_length=20, choices=DonorType.choices)
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="donor_records",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "registers.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="donor_records",
        verbose_name=_("organisation"),
    )
    country = models.CharField(_("country or region of residence"), max_length=2, db_index=True)
    publicity_consent = models.BooleanField(_("consents to publicity"), default=False)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    confidential = models.BooleanField(_("asks for confidentiality"), default=False)
    confidentiality_note = models.CharField(
        _("what is to be kept confidential"), max_length=300, blank=True
    )
    registered_by = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, organisation__isnull=True)
                    | models.Q(person__isnull=True, organisation__isnull=False)
                ),
                name="donations_donor_person_or_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.person_id is not None:
            return str(self.person.name)  # type: ignore[union-attr]
        return str(self.organisation.name_zh) if self.organisation_id else ""  # type: ignore[union-attr]

    @property
    def public_name(self) -> str:
        """The name as lists outside the bureau may print it: hidden when confidential."""
        if self.confidential or not self.publicity_consent:
            return str(_("Donor (not published)"))
        return self.name


class Donation(models.Model):
    """A donation the donee files with the bureau (detail of a JZ case)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="donation", verbose_name=_("case")
    )
    donors = models.ManyToManyField(
        Donor, through="DonationDonor", related_name="donations", verbose_name=_("donors")
    )
    # The donor whose country and name the statistics and the certificate's language follow.
    donor_country = models.CharField(_("donor's country or region"), max_length=2, db_index=True)
    donee_kind = models.CharField(_("kind of donee"), max_length=20, choices=DoneeKind.choices)
    # The county government the donee belongs to; empty for a city-level donee. It decides
    # which office reviews the donation and issues the certificate.
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("county or district"),
    )
    gift_form = models.CharField(_("form"), max_length=10, choices=GiftForm.choices)
    goods_description = models.CharField(_("goods"), max_length=300, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    amount = models.DecimalField(_("amount or value"), max_digits=16, decimal_places=2)
    accepted_on = models.DateField(_("accepted on"), db_index=True)
    rate = models.ForeignKey(
        ExchangeRate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exchange rate applied"),
    )
    rmb_value = models.DecimalField(_("value in RMB"), max_digits=16, decimal_places=2)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    use = models.CharField(_("agreed use"), max_length=300)
    agreement = models.ForeignKey(
        "cases.Attachment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("donation agreement"),
    )
    receipt_number = models.CharField(_("receipt number"), max_length=60)
    ledger_entry = models.CharField(_("ledger entry"), max_length=60)
    threshold = models.DecimalField(
        _("certificate threshold applied (RMB)"), max_digits=16, decimal_places=2
    )
    threshold_rule_id = models.IntegerField(_("threshold rule"), null=True, blank=True)
    needs_certificate = models.BooleanField(_("certificate due"), default=False)
    filing_due = models.DateField(_("to be filed by"))
    filed_on = models.DateField(_("filed on"))
    late_filing = models.BooleanField(_("filed late"), default=False, db_index=True)

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        indexes = [models.Index(fields=["county", "accepted_on"], name="donations_county_day")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.rmb_value}"

    @property
    def is_county(self) -> bool:
        return self.county_id is not None

    @property
    def is_foreign_currency(self) -> bool:
        return self.currency != "CNY"


class DonationDonor(models.Model):
    donation = models.ForeignKey(
        Donation, on_delete=models.CASCADE, related_name="donor_links", verbose_name=_("donation")
    )
    donor = models.ForeignKey(
        Donor, on_delete=models.PROTECT, related_name="donation_links", verbose_name=_("donor")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("donor of a donation")
        verbose_name_plural = _("donors of donations")
        ordering = ["sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["donation", "donor"], name="donations_donor_once")
        ]

    def __str__(self) -> str:
        return f"{self.donation_id}/{self.donor_id}"


class Project(models.Model):
    """A donated construction project (detail of a JX case), kept in the city's archive."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="project", verbose_name=_("case")
    )
    title = models.CharField(_("project"), max_length=200, db_index=True)
    approved_name = models.CharField(_("approved name"), max_length=200, blank=True)
    donor = models.ForeignKey(
        Donor,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("principal donor"),
    )
    donor_country = models.CharField(_("donor's country or region"), max_length=2, db_index=True)
    donations = models.ManyToManyField(
        Donation, blank=True, related_name="projects", verbose_name=_("donations")
    )
    county = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("county or district"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    location = models.CharField(_("location"), max_length=200)
    donated_rmb = models.DecimalField(
        _("donated (RMB)"), max_digits=16, decimal_places=2, default=Decimal("0")
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    construction_approved_on = models.DateField(
        _("construction approved on"), null=True, blank=True
    )
    construction_approval = models.CharField(_("approval document"), max_length=100, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    confirmation_applied_on = models.DateField(
        _("confirmation applied for on"), null=True, blank=True
    )
    late_confirmation = models.BooleanField(_("confirmation applied for late"), default=False)
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    government_approval = models.CharField(_("government approval"), max_length=100, blank=True)
    sign_plate_number = models.CharField(_("sign-plate number"), max_length=40, blank=True)
    use = models.CharField(_("present use"), max_length=300)

    class Meta:
        verbose_name = _("donated project")
        verbose_name_plural = _("donated projects")
        indexes = [models.Index(fields=["county", "year"], name="donations_project_county")]
        constraints = [
            models.UniqueConstraint(
                fields=["sign_plate_number"],
                condition=~models.Q(sign_plate_number=""),
                name="donations_sign_plate_unique",
            )
        ]

    def __str__(self) -> str:
        return self.approved_name or self.title

    @property
    def display_name(self) -> str:
        return self.approved_name or self.title


class Milestone(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("project")
    )
    title = models.CharField(_("milestone"), max_length=200)
    on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return self.title


class NamingRequest(models.Model):
    """A donor's proposal to name the project, approved by the county-level government."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="namings", verbose_name=_("project")
    )
    proposed_name = models.CharField(_("proposed name"), max_length=200)
    step = models.ForeignKey(
        "cases.ExternalStep",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("request to the government"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=NamingStatus.choices, default=NamingStatus.REQUESTED
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    their_reference = models.CharField(_("government's reference"), max_length=100, blank=True)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("naming request")
        verbose_name_plural = _("naming requests")
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return self.proposed_name


class ChangeOfUse(models.Model):
    """A change of a project's use: only with the donor's written consent (DL art. 18)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="changes", verbose_name=_("project")
    )
    new_use = models.CharField(_("new use"), max_length=300)
    reason = models.CharField(_("reason"), max_length=500)
    consent_on = models.DateField(_("donor's written consent dated"))
    consent = models.ForeignKey(
        "cases.Attachment",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("donor's written consent"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ChangeStatus.choices, default=ChangeStatus.REQUESTED
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of use")
        verbose_name_plural = _("changes of use")
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return self.new_use


class UseReport(models.Model):
    """The donee's yearly report on the use of a project (DL art. 20)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="use_reports", verbose_name=_("project")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    filed_on = models.DateField(_("filed on"))
    summary = models.TextField(_("summary"))

    class Meta:
        verbose_name = _("use report")
        verbose_name_plural = _("use reports")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="donations_report_once")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.year}"


class MisuseFlag(models.Model):
    """A fact the discipline inspector should see: misuse, late filing or confirmation."""

    kind = models.CharField(_("kind"), max_length=20, choices=FlagKind.choices)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="+", verbose_name=_("case")
    )
    text = models.CharField(_("what"), max_length=500)
    raised_on = models.DateField(_("raised on"), db_index=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("raised by"),
    )
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("misuse flag")
        verbose_name_plural = _("misuse flags")
        ordering = ["-raised_on", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.case_id}"
