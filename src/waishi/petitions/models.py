"""Rights-protection complaints: the case detail and the hearings that pause its clocks."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.core.models import TimeStampedModel

from .constants import Category, Channel, ReviewResult, RightsArea, Satisfaction, Stage


class Petition(models.Model):
    """A complaint of a returned overseas Chinese, a relative or an overseas Chinese (侨务信访)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="petition", verbose_name=_("case")
    )
    channel = models.CharField(
        pgettext_lazy("petition", "received by"), max_length=12, choices=Channel.choices
    )
    category = models.CharField(
        _("category"), max_length=12, choices=Category.choices, db_index=True
    )
    rights_area = models.CharField(
        _("rights concerned"), max_length=16, choices=RightsArea.choices, db_index=True
    )
    # Every clock of the notice counts from the day the complaint arrived (XF art. 22).
    received_on = models.DateField(pgettext_lazy("petition", "received on"), db_index=True)
    petitioner = models.ForeignKey(
        "registers.Person",
        on_delete=models.PROTECT,
        related_name="petitions",
        verbose_name=_("petitioner"),
    )
    people_count = models.PositiveSmallIntegerField(_("people in the visit"), default=1)
    request = models.TextField(_("the request and its facts"))
    # The department complained against: one of the city's agencies, a division of the bureau,
    # or a body outside the system named in words. Its people never see the complaint.
    against_agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency complained against"),
    )
    against_division = models.ForeignKey(
        "accounts.Division",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("division of the bureau complained against"),
    )
    against_name = models.CharField(_("department complained against"), max_length=200)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    transferred_on = models.DateField(_("transferred on"), null=True, blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=200, blank=True)
    declined_reason = models.TextField(_("reason for not accepting"), blank=True)
    extension_days = models.PositiveSmallIntegerField(_("extension (days)"), default=0)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    replied_on = models.DateField(_("handling opinion given on"), null=True, blank=True)
    opinion = models.TextField(_("handling opinion"), blank=True)
    review_requested_on = models.DateField(_("review requested on"), null=True, blank=True)
    review_body = models.CharField(_("reviewing organ"), max_length=200, blank=True)
    reviewed_on = models.DateField(_("review opinion on"), null=True, blank=True)
    review_result = models.CharField(
        _("review result"), max_length=12, choices=ReviewResult.choices, blank=True
    )
    review_opinion = models.TextField(_("review opinion"), blank=True)
    rereview_requested_on = models.DateField(_("re-review requested on"), null=True, blank=True)
    rereview_body = models.CharField(_("re-reviewing organ"), max_length=200, blank=True)
    rereviewed_on = models.DateField(_("re-review opinion on"), null=True, blank=True)
    rereview_result = models.CharField(
        _("re-review result"), max_length=12, choices=ReviewResult.choices, blank=True
    )
    rereview_opinion = models.TextField(_("re-review opinion"), blank=True)
    # The petitioner's rating of the handling (XF art. 21: progress query and rating).
    satisfaction = models.CharField(
        _("petitioner's satisfaction"), max_length=12, choices=Satisfaction.choices, blank=True
    )
    satisfaction_note = models.CharField(_("petitioner's comment"), max_length=500, blank=True)
    satisfaction_on = models.DateField(_("rated on"), null=True, blank=True)

    class Meta:
        verbose_name = _("rights-protection complaint")
        verbose_name_plural = _("rights-protection complaints")
        indexes = [
            models.Index(fields=["received_on", "category"], name="petitions_received_cat"),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} · {self.against_name}"

    @property
    def satisfaction_choices(self) -> list[tuple[str, Any]]:
        """The ratings the case page's form offers."""
        return list(Satisfaction.choices)


class Hearing(TimeStampedModel):
    """A hearing (听证) held on a complaint: its days are not counted (XF art. 36)."""

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="hearings", verbose_name=_("complaint")
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    started_on = models.DateField(_("hearing from"))
    ended_on = models.DateField(_("hearing to"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["petition", "started_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} {self.started_on}"
