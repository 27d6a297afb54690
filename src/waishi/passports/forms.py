"""Forms of the passports area. They only parse input; the actions check and write."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waishi.core.widgets import DayInput
from waishi.registers.models import Person

from .constants import (
    DocumentStatus,
    EndorsementKind,
    EndorsementValidity,
    VisaStatus,
    kind_choices,
)
from .models import LossReport, VisaNoteTemplate

DATE = DayInput()


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=kind_choices)
    number = forms.CharField(label=_("Document number"), max_length=20)
    holder = forms.ModelChoiceField(label=_("Holder"), queryset=Person.objects.none())
    issue_date = forms.DateField(label=_("Date of issue"), widget=DATE)
    expiry_date = forms.DateField(label=_("Date of expiry"), widget=DATE)
    issuing_authority = forms.CharField(label=_("Issuing authority"), max_length=120)

    def __init__(self, *args: Any, holders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = holders  # type: ignore[attr-defined]
        self.fields["holder"].label_from_instance = lambda t: f"{t.name} · {t.agency}"  # type: ignore[attr-defined]


class EndorsementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of endorsement"), choices=EndorsementKind.choices)
    validity = forms.ChoiceField(
        label=_("Validity and entries"), choices=EndorsementValidity.choices
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)


class HandOutForm(forms.Form):
    document = forms.IntegerField(widget=forms.HiddenInput)
    handed_to = forms.CharField(label=_("Signed out to"), max_length=60)


class ReturnForm(forms.Form):
    returned_by = forms.CharField(label=_("Returned by"), max_length=60, required=False)
    returned_on = forms.DateField(label=_("Returned on"), widget=DATE, required=False)
    entries_used = forms.IntegerField(
        label=_("Entries to Hong Kong or Macao on this trip"),
        min_value=0,
        max_value=20,
        required=False,
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancellation"), max_length=300)


class LossForm(forms.Form):
    lost_on = forms.DateField(label=_("Lost on"), widget=DATE)
    place = forms.CharField(label=_("Where it was lost"), max_length=200)
    circumstances = forms.CharField(
        label=_("Circumstances"), widget=forms.Textarea(attrs={"rows": 3})
    )
    police_report = forms.FileField(label=_("Police report"))


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *list(DocumentStatus.choices)], required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind of document"), choices=[("", _("All")), *kind_choices()], required=False
    )
    number = forms.CharField(label=_("Document number"), max_length=20, required=False)


class VisaMoveForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=VisaStatus.choices)
    on_date = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    visa_valid_until = forms.DateField(label=_("Visa valid until"), widget=DATE, required=False)


class VisaNoteForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=VisaNoteTemplate.objects.none(), empty_label=None
    )
    purpose_en = forms.CharField(
        label=_("Purpose in English"),
        max_length=300,
        help_text=_("The English text names the purpose of the visit in English."),
    )

    def __init__(self, *args: Any, templates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates  # type: ignore[attr-defined]


class NoteTemplateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    body_zh = forms.CharField(label=_("Text in Chinese"), widget=forms.Textarea(attrs={"rows": 10}))
    body_en = forms.CharField(label=_("Text in English"), widget=forms.Textarea(attrs={"rows": 10}))


class RequestForm(forms.Form):
    """A new issuance request: the approved mission and which members need what."""

    mission = forms.ChoiceField(label=_("Approved mission"))
    members = forms.MultipleChoiceField(
        label=_("Members who need a document"), widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(label=_("Kind of document"))

    def __init__(
        self,
        *args: Any,
        missions: list[tuple[str, str]],
        members: list[tuple[str, str]],
        kinds: list[tuple[str, Any]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mission"].choices = missions  # type: ignore[attr-defined]
        self.fields["members"].choices = members  # type: ignore[attr-defined]
        self.fields["kind"].choices = kinds  # type: ignore[attr-defined]


class IssueForm(forms.Form):
    """The numbers and dates of one issued document."""

    number = forms.CharField(label=_("Document number"), max_length=20)
    issue_date = forms.DateField(label=_("Date of issue"), widget=DATE)
    expiry_date = forms.DateField(label=_("Date of expiry"), widget=DATE)
    issuing_authority = forms.CharField(label=_("Issuing authority"), max_length=120)


class BarForm(forms.Form):
    """Barring a holder from official travel: why, until when, after which loss."""

    reason = forms.CharField(
        label=_("Reason for the bar"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    until = forms.DateField(
        label=_("Barred until"),
        widget=DATE,
        required=False,
        help_text=_("The last day of the bar; leave empty to bar until the bar is lifted."),
    )
    loss_report = forms.ModelChoiceField(
        label=_("After the loss of"),
        queryset=LossReport.objects.none(),
        required=False,
        empty_label=_("(no loss)"),
    )

    def __init__(self, *args: Any, losses: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["loss_report"].queryset = losses  # type: ignore[attr-defined]
        self.fields["loss_report"].label_from_instance = lambda r: (  # type: ignore[attr-defined]
            f"{r.document} · {r.lost_on:%Y-%m-%d}"
        )


class LiftBarForm(forms.Form):
    reason = forms.CharField(label=_("Reason for lifting the bar"), max_length=300)
