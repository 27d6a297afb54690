"""Foreign visits received by the city (外宾接待) and the gifts register (国务院令第133号)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import BanquetFormat, GiftKind, HostingClass, HostRank, ItemKind, RankClass


class Visit(models.Model):
    """A foreign delegation received by a city unit, by the bureau, or by several together."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="visit", verbose_name=_("case")
    )
    bureau_hosts = models.BooleanField(
        _("the bureau hosts"),
        default=False,
        help_text=_("The bureau itself receives the delegation (with the agency on record)."),
    )
    co_hosts = models.ManyToManyField(
        "accounts.Agency",
        blank=True,
        related_name="co_hosted_visits",
        verbose_name=_("co-hosting agencies"),
    )
    other_co_hosts = models.CharField(
        _("other co-hosts"),
        max_length=300,
        blank=True,
        help_text=_("Units outside the city's agencies, e.g. an overseas Chinese association."),
    )
    purpose = models.TextField(_("purpose of the visit"))
    country = models.CharField(_("country or region of the delegation"), max_length=2)
    arrival_date = models.DateField(_("arrival"), db_index=True)
    departure_date = models.DateField(_("departure"))
    hosting_class = models.CharField(
        _("hosting class"), max_length=16, choices=HostingClass.choices, default=HostingClass.FULL
    )
    reciprocity_agreement = models.BooleanField(
        _("reciprocity or exchange agreement"),
        default=False,
        help_text=_("With such an agreement the guests may be hosted for more than five days."),
    )
    partner_city = models.ForeignKey(
        "registers.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("partner city"),
    )
    invitation_reference = models.CharField(_("invitation"), max_length=60, blank=True)
    mission_reference = models.CharField(
        _("mission abroad returned"),
        max_length=30,
        blank=True,
        help_text=_("The reference number of the city's mission this visit returns, if any."),
    )
    invites_diplomats = models.BooleanField(
        _("diplomats accredited in China are invited"), default=False
    )
    lodging_stars = models.PositiveSmallIntegerField(
        _("hotel class (stars)"), null=True, blank=True
    )
    meals_per_day = models.DecimalField(
        _("meals per person per day (RMB)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    interpretation = models.TextField(_("interpretation"), blank=True)
    media_coverage = models.TextField(_("media coverage"), blank=True)
    lodging_transport = models.TextField(_("lodging and transport"), blank=True)
    materials = models.TextField(_("materials"), blank=True)
    planned_cost = models.DecimalField(
        _("planned cost (RMB)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    actual_cost = models.DecimalField(
        _("actual cost (RMB)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    outcome_report = models.TextField(_("outcome report"), blank=True)
    press_release = models.TextField(_("press release draft"), blank=True)
    plan_version = models.PositiveIntegerField(_("plan version"), default=0)
    # Raised by every change of the plan; an edit opened at an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("foreign visit")
        verbose_name_plural = _("foreign visits")

    def __str__(self) -> str:
        return self.case.title

    @property
    def hosted_days(self) -> int:
        """Days of the visit, arrival and departure included (REC art. 6)."""
        return (self.departure_date - self.arrival_date).days + 1


class Guest(models.Model):
    """A member of the delegation: a person of the shared register with a rank class."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="guests", verbose_name=_("visit")
    )
    person = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="visits_as_guest",
        verbose_name=_("person"),
    )
    rank_class = models.CharField(
        _("rank class"), max_length=20, choices=RankClass.choices, default=RankClass.OTHER
    )
    is_head = models.BooleanField(_("head of delegation"), default=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    dietary_notes = models.CharField(_("dietary notes"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["visit", "-is_head", "id"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "person"], name="visits_guest_once"),
        ]

    def __str__(self) -> str:
        return self.person.name


class ScheduleItem(models.Model):
    """One item of the reception plan (接待方案): when, where, what, who on the Chinese side."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="schedule", verbose_name=_("visit")
    )
    starts_at = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=200)
    activity = models.CharField(_("activity"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=ItemKind.choices)
    chinese_participants = models.TextField(_("Chinese participants"), blank=True)
    banquet_format = models.CharField(
        _("banquet format"), max_length=16, choices=BanquetFormat.choices, blank=True
    )
    host_rank = models.CharField(
        _("host's rank"), max_length=16, choices=HostRank.choices, blank=True
    )
    cost_per_person = models.DecimalField(
        _("cost per person (RMB)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    city_leader = models.CharField(
        _("city leader attending"),
        max_length=60,
        blank=True,
        help_text=_("A city leader attending needs that leader's approval ahead of the item."),
    )
    leader_requested_on = models.DateField(_("approval requested on"), null=True, blank=True)
    leader_approved_on = models.DateField(_("leader approved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("schedule item")
        verbose_name_plural = _("schedule items")
        ordering = ["visit", "starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.activity}"


class PlanVersion(models.Model):
    """The reception plan as it stood when it was filed: one version per change."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="plan_versions", verbose_name=_("visit")
    )
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("plan"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("filed by"),
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["visit", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "number"], name="visits_plan_version_once"),
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class Override(models.Model):
    """A rule warning on a visit accepted by an authorised officer, with the reason."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="overrides", verbose_name=_("visit")
    )
    rule_code = models.CharField(_("rule"), max_length=40)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    at = models.DateTimeField(_("accepted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accepted warning")
        verbose_name_plural = _("accepted warnings")
        constraints = [
            models.UniqueConstraint(fields=["visit", "rule_code"], name="visits_override_once"),
        ]

    def __str__(self) -> str:
        return self.rule_code


class GiftGiven(models.Model):
    """A gift the host gives a guest: approved, valued, to the head of delegation (once)."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="gifts_given", verbose_name=_("visit")
    )
    recipient = models.ForeignKey(
        Guest, on_delete=models.CASCADE, related_name="gifts", verbose_name=_("recipient")
    )
    item = models.CharField(_("item"), max_length=200)
    value = models.DecimalField(_("value (RMB)"), max_digits=12, decimal_places=2)
    approved_by = models.CharField(_("approved by"), max_length=60)
    approved_on = models.DateField(_("approved on"))

    class Meta:
        verbose_name = _("gift given")
        verbose_name_plural = _("gifts given")
        ordering = ["visit", "id"]

    def __str__(self) -> str:
        return self.item


class ReceivedGift(models.Model):
    """A gift received by a person of an agency in official dealings with foreigners."""

    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="received_gift",
        verbose_name=_("case"),
    )
    recipient = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="gifts_received",
        verbose_name=_("recipient"),
    )
    item = models.CharField(_("item"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=GiftKind.choices)
    value = models.DecimalField(_("estimated market value (RMB)"), max_digits=12, decimal_places=2)
    giver = models.CharField(_("given by"), max_length=200)
    giver_country = models.CharField(_("giver's country or region"), max_length=2, blank=True)
    received_on = models.DateField(_("received on"), db_index=True)
    returned_on = models.DateField(
        _("returned to China on"),
        null=True,
        blank=True,
        help_text=_("For a gift received abroad: the declaration is due a month after return."),
    )
    mission_reference = models.CharField(_("mission"), max_length=30, blank=True)
    declared_on = models.DateField(_("declared on"), null=True, blank=True)
    declared_late = models.BooleanField(_("declared late"), default=False)
    keeping_body = models.CharField(_("keeping body"), max_length=200, blank=True)
    handed_in_on = models.DateField(_("handed in on"), null=True, blank=True)
    disposal = models.TextField(_("disposal"), blank=True)
    disposed_on = models.DateField(_("disposed of on"), null=True, blank=True)

    class Meta:
        verbose_name = _("received gift")
        verbose_name_plural = _("received gifts")

    def __str__(self) -> str:
        return self.item

    @property
    def counted_from(self) -> datetime.date:
        """The day the month to declare counts from: the return, else the day received."""
        return self.returned_on or self.received_on

    @property
    def is_money(self) -> bool:
        return self.kind in (GiftKind.CASH, GiftKind.SECURITIES)
