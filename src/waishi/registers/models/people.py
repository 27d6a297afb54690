"""The register of natural persons the bureau deals with."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.core import pii
from waishi.core.models import TimeStampedModel
from waishi.core.pinyin import validate_passport_name
from waishi.core.validators import validate_resident_id

from ..constants import PersonKind, Rank, Sex


def split_codes(value: str) -> list[str]:
    """``"CN, us"`` → ``["CN", "US"]``: the codes of a comma-separated list, in order."""
    return [code.strip() for code in (value or "").upper().split(",") if code.strip()]


def validate_country_codes(value: str) -> None:
    """Each code is two capital letters (ISO 3166-1 alpha-2), none twice."""
    codes = split_codes(value)
    bad = [code for code in codes if len(code) != 2 or not code.isascii() or not code.isalpha()]
    if bad:
        raise ValidationError(
            _("%(codes)s: give countries as two-letter ISO codes, for example CN or US."),
            params={"codes": ", ".join(bad)},
            code="country_code",
        )
    if len(set(codes)) != len(codes):
        raise ValidationError(_("A nationality is given twice."), code="duplicate")


def validate_person_kinds(value: str) -> None:
    """Each kind is one of ``PersonKind``."""
    unknown = [kind for kind in (value or "").split(",") if kind and kind not in PersonKind.values]
    if unknown:
        raise ValidationError(
            _("Unknown kind of person: %(kinds)s."),
            params={"kinds": ", ".join(unknown)},
            code="kind",
        )


def of_kind(kind: str) -> models.Q:
    """The filter for people recorded as ``kind`` (kinds are stored comma-separated)."""
    return (
        models.Q(kinds=kind)
        | models.Q(kinds__startswith=f"{kind},")
        | models.Q(kinds__endswith=f",{kind}")
        | models.Q(kinds__contains=f",{kind},")
    )


class Person(TimeStampedModel):
    """A natural person: an agency's traveller, a foreign guest, an overseas Chinese, a donor…

    Identity numbers and contact details are encrypted at rest; each identity number has a
    blind index so a person can be found by the exact number. Trips in the last two years are
    not stored: missions count them from the delegations the person was a member of.
    """

    # The city's agency the person works for; empty for people outside the city's agencies.
    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("agency"),
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For people outside the city's agencies: where they work or what they lead."),
    )
    kinds = models.CharField(
        _("kinds"),
        max_length=200,
        default=PersonKind.TRAVELLER,
        validators=[validate_person_kinds],
        help_text=_("Why the bureau deals with the person; comma-separated codes."),
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=60)
    # Generated from the Chinese name when the person is registered, then corrected by hand
    # where the holder's existing passport spells it differently.
    passport_name = models.CharField(
        _("name in passport"),
        max_length=100,
        blank=True,
        validators=[validate_passport_name],
        help_text=_('Surname first, capital letters, for example "ZHANG, XIAOLONG".'),
    )
    foreign_names = models.CharField(
        _("names in other languages"),
        max_length=200,
        blank=True,
        help_text=_("The name as the person writes it in their own language, if not Chinese."),
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    date_of_birth = models.DateField(_("date of birth"))
    nationalities = models.CharField(
        _("nationalities"),
        max_length=60,
        default="CN",
        blank=True,
        validators=[validate_country_codes],
        help_text=_("Two-letter ISO codes, comma-separated, for example CN or US,CA."),
    )
    id_number = pii.EncryptedTextField(
        _("resident ID number"),
        kind=pii.Kind.ID,
        blank=True,
        validators=[validate_resident_id],
    )
    id_number_index = pii.BlindIndexField(source="id_number")
    passport_number = pii.EncryptedTextField(
        _("passport number"),
        kind=pii.Kind.PASSPORT,
        blank=True,
        help_text=_("For people without a document in the bureau's passport register."),
    )
    passport_number_index = pii.BlindIndexField(source="passport_number")
    phone = pii.EncryptedTextField(_("phone number"), kind=pii.Kind.PHONE, blank=True)
    email = pii.EncryptedTextField(_("e-mail address"), blank=True)
    address = pii.EncryptedTextField(_("address"), blank=True)
    post = models.CharField(_("post"), max_length=100, blank=True)
    rank = models.CharField(_("rank"), max_length=20, choices=Rank.choices, default=Rank.OTHER)
    is_principal_leader = models.BooleanField(
        _("principal leader (主要负责人)"),
        default=False,
        help_text=_("Head of the city Party committee or of the city government."),
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
    # Raised by every change; an edit opened at an older version is refused, never merged.
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = pii.PiiManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["agency", "name", "id"]
        indexes = [
            models.Index(fields=["agency", "name"], name="registers_person_agency"),
            # Case searches find people by name (prefix match).
            models.Index(fields=["name"], name="registers_person_name"),
            # PostgreSQL answers that prefix match (LIKE '王伟%') from an index only with the
            # pattern operator class unless the database collation is "C"; other databases
            # ignore it.
            models.Index(
                fields=["name"],
                name="registers_person_name_like",
                opclasses=["varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def nationality_codes(self) -> list[str]:
        return split_codes(self.nationalities)

    @property
    def kind_codes(self) -> list[str]:
        return [kind for kind in self.kinds.split(",") if kind]

    def has_kind(self, kind: str) -> bool:
        return kind in self.kind_codes

    def clean(self) -> None:
        self.nationalities = ",".join(split_codes(self.nationalities))
