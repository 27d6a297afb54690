"""A mission application: the detail of a ``cases.Case`` of type CG, and its parts."""

from functools import cached_property

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import ActivityKind, BudgetCategory, HalfDay, InviterKind, ProvinceDecision


class Mission(models.Model):
    """What an agency applies for: who goes where, when, why, invited by whom, at what cost.

    Editable by the agency while the case is a draft, returned for revision or under a change
    request; ``version`` guards against two people saving over each other.
    """

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="mission", verbose_name=_("case")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    purpose = models.TextField(_("purpose of the mission"), blank=True)
    academic_exchange = models.BooleanField(
        _("academic exchange"),
        default=False,
        help_text=_("Teaching and research staff travelling for academic exchange."),
    )
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    return_date = models.DateField(_("return date"), null=True, blank=True)
    # Inviter.
    inviter_name = models.CharField(_("inviting organisation"), max_length=200, blank=True)
    inviter_country = models.CharField(_("inviter's country or region"), max_length=2, blank=True)
    inviter_contact = models.CharField(_("inviter's contact"), max_length=200, blank=True)
    inviter_relation = models.CharField(_("relation with the inviter"), max_length=300, blank=True)
    inviter_kind = models.CharField(
        _("kind of inviter"), max_length=30, choices=InviterKind.choices, blank=True
    )
    invitation_letter = models.ForeignKey(
        "cases.Attachment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invitation letter"),
    )
    invitation_translation = models.ForeignKey(
        "cases.Attachment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("translation of the invitation"),
    )
    # Plan and funds.
    planned_mission = models.ForeignKey(
        "missions.PlannedMission",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="missions",
        verbose_name=_("planned mission"),
    )
    out_of_plan_reason = models.TextField(_("reason for a mission outside the plan"), blank=True)
    funding_source = models.CharField(_("source of funds"), max_length=200, blank=True)
    # Pre-departure disclosure inside the agency.
    disclosure_start = models.DateField(_("disclosure from"), null=True, blank=True)
    disclosure_end = models.DateField(_("disclosure until"), null=True, blank=True)
    disclosure_place = models.CharField(_("where it was posted"), max_length=200, blank=True)
    disclosure_feedback = models.TextField(_("feedback received"), blank=True)
    # The agency signatory's confirmation; any later edit clears it.
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    # Missions led by a city leader are decided by the provincial foreign-affairs office.
    province_decision = models.CharField(
        _("provincial decision"), max_length=10, choices=ProvinceDecision.choices, blank=True
    )
    province_document_number = models.CharField(
        _("provincial document number"), max_length=60, blank=True
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # After the trip.
    returned_on = models.DateField(_("actual return date"), null=True, blank=True)
    report_due = models.DateField(_("trip report due"), null=True, blank=True)
    report = models.TextField(_("trip report"), blank=True)
    report_disclosure = models.TextField(_("post-return disclosure"), blank=True)
    report_submitted_at = models.DateTimeField(_("report submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        indexes = [models.Index(fields=["departure_date"], name="missions_mission_departure")]

    def __str__(self) -> str:
        return str(self.case)

    @property
    def leader(self) -> "MissionMember | None":
        return next((m for m in self.members.all() if m.is_leader), None)

    @property
    def is_editable(self) -> bool:
        from ..workflow import EDITABLE_STATES

        return self.case.status in EDITABLE_STATES

    @property
    def days_abroad(self) -> int | None:
        if self.departure_date is None or self.return_date is None:
            return None
        return (self.return_date - self.departure_date).days + 1

    @cached_property
    def delegation(self) -> list["MissionMember"]:
        """The members with their travellers, leader first, read once for every reader.

        The case page prefetches them (``prefetch_case_page``); elsewhere one joined query.
        """
        if "members" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.members.all())
        return list(self.members.select_related("traveller"))

    @cached_property
    def member_rows(self) -> list[object]:
        """Members with their official trips in the last two years (for the case page)."""
        from ..checking import members_with_recent_trips

        return members_with_recent_trips(self)

    @cached_property
    def recorded_check(self) -> list[dict[str, object]]:
        """The rule check recorded at filing, with overrides (for the case page)."""
        from ..checking import verdict_rows

        return verdict_rows(self)

    @cached_property
    def total_rmb(self) -> object:
        return sum((line.amount_rmb for line in self.budget.all()), 0)


class MissionMember(models.Model):
    """A registered traveller in the delegation; one of them leads it."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="members", verbose_name=_("mission")
    )
    traveller = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("traveller"),
    )
    is_leader = models.BooleanField(_("leader of the delegation"), default=False)
    role = models.CharField(_("role in the delegation"), max_length=60, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["mission", "-is_leader", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "traveller"], name="missions_member_once")
        ]

    def __str__(self) -> str:
        return str(self.traveller)


class Destination(models.Model):
    """A stop of the trip, in visiting order, with the tasks there."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="destinations", verbose_name=_("mission")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    country = models.CharField(_("country or region"), max_length=2)
    city = models.CharField(_("city"), max_length=100, blank=True)
    arrive_on = models.DateField(_("arrival"), null=True, blank=True)
    leave_on = models.DateField(_("departure"), null=True, blank=True)
    is_transit = models.BooleanField(_("transit stop"), default=False)
    airside_only = models.BooleanField(
        _("without leaving the airport"),
        default=False,
        help_text=_("A transit stop counts as a country visited unless travellers stay airside."),
    )
    tasks = models.TextField(_("tasks"), blank=True)

    class Meta:
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")
        ordering = ["mission", "sort_order", "id"]

    def __str__(self) -> str:
        return f"{self.country} {self.city}".strip()


class ItineraryItem(models.Model):
    """What the delegation does in one half-day abroad."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="itinerary", verbose_name=_("mission")
    )
    date = models.DateField(_("date"))
    half = models.CharField(_("half-day"), max_length=10, choices=HalfDay.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    activity = models.CharField(_("activity"), max_length=300)
    kind = models.CharField(
        _("kind of activity"),
        max_length=20,
        choices=ActivityKind.choices,
        default=ActivityKind.OFFICIAL,
    )

    class Meta:
        verbose_name = _("itinerary item")
        verbose_name_plural = _("itinerary")
        ordering = ["mission", "date", "-half", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "date", "half"], name="missions_itinerary_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_half_display()} {self.activity}"


class BudgetLine(models.Model):
    """A budget line in the country's currency and in RMB."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="budget", verbose_name=_("mission")
    )
    category = models.CharField(_("category"), max_length=30, choices=BudgetCategory.choices)
    country = models.CharField(_("country or region"), max_length=2, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    amount_rmb = models.DecimalField(
        _("amount in RMB"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    persons = models.PositiveSmallIntegerField(_("persons"), default=1)
    days = models.PositiveSmallIntegerField(_("days"), default=1)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["mission", "category", "id"]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.amount} {self.currency}"


class Verdict(models.Model):
    """The rule check as recorded when the application was filed, never recomputed.

    ``violations`` holds each violation with the id of the rule version it applied, so a later
    change to the rules does not change what was decided on.
    """

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="verdicts", verbose_name=_("mission")
    )
    checked_on = models.DateField(_("rules in force on"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    stage = models.CharField(_("stage"), max_length=40)
    violations = models.JSONField(_("violations"), default=list)

    class Meta:
        verbose_name = _("rule check verdict")
        verbose_name_plural = _("rule check verdicts")
        ordering = ["mission", "-recorded_at", "-id"]
        indexes = [
            models.Index(fields=["mission", "-recorded_at", "-id"], name="missions_verdict_latest")
        ]

    def __str__(self) -> str:
        return f"{self.mission_id} {self.recorded_at:%Y-%m-%d %H:%M}"


class Override(models.Model):
    """An authorised officer's decision to accept a warning, with the reason."""

    verdict = models.ForeignKey(
        Verdict, on_delete=models.CASCADE, related_name="overrides", verbose_name=_("verdict")
    )
    rule_code = models.CharField(_("rule"), max_length=40)
    message_key = models.CharField(_("message"), max_length=40)
    rule_version_id = models.PositiveBigIntegerField(_("rule version"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("officer"),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("override of a warning")
        verbose_name_plural = _("overrides of warnings")
        ordering = ["verdict", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verdict", "rule_code", "message_key"], name="missions_override_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_code}: {self.reason[:40]}"


# The parts of an application, each read in one query for any number of missions: the
# members with their travellers, the stops, the itinerary and the budget lines. The case page
# prefetches them (``CaseType.detail_prefetch``), and so does a transition (``mission_parts``).
PARTS_PREFETCH = (
    models.Prefetch("members", queryset=MissionMember.objects.select_related("traveller")),
    "destinations",
    "itinerary",
    "budget",
)
