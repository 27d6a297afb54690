from django import forms
from django.utils.translation import gettext_lazy as _

from waishi.core.widgets import DayInput

from .models import Booking


class BookingForm(forms.ModelForm[Booking]):
    title = forms.CharField(label=_("Title"), max_length=200)

    class Meta:
        model = Booking
        fields = ["language", "day", "hours"]
        widgets = {"day": DayInput()}

    def clean_hours(self) -> int:
        hours: int = self.cleaned_data["hours"]
        if not 1 <= hours <= 8:
            raise forms.ValidationError(_("Book between 1 and 8 hours."))
        return hours
