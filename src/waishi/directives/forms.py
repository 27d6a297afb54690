"""Forms of directives, replies, tasks and briefs; the actions take their cleaned data."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waishi.accounts.models import Division, Leader
from waishi.cases.forms import IdempotentFormMixin

from .actions import county_offices
from .constants import BriefMark, BriefRegion, DirectiveKind, TaskSource

DAY = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StyledForm(forms.Form):
    """Gives the widgets Bootstrap's classes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)


class DirectiveForm(IdempotentFormMixin, StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DirectiveKind.choices)
    document_number = forms.CharField(
        label=_("Official document number"),
        max_length=60,
        required=False,
        help_text=_("For example 肇外侨〔2026〕12号."),
    )
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))
    reply_due = forms.DateField(label=_("Replies due"), widget=DAY)
    report_year = forms.IntegerField(
        label=_("Year reported on"), required=False, min_value=2000, max_value=2100
    )
    counties = forms.ModelMultipleChoiceField(
        label=_("County offices that reply"),
        queryset=county_offices().order_by("sort_order", "pk"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            field = self.fields["counties"]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            self.initial.setdefault("counties", list(field.queryset or []))


class ReplyForm(IdempotentFormMixin, StyledForm):
    text = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    file = forms.FileField(label=_("Attachment"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class TaskForm(IdempotentFormMixin, StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    source = forms.ChoiceField(label=_("Assigned by"), choices=TaskSource.choices)
    document_number = forms.CharField(label=_("Official document number"), max_length=60)
    document_date = forms.DateField(label=_("Document date"), required=False, widget=DAY)
    asked = forms.CharField(label=_("What is asked"), widget=forms.Textarea(attrs={"rows": 5}))
    due_on = forms.DateField(label=_("Due on"), widget=DAY)
    helpers = forms.ModelMultipleChoiceField(
        label=_("Helping divisions"),
        queryset=Division.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    key_task = forms.BooleanField(label=_("Guangdong–Hong Kong–Macao key task"), required=False)


class TaskExtendForm(StyledForm):
    new_due = forms.DateField(label=_("New due date"), widget=DAY)
    reason = forms.CharField(
        label=_("Granted by, and why"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class TaskReportForm(StyledForm):
    text = forms.CharField(
        label=_("Interim report"), widget=forms.Textarea(attrs={"rows": 3}), max_length=8000
    )
    reported_on = forms.DateField(label=_("Reported on"), widget=DAY)


class BriefForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    region = forms.ChoiceField(label=_("Concerns"), choices=BriefRegion.choices)
    source = forms.CharField(label=_("Source"), max_length=300)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}))
    relevance = forms.CharField(
        label=_("Relevance to the city"), widget=forms.Textarea(attrs={"rows": 3})
    )
    suggested_action = forms.CharField(
        label=_("Suggested action"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    leaders = forms.ModelMultipleChoiceField(
        label=_("Leaders concerned"),
        queryset=Leader.objects.filter(user__isnull=False),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    case_references = forms.CharField(
        label=_("Cases concerned"),
        required=False,
        max_length=500,
        help_text=_("Reference numbers, separated by spaces."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BriefReviewForm(StyledForm):
    decision = forms.ChoiceField(
        choices=[("send", _("Send to the leaders")), ("return", _("Return"))]
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


class BriefMarkForm(StyledForm):
    mark = forms.ChoiceField(label=_("Mark"), choices=BriefMark.choices)
    note = forms.CharField(
        label=_("Instruction"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
