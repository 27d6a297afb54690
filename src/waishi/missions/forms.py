"""Forms of the missions area: the steps of the application, the register, overrides."""

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.cases.attachments import ALLOWED
from waishi.cases.forms import IdempotentFormMixin
from waishi.core.pinyin import validate_passport_name
from waishi.core.widgets import DayInput
from waishi.registers.countries import country_choices
from waishi.registers.models import Person

from .constants import (
    ActivityKind,
    BudgetCategory,
    InviterKind,
    Rank,
    Sex,
)
from .models import PlannedMission

DATE = DayInput()


def _country_field(label: Any, required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, required=required, choices=lambda: [("", "—"), *country_choices(abroad=True)]
    )


class NewMissionForm(IdempotentFormMixin):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: delegation to Germany on vocational education cooperation."),
    )


class BasicsForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose of the mission"), widget=forms.Textarea(attrs={"rows": 3})
    )
    academic_exchange = forms.BooleanField(
        label=_("Academic exchange by teaching or research staff"), required=False
    )
    departure_date = forms.DateField(label=_("Departure date"), required=False, widget=DATE)
    return_date = forms.DateField(label=_("Return date"), required=False, widget=DATE)
    planned_mission = forms.ModelChoiceField(
        label=_("Planned mission in the annual plan"),
        queryset=PlannedMission.objects.none(),
        required=False,
        empty_label=_("Not in the plan"),
    )
    out_of_plan_reason = forms.CharField(
        label=_("Reason for a mission outside the plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["planned_mission"].queryset = PlannedMission.objects.filter(  # type: ignore[attr-defined]
            plan__agency_id=agency_id, plan__year__gte=datetime.date.today().year - 1
        ).select_related("plan")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("departure_date"), data.get("return_date")
        if start and end and end < start:
            self.add_error("return_date", _("The return date is before the departure date."))
        return data


class TravellerChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Travellers shown with their passport name and post, so namesakes can be told apart."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name}（{obj.passport_name}，{obj.post}）"


class MemberForm(forms.Form):
    traveller = TravellerChoiceField(
        label=_("Traveller"), queryset=Person.objects.none(), required=False, empty_label="—"
    )
    is_leader = forms.BooleanField(label=_("Leader"), required=False)
    role = forms.CharField(label=_("Role in the delegation"), max_length=60, required=False)

    def __init__(self, *args: Any, travellers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if travellers is not None:
            self.fields["traveller"].queryset = travellers  # type: ignore[attr-defined]


class DestinationForm(forms.Form):
    country = _country_field(_("Country or region"), required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    is_transit = forms.BooleanField(label=_("Transit stop"), required=False)
    airside_only = forms.BooleanField(label=_("Without leaving the airport"), required=False)
    tasks = forms.CharField(
        label=_("Tasks"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ItineraryItemForm(forms.Form):
    date = forms.DateField(widget=forms.HiddenInput)
    half = forms.CharField(widget=forms.HiddenInput)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    activity = forms.CharField(label=_("Activity"), max_length=300, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of activity"), choices=ActivityKind.choices, initial=ActivityKind.OFFICIAL
    )


class InviterForm(forms.Form):
    name = forms.CharField(label=_("Inviting organisation"), max_length=200)
    country_code = _country_field(_("Inviter's country or region"))
    kind = forms.ChoiceField(label=_("Kind of inviter"), choices=InviterKind.choices)
    contact = forms.CharField(label=_("Inviter's contact"), max_length=200, required=False)
    relation = forms.CharField(label=_("Relation with the inviter"), max_length=300, required=False)
    letter = forms.FileField(
        label=_("Invitation letter"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )
    translation = forms.FileField(
        label=_("Translation of the invitation"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )


class BudgetLineForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", "—"), *BudgetCategory.choices], required=False
    )
    country = _country_field(_("Country or region"), required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False, initial="CNY")
    amount = forms.DecimalField(label=_("Amount"), min_value=0, decimal_places=2, required=False)
    amount_rmb = forms.DecimalField(
        label=_("Amount in RMB"), min_value=0, decimal_places=2, required=False
    )
    persons = forms.IntegerField(label=_("Persons"), min_value=1, required=False, initial=1)
    days = forms.IntegerField(label=_("Days"), min_value=1, required=False, initial=1)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("category") and (data.get("amount") is None or data.get("amount_rmb") is None):
            raise forms.ValidationError(_("Give the amount and the amount in RMB."))
        return data


class FundingForm(forms.Form):
    funding_source = forms.CharField(label=_("Source of funds"), max_length=200, required=False)


class DisclosureForm(forms.Form):
    start = forms.DateField(label=_("Disclosure from"), required=False, widget=DATE)
    end = forms.DateField(label=_("Disclosure until"), required=False, widget=DATE)
    place = forms.CharField(label=_("Where it was posted"), max_length=200, required=False)
    feedback = forms.CharField(
        label=_("Feedback received"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The disclosure ends before it starts."))
        return data


class ReportForm(forms.Form):
    report = forms.CharField(label=_("Trip report"), widget=forms.Textarea(attrs={"rows": 8}))
    report_disclosure = forms.CharField(
        label=_("Post-return disclosure"),
        help_text=_("Where and when the report was made public inside the agency."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OverrideForm(forms.Form):
    rule_code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    message_key = forms.CharField(widget=forms.HiddenInput, max_length=40)
    reason = forms.CharField(
        label=_("Reason for accepting the warning"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TravellerForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=60)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DATE)
    id_number = forms.CharField(label=_("Resident ID number"), max_length=18, required=False)
    post = forms.CharField(label=_("Post"), max_length=100)
    rank = forms.ChoiceField(label=_("Rank"), choices=Rank.choices, initial=Rank.OTHER)
    passport_name = forms.CharField(
        label=_("Name in passport"),
        max_length=100,
        required=False,
        help_text=_(
            "Leave empty to have it written from the name; correct it to match the passport."
        ),
    )
    is_principal_leader = forms.BooleanField(
        label=_("Principal leader (主要负责人)"),
        required=False,
        help_text=_("Head of the city Party committee or of the city government."),
    )
    is_agency_leader = forms.BooleanField(
        label=_("Member of the agency's leadership"), required=False
    )
    is_academic = forms.BooleanField(label=_("Teaching or research staff"), required=False)
    # The person's version when the form was opened (editing only).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_passport_name(self) -> str:
        value = self.cleaned_data.get("passport_name", "").strip().upper()
        if value:
            validate_passport_name(value)
        return value


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PlannedMissionForm(forms.Form):
    countries = forms.MultipleChoiceField(
        label=_("Countries and regions"),
        choices=lambda: country_choices(abroad=True),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=300)
    size = forms.IntegerField(label=_("Delegation size"), min_value=1, max_value=99)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12)
