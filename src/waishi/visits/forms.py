"""Forms of the visits area: they validate what people type; the actions decide and write."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waishi.accounts.models import Agency
from waishi.cases.forms import IdempotentFormMixin
from waishi.core.widgets import DayInput
from waishi.registers.constants import OrganisationKind, Sex
from waishi.registers.countries import country_choices
from waishi.registers.models import Organisation, Person

from .constants import BanquetFormat, GiftKind, HostingClass, HostRank, ItemKind, RankClass

DATE = DayInput()
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT = forms.Textarea(attrs={"rows": 2})


def money(label: Any, *, required: bool = True) -> forms.DecimalField:
    """An amount in RMB, never negative."""
    return forms.DecimalField(
        label=label, max_digits=12, decimal_places=2, min_value=Decimal("0"), required=required
    )


def _countries() -> list[tuple[str, str]]:
    return [("", "—"), *country_choices(abroad=True)]


class VisitForm(IdempotentFormMixin):
    """The visit's basics and the reception plan's sections."""

    title = forms.CharField(label=_("Title of the visit"), max_length=200)
    purpose = forms.CharField(label=_("Purpose of the visit"), widget=TEXT, max_length=4000)
    country = forms.ChoiceField(label=_("Country or region of the delegation"))
    arrival_date = forms.DateField(label=_("Arrival"), widget=DATE)
    departure_date = forms.DateField(label=_("Departure"), widget=DATE)
    hosting_class = forms.ChoiceField(label=_("Hosting class"), choices=HostingClass.choices)
    reciprocity_agreement = forms.BooleanField(
        label=_("A reciprocity or exchange agreement covers the visit"), required=False
    )
    co_hosts = forms.ModelMultipleChoiceField(
        label=_("Co-hosting agencies"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    other_co_hosts = forms.CharField(label=_("Other co-hosts"), max_length=300, required=False)
    partner_city = forms.ModelChoiceField(
        label=_("Partner city"), queryset=Organisation.objects.none(), required=False
    )
    invitation_reference = forms.CharField(label=_("Invitation"), max_length=60, required=False)
    mission_reference = forms.CharField(
        label=_("Mission abroad returned (reference number)"), max_length=30, required=False
    )
    invites_diplomats = forms.BooleanField(
        label=_("Diplomats accredited in China are invited"), required=False
    )
    lodging_stars = forms.IntegerField(
        label=_("Hotel class (stars)"), min_value=1, max_value=5, required=False
    )
    meals_per_day = money(_("Meals per person per day (RMB)"), required=False)
    planned_cost = money(_("Planned cost (RMB)"), required=False)
    interpretation = forms.CharField(label=_("Interpretation"), widget=TEXT, required=False)
    media_coverage = forms.CharField(label=_("Media coverage"), widget=TEXT, required=False)
    lodging_transport = forms.CharField(
        label=_("Lodging and transport"), widget=TEXT, required=False
    )
    materials = forms.CharField(label=_("Materials"), widget=TEXT, required=False)

    def __init__(self, *args: Any, agency_choice: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _countries()  # type: ignore[attr-defined]
        agencies = Agency.objects.filter(is_active=True).order_by("sort_order", "id")
        self.fields["co_hosts"].queryset = agencies  # type: ignore[attr-defined]
        cities = Organisation.objects.filter(kind=OrganisationKind.FOREIGN_CITY, is_active=True)
        self.fields["partner_city"].queryset = cities.order_by("name_zh")  # type: ignore[attr-defined]
        if agency_choice:
            # Division staff file a visit the bureau hosts, for the agency on record.
            self.fields["agency"] = forms.ModelChoiceField(
                label=_("Agency on record"), queryset=agencies
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        arrival, departure = data.get("arrival_date"), data.get("departure_date")
        if arrival and departure and departure < arrival:
            self.add_error("departure_date", _("The departure is before the arrival."))
        return data


class VersionedVisitForm(VisitForm):
    """The plan's basics once filed: the title stays as filed; the version guards the edit."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["title"]
        del self.fields["idempotency_key"]


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Name (in Chinese, as it will be written)"), max_length=60)
    foreign_names = forms.CharField(
        label=_("Name in the guest's language"), max_length=200, required=False
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DATE)
    nationality = forms.ChoiceField(label=_("Nationality"))
    rank_class = forms.ChoiceField(label=_("Rank class"), choices=RankClass.choices)
    title = forms.CharField(label=_("Post or title"), max_length=200, required=False)
    is_head = forms.BooleanField(label=_("Head of delegation"), required=False)
    dietary_notes = forms.CharField(label=_("Dietary notes"), max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = _countries()[1:]  # type: ignore[attr-defined]

    def clean_date_of_birth(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date_of_birth"]
        if day >= datetime.date.today():
            raise forms.ValidationError(_("The date of birth must be in the past."))
        return day


class ScheduleItemForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Time"), widget=DATETIME)
    place = forms.CharField(label=_("Place"), max_length=200)
    activity = forms.CharField(label=_("Activity"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    chinese_participants = forms.CharField(
        label=_("Chinese participants"), widget=TEXT, required=False
    )
    banquet_format = forms.ChoiceField(
        label=_("Banquet format"), choices=[("", "—"), *BanquetFormat.choices], required=False
    )
    host_rank = forms.ChoiceField(
        label=_("Host's rank"), choices=[("", "—"), *HostRank.choices], required=False
    )
    cost_per_person = money(_("Cost per person (RMB)"), required=False)
    city_leader = forms.CharField(label=_("City leader attending"), max_length=60, required=False)
    leader_requested_on = forms.DateField(
        label=_("Leader's approval requested on"), widget=DATE, required=False
    )
    leader_approved_on = forms.DateField(label=_("Leader approved on"), widget=DATE, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ItemKind.BANQUET and not data.get("banquet_format"):
            self.add_error("banquet_format", _("Say what kind of banquet it is."))
        if data.get("leader_approved_on") and not data.get("city_leader"):
            self.add_error("city_leader", _("Name the city leader who approved."))
        return data


class GiftGivenForm(forms.Form):
    recipient = forms.TypedChoiceField(label=_("Recipient"), coerce=int)
    item = forms.CharField(label=_("Item"), max_length=200)
    value = money(_("Value (RMB)"))
    approved_by = forms.CharField(label=_("Approved by"), max_length=60)
    approved_on = forms.DateField(label=_("Approved on"), widget=DATE)

    def __init__(self, *args: Any, guests: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [(g.pk, g.person.name) for g in guests]  # type: ignore[attr-defined]


class OverrideForm(forms.Form):
    rule_code = forms.CharField(max_length=40)
    reason = forms.CharField(max_length=2000)


class OutcomeForm(forms.Form):
    outcome_report = forms.CharField(
        label=_("Outcome report"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    press_release = forms.CharField(
        label=_("Press release draft"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        required=False,
    )
    actual_cost = money(_("Actual cost (RMB)"), required=False)


class ReceivedGiftForm(IdempotentFormMixin):
    recipient = forms.ModelChoiceField(label=_("Recipient"), queryset=Person.objects.none())
    item = forms.CharField(label=_("Item"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=GiftKind.choices)
    value = money(_("Estimated market value (RMB)"))
    giver = forms.CharField(label=_("Given by"), max_length=200)
    giver_country = forms.ChoiceField(label=_("Giver's country or region"), required=False)
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    returned_on = forms.DateField(
        label=_("Returned to China on (a gift received abroad)"), widget=DATE, required=False
    )
    mission_reference = forms.CharField(
        label=_("Mission (reference number)"), max_length=30, required=False
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = (  # type: ignore[attr-defined]
            people if people is not None else Person.objects.none()
        )
        self.fields["giver_country"].choices = _countries()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        received, returned = data.get("received_on"), data.get("returned_on")
        if received and received > datetime.date.today():
            self.add_error("received_on", _("The day received cannot be in the future."))
        if received and returned and returned < received:
            self.add_error("returned_on", _("The return is before the day the gift was received."))
        return data
