"""The register of people who travel on official missions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.core import pii
from waishi.core.models import TimeStampedModel
from waishi.core.pinyin import validate_passport_name

from ..constants import Rank, Sex
from ..fields import id_number_field, id_number_index_field


class Traveller(TimeStampedModel):
    """A person of an agency who may be a member of a delegation.

    Trips in the last two years are not stored: they are counted from the missions the person
    was a member of (``querysets.trips_of``), so the figure can never drift from the record.
    """

    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="travellers",
        verbose_name=_("agency"),
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=60)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    date_of_birth = models.DateField(_("date of birth"))
    id_number = id_number_field()
    id_number_index = id_number_index_field()
    post = models.CharField(_("post"), max_length=100)
    rank = models.CharField(_("rank"), max_length=20, choices=Rank.choices, default=Rank.OTHER)
    # Generated from the name when the person is registered, then corrected by hand where the
    # holder's existing passport spells it differently.
    passport_name = models.CharField(
        _("name in passport"),
        max_length=100,
        validators=[validate_passport_name],
        help_text=_('Surname first, capital letters, for example "ZHANG, XIAOLONG".'),
    )
    is_agency_leader = models.BooleanField(
        _("member of the agency's leadership"),
        default=False,
        help_text=_("Members of one agency's leadership should not travel in the same delegation."),
    )
    is_academic = models.BooleanField(
        _("teaching or research staff"),
        default=False,
        help_text=_(
            "Teaching and research staff on academic exchange are exempt from the limits on "
            "delegation size, days abroad and trip frequency."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("traveller")
        verbose_name_plural = _("travellers")
        ordering = ["agency", "name", "id"]
        indexes = [
            models.Index(fields=["agency", "name"], name="missions_traveller_agency"),
            # The inbox finds cases by a member's name (prefix match).
            models.Index(fields=["name"], name="missions_traveller_name"),
            # PostgreSQL answers that prefix match (LIKE '王伟%') from an index only with the
            # pattern operator class unless the database collation is "C"; other databases
            # ignore it.
            models.Index(
                fields=["name"],
                name="missions_traveller_name_like",
                opclasses=["varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return self.name
