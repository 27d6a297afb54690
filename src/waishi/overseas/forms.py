"""Forms of the register, the certificates and the surveys (validation of what people type)."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.accounts.constants import AgencyKind
from waishi.accounts.models import Agency
from waishi.cases.forms import IdempotentFormMixin
from waishi.registers.constants import Sex
from waishi.registers.models.people import validate_country_codes

from .constants import (
    COUNTY_UNITS,
    Category,
    EndReason,
    OrganisationCategory,
    Purpose,
    Relation,
    ResidenceBasis,
)

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def county_units() -> Any:
    codes = [code for code, _zh, _en in COUNTY_UNITS]
    return Agency.objects.filter(
        kind=AgencyKind.COUNTY_GOVERNMENT, code__in=codes, is_active=True
    ).order_by("sort_order", "id")


class CountyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


def _not_future(day: datetime.date | None) -> datetime.date | None:
    if day is not None and day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return day


class StandingFields(forms.Form):
    category = forms.ChoiceField(label=_("Standing"), choices=Category.choices)
    county = CountyChoiceField(label=_("County-level unit"), queryset=Agency.objects.none())
    valid_from = forms.DateField(label=_("Standing from"), widget=DAY)
    country = forms.CharField(
        label=_("Country or region of residence"),
        max_length=2,
        required=False,
        validators=[validate_country_codes],
        help_text=_("Two-letter code, for example MY or AU; for relatives, the principal's."),
    )
    town = forms.CharField(label=_("Town or street"), max_length=60, required=False)
    left_china_on = forms.DateField(label=_("Left China on"), widget=DAY, required=False)
    returned_on = forms.DateField(label=_("Came back to settle on"), widget=DAY, required=False)
    residence_basis = forms.ChoiceField(
        label=_("Settled abroad by"),
        choices=[("", "—"), *ResidenceBasis.choices],
        required=False,
    )
    residence_from = forms.DateField(label=_("Residence abroad from"), widget=DAY, required=False)
    months_present = forms.DecimalField(
        label=_("Months present abroad"),
        max_digits=5,
        decimal_places=1,
        min_value=0,
        required=False,
        help_text=_("Within the years of residence counted (18 of 24, or 30 of 60)."),
    )
    residence_evidence = forms.CharField(
        label=_("Residence evidence"), max_length=300, required=False
    )
    principal = forms.IntegerField(
        label=_("Related to (register number of the person abroad)"), required=False, min_value=1
    )
    relation = forms.ChoiceField(
        label=_("Relation"), choices=[("", "—"), *Relation.choices], required=False
    )
    relation_evidence = forms.CharField(
        label=_("Relation evidence"), max_length=300, required=False
    )
    support_proof = forms.CharField(
        label=_("Notarised proof of support (number)"), max_length=100, required=False
    )
    returned_entrepreneur = forms.BooleanField(label=_("Returned entrepreneur"), required=False)
    returned_student = forms.BooleanField(label=_("Returned student"), required=False)

    def __init__(self, *args: Any, counties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = (  # type: ignore[attr-defined]
            counties if counties is not None else county_units()
        )

    def clean_valid_from(self) -> datetime.date | None:
        return _not_future(self.cleaned_data.get("valid_from"))

    def clean_country(self) -> str:
        return str(self.cleaned_data.get("country") or "").upper()


class PersonStandingForm(IdempotentFormMixin, StandingFields):
    name = forms.CharField(label=_("Full name"), max_length=60)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DAY)
    nationalities = forms.CharField(
        label=_("Nationalities"),
        max_length=60,
        initial="CN",
        validators=[validate_country_codes],
    )
    id_number = forms.CharField(label=_("Resident ID number"), max_length=18, required=False)
    passport_number = forms.CharField(label=_("Passport number"), max_length=30, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)

    def clean_date_of_birth(self) -> datetime.date | None:
        return _not_future(self.cleaned_data.get("date_of_birth"))


class NewStandingForm(StandingFields):
    pass


class EndStandingForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=EndReason.choices)
    ended_on = forms.DateField(label=_("Ended on"), widget=DAY)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DeathForm(forms.Form):
    died_on = forms.DateField(label=_("Died on"), widget=DAY)


class RevealForm(forms.Form):
    field = forms.ChoiceField(
        choices=[
            (f, f)
            for f in ("name", "id_number", "passport_number", "phone", "address", "support_proof")
        ]
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        error_messages={"required": _("Give the reason you need to see this information.")},
    )


class ExportForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the export"),
        max_length=500,
        error_messages={"required": _("Give the reason for the export.")},
    )


class OrganisationForm(forms.Form):
    category = forms.ChoiceField(label=_("Kind"), choices=OrganisationCategory.choices)
    name_zh = forms.CharField(label=_("Name in Chinese"), max_length=200)
    name_original = forms.CharField(
        label=_("Name in the original language"), max_length=300, required=False
    )
    country = forms.CharField(
        label=_("Country or region"),
        max_length=2,
        required=False,
        validators=[validate_country_codes],
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    county = CountyChoiceField(
        label=_("County-level unit"), queryset=Agency.objects.none(), required=False
    )
    credit_code = forms.CharField(
        label=_("Unified social credit code"), max_length=18, required=False
    )
    leaders = forms.CharField(label=_("Leaders"), max_length=300, required=False)
    contacts = forms.CharField(label=_("Contacts"), max_length=300, required=False)
    investors = forms.CharField(label=_("Investors"), max_length=500, required=False)
    investor_countries = forms.CharField(
        label=_("Investors' countries"),
        max_length=60,
        required=False,
        validators=[validate_country_codes],
    )
    sector = forms.CharField(label=_("Sector"), max_length=100, required=False)
    returned_entrepreneur = forms.BooleanField(
        label=_("Founded by a returned entrepreneur"), required=False
    )
    returned_student = forms.BooleanField(label=_("Founded by a returned student"), required=False)

    def __init__(self, *args: Any, counties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = (  # type: ignore[attr-defined]
            counties if counties is not None else county_units()
        )


class IdentityForm(IdempotentFormMixin):
    """An identity certificate filed by a county office or the division for an applicant."""

    person = forms.IntegerField(label=_("Applicant (register number)"), min_value=1)
    category = forms.ChoiceField(
        label=_("Standing to confirm"),
        choices=[
            (Category.GUIQIAO, Category.GUIQIAO.label),
            (Category.QIAOJUAN, Category.QIAOJUAN.label),
        ],
    )
    principal = forms.IntegerField(
        label=_("Related to (register number of the overseas Chinese)"), min_value=1, required=False
    )
    relation = forms.ChoiceField(
        label=_("Relation"), choices=[("", "—"), *Relation.choices], required=False
    )
    relation_evidence = forms.CharField(
        label=_("Relation evidence"), max_length=300, required=False
    )
    support_proof = forms.CharField(
        label=_("Notarised proof of support (number)"), max_length=100, required=False
    )
    hukou_county = CountyChoiceField(
        label=_("Household registration place"), queryset=Agency.objects.none()
    )
    hukou_evidence = forms.CharField(label=_("Household registration evidence"), max_length=300)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    purpose_other = forms.CharField(label=_("Other purpose"), max_length=200, required=False)
    receiving_unit = forms.CharField(label=_("Receiving unit"), max_length=200)

    def __init__(self, *args: Any, counties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hukou_county"].queryset = (  # type: ignore[attr-defined]
            counties if counties is not None else county_units()
        )


class SettlementForm(IdempotentFormMixin):
    person = forms.IntegerField(label=_("Applicant (register number)"), min_value=1)
    country = forms.CharField(
        label=_("Country or region of residence"), max_length=2, validators=[validate_country_codes]
    )
    county = CountyChoiceField(
        label=_("Intended place of settlement"), queryset=Agency.objects.none()
    )
    applied_on = forms.DateField(label=_("Applied on"), widget=DAY)
    stays = forms.CharField(
        label=_("Stays in China in the two years before applying"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One stay a line: arrival and departure, for example 2026-01-05 2026-04-20."),
    )
    housing_evidence = forms.CharField(label=_("Housing evidence"), max_length=300, required=False)
    livelihood_evidence = forms.CharField(
        label=_("Livelihood evidence"), max_length=300, required=False
    )

    def __init__(self, *args: Any, counties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = (  # type: ignore[attr-defined]
            counties if counties is not None else county_units()
        )

    def clean_applied_on(self) -> datetime.date | None:
        return _not_future(self.cleaned_data.get("applied_on"))

    def clean_stays(self) -> list[tuple[datetime.date, datetime.date]]:
        stays = []
        for number, line in enumerate(str(self.cleaned_data["stays"]).splitlines(), start=1):
            parts = line.replace(",", " ").replace("~", " ").split()
            if not parts:
                continue
            try:
                arrived, left = (datetime.date.fromisoformat(p) for p in parts)
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(line)s: give two dates, YYYY-MM-DD YYYY-MM-DD.") % {"line": number}
                ) from None
            if left < arrived:
                raise forms.ValidationError(
                    _("Line %(line)s: the departure is before the arrival.") % {"line": number}
                )
            stays.append((arrived, left))
        if not stays:
            raise forms.ValidationError(_("Give at least one stay in China."))
        return stays


class ChecksForm(forms.Form):
    housing_checked = forms.BooleanField(label=_("Stable housing checked"), required=False)
    housing_evidence = forms.CharField(label=_("Housing evidence"), max_length=300, required=False)
    livelihood_checked = forms.BooleanField(label=_("Livelihood checked"), required=False)
    livelihood_evidence = forms.CharField(
        label=_("Livelihood evidence"), max_length=300, required=False
    )


class CampaignForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    county = CountyChoiceField(label=_("County-level unit"), queryset=Agency.objects.none())

    def __init__(self, *args: Any, counties: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = (  # type: ignore[attr-defined]
            counties if counties is not None else county_units()
        )


class ImportForm(forms.Form):
    upload = forms.FileField(label=_("Filled-in template (XLSX)"))
