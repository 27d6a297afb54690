"""The audit search form: every filter is optional and narrows the list."""

import datetime
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waishi.core.widgets import DayInput

from .models import AuditEvent, Outcome


class AuditFilterForm(forms.Form):
    """Filters read from the query string; an invalid filter is reported, not ignored."""

    date_from = forms.DateField(label=_("From"), required=False, widget=DayInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DayInput())
    actor = forms.CharField(label=_("Actor (user name)"), required=False, max_length=150)
    action = forms.CharField(
        label=_("Action"),
        required=False,
        max_length=100,
        help_text=_("Beginning of the action name, e.g. accounts. or cases.case."),
    )
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=100)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Any outcome")), *Outcome.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "outcome" else "form-control"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filter(self, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        """Apply the cleaned filters. Dates are whole days in the bureau's time zone."""
        data = self.cleaned_data
        condition = Q()
        if data.get("date_from"):
            condition &= Q(occurred_at__gte=_start_of(data["date_from"]))
        if data.get("date_to"):
            next_day = data["date_to"] + datetime.timedelta(days=1)
            condition &= Q(occurred_at__lt=_start_of(next_day))
        if data.get("actor"):
            condition &= Q(actor_label=data["actor"].strip())
        if data.get("action"):
            condition &= Q(action__startswith=data["action"].strip())
        if data.get("object_type"):
            condition &= Q(object_type=data["object_type"].strip().lower())
        if data.get("object_id"):
            condition &= Q(object_id=data["object_id"].strip())
        if data.get("outcome"):
            condition &= Q(outcome=data["outcome"])
        return queryset.filter(condition)

    def describe(self) -> dict[str, str]:
        """The filters in use, as plain strings (recorded with an export)."""
        return {
            name: str(value) for name, value in self.cleaned_data.items() if value not in (None, "")
        }


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
