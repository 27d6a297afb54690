"""The award's forms: a round, a nomination, the public notice, and the register's forms."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.accounts.models import Agency
from waishi.cases.forms import IdempotentFormMixin
from waishi.registers.constants import Sex
from waishi.registers.models.people import validate_country_codes

from .constants import CitizenStatus, Criterion, ExclusionGround, NomineeType
from .models import HonoraryRound

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundForm(forms.Form):
    number = forms.IntegerField(label=_("Round"), min_value=1, max_value=999)
    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200)
    call_opened_on = forms.DateField(label=_("Call opened on"), widget=DAY)
    deadline = forms.DateField(label=_("Nominations close on"), widget=DAY)


class NoticeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    notice_from = forms.DateField(label=_("Public notice from"), widget=DAY)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class NominationForm(IdempotentFormMixin):
    round = forms.ModelChoiceField(
        label=_("Round"), queryset=HonoraryRound.objects.none(), empty_label=None
    )
    agency = forms.ModelChoiceField(
        label=_("Nominating unit's agency"),
        queryset=Agency.objects.filter(is_active=True).order_by("sort_order", "id"),
        required=False,
        help_text=_("For a paper nomination from a city unit."),
    )
    nominator_name = forms.CharField(
        label=_("Nominating unit"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the agency's name."),
    )
    nominee_type = forms.ChoiceField(label=_("Nominee is"), choices=NomineeType.choices)
    name = forms.CharField(label=_("Nominee's name (Chinese)"), max_length=60)
    foreign_names = forms.CharField(
        label=_("Name in other languages"), max_length=200, required=False
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DAY)
    nationalities = forms.CharField(
        label=_("Nationalities"),
        max_length=60,
        validators=[validate_country_codes],
        help_text=_("Two-letter codes, e.g. US or CN (compatriots of Hong Kong, Macao, Taiwan)."),
    )
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    post = forms.CharField(label=_("Post"), max_length=100, required=False)
    criteria = forms.MultipleChoiceField(
        label=_("Criteria"), choices=Criterion.choices, widget=forms.CheckboxSelectMultiple
    )
    contribution = forms.CharField(
        label=_("Contribution and evidence"), widget=forms.Textarea(attrs={"rows": 4})
    )
    donations = forms.DecimalField(
        label=_("Donations to the city (RMB)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    investment = forms.DecimalField(
        label=_("Investment in the city (RMB)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    citation = forms.CharField(label=_("Citation (Chinese)"), max_length=300, required=False)
    citation_en = forms.CharField(label=_("Citation (English)"), max_length=300, required=False)
    consent_on = forms.DateField(
        label=_("Nominee consented on"),
        widget=DAY,
        required=False,
        help_text=_("No nomination without the nominee's consent."),
    )
    consent_note = forms.CharField(
        label=_("How the consent was given"),
        max_length=300,
        required=False,
        help_text=_("For example: signed consent form received on that day."),
    )
    publish_consent = forms.BooleanField(
        label=_("The nominee agrees to be listed on the bureau's website"), required=False
    )

    def __init__(
        self, *args: Any, agency_choice: bool = True, self_nomination: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["round"].queryset = HonoraryRound.objects.filter(  # type: ignore[attr-defined]
            status="open", call_opened_on__lte=today, deadline__gte=today
        )
        if not agency_choice or self_nomination:
            del self.fields["agency"]
        if self_nomination:
            del self.fields["nominator_name"]
            self.fields["consent_note"].initial = _("Self-nomination filed online")


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[c for c in CitizenStatus.choices if c[0] != CitizenStatus.ACTIVE],
    )
    on = forms.DateField(label=_("On"), widget=DAY)
    ground = forms.ChoiceField(
        label=_("Ground for revocation"),
        choices=[("", "—"), *ExclusionGround.choices],
        required=False,
    )
    decision = forms.CharField(
        label=_("Standing committee decision"), max_length=100, required=False
    )
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class CeremonyForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label=_("Ceremony on"), widget=DAY)
    place = forms.CharField(label=_("Place"), max_length=200)


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label=_("Contacted on"), widget=DAY, initial=timezone.localdate)
    channel = forms.CharField(label=_("How"), max_length=100)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
