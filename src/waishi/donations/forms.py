"""The donee's filing forms (a donation, a project) and the small forms of the project panel."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.cases.forms import IdempotentFormMixin
from waishi.registers.constants import Sex
from waishi.registers.countries import country_choices

from .constants import DoneeKind, DonorType, GiftForm, Purpose
from .models import Donor

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_future(day: datetime.date | None) -> datetime.date | None:
    if day is not None and day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return day


class DonorChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.get_donor_type_display()})"


class DonorFieldsMixin(forms.Form):
    """A donor already registered by the donee, or a new one."""

    donor = DonorChoiceField(
        label=_("Donor already registered"),
        queryset=Donor.objects.none(),
        required=False,
        help_text=_("Or register a new donor below."),
    )
    donor_type = forms.ChoiceField(
        label=_("Kind of donor"), choices=[("", "—"), *DonorType.choices], required=False
    )
    donor_name = forms.CharField(label=_("Donor's name"), max_length=60, required=False)
    donor_name_original = forms.CharField(
        label=_("Name in the donor's own language"), max_length=200, required=False
    )
    donor_country = forms.ChoiceField(label=_("Lives in"), choices=(), required=False)
    donor_sex = forms.ChoiceField(
        label=_("Sex (a person)"), choices=[("", "—"), *Sex.choices], required=False
    )
    donor_date_of_birth = forms.DateField(
        label=_("Date of birth (a person)"), widget=DAY, required=False
    )
    publicity_consent = forms.BooleanField(
        label=_("The donor consents to publicity (commendation, lists)"), required=False
    )
    consent_on = forms.DateField(label=_("Consent given on"), widget=DAY, required=False)
    confidential = forms.BooleanField(label=_("The donor asks for confidentiality"), required=False)
    confidentiality_note = forms.CharField(
        label=_("What is to be kept confidential"), max_length=300, required=False
    )

    def setup_donors(self, agency: Any) -> None:
        field = self.fields["donor"]
        field.queryset = Donor.objects.filter(  # type: ignore[attr-defined]
            Q(registered_by=agency)
        ).select_related("person", "organisation")
        choices = [("", "—"), *country_choices(abroad=True)]
        self.fields["donor_country"].choices = choices  # type: ignore[attr-defined]

    def clean_consent_on(self) -> datetime.date | None:
        return _not_future(self.cleaned_data.get("consent_on"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("donor"):
            missing = [
                name for name in ("donor_type", "donor_name", "donor_country") if not data.get(name)
            ]
            for name in missing:
                self.add_error(name, _("Choose a registered donor or fill this in."))
        return data


class DonationForm(IdempotentFormMixin, DonorFieldsMixin):
    donee_kind = forms.ChoiceField(label=_("Kind of donee"), choices=DoneeKind.choices)
    gift_form = forms.ChoiceField(label=_("Form"), choices=GiftForm.choices)
    goods_description = forms.CharField(
        label=_("Goods (if in kind)"), max_length=300, required=False
    )
    currency = forms.CharField(
        label=_("Currency"),
        max_length=3,
        initial="CNY",
        help_text=_("Three letters: CNY, HKD, USD, MOP, MYR … Goods are valued in a currency too."),
    )
    amount = forms.DecimalField(
        label=_("Amount or value"), max_digits=16, decimal_places=2, min_value=Decimal("0.01")
    )
    accepted_on = forms.DateField(
        label=_("Accepted on"),
        widget=DAY,
        help_text=_("The donation is valued on this day and filed within 30 days of it."),
    )
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    use = forms.CharField(label=_("Use agreed with the donor"), max_length=300)
    receipt_number = forms.CharField(label=_("Receipt number"), max_length=60)
    ledger_entry = forms.CharField(label=_("Ledger entry"), max_length=60)
    agreement = forms.FileField(
        label=_("Donation agreement"), help_text=_("PDF or image of the signed agreement.")
    )

    def clean_accepted_on(self) -> datetime.date | None:
        return _not_future(self.cleaned_data.get("accepted_on"))

    def clean_currency(self) -> str:
        return str(self.cleaned_data["currency"]).strip().upper()


class ProjectForm(IdempotentFormMixin):
    donor = DonorChoiceField(label=_("Principal donor"), queryset=Donor.objects.none())
    title = forms.CharField(label=_("Project"), max_length=200)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    location = forms.CharField(label=_("Location"), max_length=200)
    use = forms.CharField(label=_("Use"), max_length=300)
    donations = forms.ModelMultipleChoiceField(
        label=_("Donations funding it"), queryset=Donor.objects.none(), required=False
    )

    def setup(self, agency: Any, donations: Any) -> None:
        self.fields["donor"].queryset = (  # type: ignore[attr-defined]
            Donor.objects.filter(donations__case__agency=agency)
            .distinct()
            .select_related("person", "organisation")
        )
        self.fields["donations"].queryset = donations  # type: ignore[attr-defined]
        self.fields["donations"].label_from_instance = (  # type: ignore[attr-defined]
            lambda d: f"{d.case.reference} · {d.rmb_value:,.2f} RMB"
        )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    on = forms.DateField(label=_("Date"), widget=DAY)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class NamingRequestForm(forms.Form):
    proposed_name = forms.CharField(label=_("Name the donor proposes"), max_length=200)


class NamingDecisionForm(forms.Form):
    naming = forms.IntegerField(widget=forms.HiddenInput)
    approved = forms.TypedChoiceField(
        label=_("Government's decision"),
        choices=[("1", _("Approved")), ("0", _("Refused"))],
        coerce=lambda v: v == "1",
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DAY)
    their_reference = forms.CharField(
        label=_("Government's reference"), max_length=100, required=False
    )


class NameProjectForm(forms.Form):
    naming = forms.IntegerField(widget=forms.HiddenInput)


class ChangeOfUseForm(forms.Form):
    new_use = forms.CharField(label=_("New use"), max_length=300)
    reason = forms.CharField(label=_("Reason"), max_length=500)
    consent_on = forms.DateField(
        label=_("Donor's written consent dated"), widget=DAY, required=False
    )
    consent = forms.FileField(label=_("Donor's written consent"), required=False)


class ChangeDecisionForm(forms.Form):
    change = forms.IntegerField(widget=forms.HiddenInput)
    approved = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Approve")), ("0", _("Refuse"))],
        coerce=lambda v: v == "1",
    )


class UseReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990)
    summary = forms.CharField(
        label=_("Use in the year"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class FlagForm(forms.Form):
    text = forms.CharField(label=_("What was found"), max_length=500)


class RateForm(forms.Form):
    currency = forms.CharField(label=_("Currency"), max_length=3)
    on = forms.DateField(label=_("Date"), widget=DAY)
    rate = forms.DecimalField(
        label=_("RMB per unit"), max_digits=14, decimal_places=6, min_value=Decimal("0.000001")
    )
    source = forms.CharField(label=_("Source"), max_length=200)
