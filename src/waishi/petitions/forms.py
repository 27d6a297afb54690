"""The forms of complaints: recorded by staff, filed online by an applicant, the panel's."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from waishi.accounts.models import Agency, Division
from waishi.cases.forms import IdempotentFormMixin
from waishi.registers.constants import Sex

from .actions import PetitionerIn, PetitionIn
from .constants import Category, Channel, RightsArea, Satisfaction

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


def _style(form: forms.Form) -> None:
    """Bootstrap classes on every visible widget."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        widget.attrs.setdefault(
            "class", "form-select" if isinstance(widget, forms.Select) else "form-control"
        )


class _AgainstMixin(forms.Form):
    against_agency = forms.ModelChoiceField(
        label=_("Agency complained against"),
        queryset=Agency.objects.filter(is_active=True).order_by("name_zh_hans"),
        required=False,
        empty_label=_("None of the city's agencies"),
        help_text=_("When the department is one of the city's agencies: its people never see it."),
    )
    against_name = forms.CharField(
        label=_("Department complained against"),
        max_length=200,
        required=False,
        help_text=_("As the petitioner names it; taken from the agency when left empty."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = (data.get("against_name") or "").strip()
        for source in ("against_agency", "against_division"):
            if not name and data.get(source) is not None:
                name = str(data[source])
        if not name:
            self.add_error("against_name", _("Name the department complained against."))
        data["against_name"] = name
        return data


class PetitionForm(IdempotentFormMixin, _AgainstMixin):
    """A complaint received by letter, visit or telephone, recorded by the division."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
    )
    received_on = forms.DateField(label=pgettext_lazy("petition", "Received on"), widget=DAY)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    rights_area = forms.ChoiceField(label=_("Rights concerned"), choices=RightsArea.choices)
    people_count = forms.IntegerField(
        label=_("People in the visit"),
        min_value=1,
        max_value=999,
        initial=1,
        help_text=_("A group visit chooses at most five representatives."),
    )
    request = forms.CharField(label=_("The request and its facts"), widget=TEXT, max_length=8000)
    against_division = forms.ModelChoiceField(
        label=_("Division of the bureau complained against"),
        queryset=Division.objects.order_by("sort_order", "id"),
        required=False,
        empty_label=_("None of the bureau's divisions"),
        help_text=_("Its staff never see the complaint; the leaders give it to another division."),
    )
    name = forms.CharField(label=_("Petitioner"), max_length=60)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DAY)
    id_number = forms.CharField(label=_("Resident ID number"), max_length=18, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)

    field_order = [
        "channel",
        "received_on",
        "category",
        "rights_area",
        "people_count",
        "request",
        "against_agency",
        "against_division",
        "against_name",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)
        if not self.is_bound:
            self.initial.setdefault("received_on", timezone.localdate())

    def clean_date_of_birth(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date_of_birth"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        return day

    def petition(self) -> PetitionIn:
        data = self.cleaned_data
        return PetitionIn(
            channel=data["channel"],
            category=data["category"],
            rights_area=data["rights_area"],
            received_on=data["received_on"],
            request=data["request"],
            against_name=data["against_name"],
            against_agency=data["against_agency"],
            against_division=data["against_division"],
            people_count=data["people_count"],
        )

    def petitioner(self) -> PetitionerIn:
        data = self.cleaned_data
        return PetitionerIn(
            name=data["name"],
            sex=data["sex"],
            date_of_birth=data["date_of_birth"],
            id_number=data["id_number"],
            phone=data["phone"],
            address=data["address"],
        )


class OnlinePetitionForm(IdempotentFormMixin, _AgainstMixin):
    """A complaint an applicant files online; their name and identity come from the account."""

    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    rights_area = forms.ChoiceField(label=_("Rights concerned"), choices=RightsArea.choices)
    request = forms.CharField(label=_("What you ask, and the facts"), widget=TEXT, max_length=8000)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DAY)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)

    field_order = ["category", "rights_area", "request", "against_agency", "against_name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)

    def clean_date_of_birth(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date_of_birth"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        return day

    def petition(self) -> PetitionIn:
        data = self.cleaned_data
        return PetitionIn(
            channel=Channel.ONLINE,
            category=data["category"],
            rights_area=data["rights_area"],
            received_on=timezone.localdate(),
            request=data["request"],
            against_name=data["against_name"],
            against_agency=data["against_agency"],
        )

    def petitioner(self, user: Any) -> PetitionerIn:
        data = self.cleaned_data
        applicant = getattr(user, "applicant", None)
        return PetitionerIn(
            name=applicant.real_name if applicant else user.get_full_name() or user.username,
            sex=data["sex"],
            date_of_birth=data["date_of_birth"],
            id_number=(applicant.id_number or "") if applicant else "",
            phone=data["phone"],
            address=data["address"],
        )


class HearingStartForm(forms.Form):
    on = forms.DateField(label=_("Hearing from"), widget=DAY)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class HearingEndForm(forms.Form):
    on = forms.DateField(label=_("Hearing to"), widget=DAY)


class SatisfactionForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label=_("Petitioner's satisfaction"), choices=Satisfaction.choices
    )
    note = forms.CharField(label=_("Petitioner's comment"), max_length=500, required=False)
