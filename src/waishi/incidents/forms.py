"""The filing form (a notice received) and the small forms of the case page's panel."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.accounts.models import Agency
from waishi.cases.forms import IdempotentFormMixin
from waishi.core.widgets import DayInput
from waishi.registers.constants import Sex
from waishi.registers.models.people import validate_country_codes

from .constants import IncidentKind, NoticeSource

MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DAY = DayInput()


class IncidentForm(IdempotentFormMixin):
    kind = forms.ChoiceField(label=_("Kind"), choices=IncidentKind.choices)
    notice_source = forms.ChoiceField(label=_("Notice from"), choices=NoticeSource.choices)
    notifying_body = forms.CharField(
        label=_("Notifying body"),
        max_length=200,
        help_text=_("For example the police station, the hospital or the hotel."),
    )
    agency = forms.ModelChoiceField(
        label=_("City agency concerned"),
        queryset=Agency.objects.filter(is_active=True),
        help_text=_(
            "The city's agency the notice came through (usually the public security bureau)."
        ),
    )
    notice_received_at = forms.DateTimeField(label=_("Notice received at"), widget=MOMENT)
    began_at = forms.DateTimeField(
        label=_("Measure began at (or time of death)"),
        widget=MOMENT,
        help_text=_("Every time limit counts from this moment."),
    )
    police_report_at = forms.DateTimeField(
        label=_("Police report received at"),
        widget=MOMENT,
        required=False,
        help_text=_("Leave empty while the police's report is awaited (due within 48 hours)."),
    )
    measure = forms.CharField(label=_("Measure"), max_length=200, required=False)
    organ = forms.CharField(label=_("Organ handling the case"), max_length=200, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    summary = forms.CharField(
        label=_("Facts"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )
    name = forms.CharField(label=_("Name"), max_length=60)
    foreign_names = forms.CharField(
        label=_("Name in the passport's language"), max_length=200, required=False
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DAY)
    nationalities = forms.CharField(
        label=_("Nationalities claimed"),
        max_length=60,
        validators=[validate_country_codes],
        help_text=_("Every nationality the person claims, as two-letter codes: US or CN,US."),
    )
    passport_number = forms.CharField(label=_("Passport number"), max_length=30, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            police = Agency.objects.filter(code="public-security").first()
            if police is not None:
                self.initial.setdefault("agency", police.pk)
            self.initial.setdefault(
                "notice_received_at", timezone.localtime().replace(second=0, microsecond=0)
            )

    def clean_date_of_birth(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date_of_birth"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        return day


class VisitRequestForm(forms.Form):
    consulate = forms.CharField(label=_("Consulate"), max_length=200)
    requested_on = forms.DateField(label=_("Requested on"), widget=DAY)


class VisitHeldForm(forms.Form):
    visit = forms.IntegerField(widget=forms.HiddenInput)
    held_on = forms.DateField(label=_("Held on"), widget=DAY)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class MediaLineForm(forms.Form):
    text = forms.CharField(
        label=_("Press line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )
