"""Forms of the case kernel, and the idempotency-key mixin area forms use for filing."""

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waishi.core.widgets import DayInput

from .attachments import ALLOWED
from .constants import (
    ClockOwner,
    DueUnit,
    InboxTab,
    Jurisdiction,
    Priority,
    Severity,
    StepBody,
)
from .registry import case_types
from .rule_registry import RuleArea


class IdempotentFormMixin(forms.Form):
    """A hidden key made when the form is rendered; the filing action refuses a second use.

    Pass ``form.cleaned_data["idempotency_key"]`` to ``do_create_case(idempotency_key=...)``:
    a double click or a resent POST then returns the first case instead of filing another.
    """

    idempotency_key = forms.CharField(
        widget=forms.HiddenInput, max_length=64, required=False, initial=""
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class CommentForm(IdempotentFormMixin):
    text = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    is_public = forms.BooleanField(label=_("Visible to the agency"), required=False, initial=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )
    is_public = forms.BooleanField(label=_("Visible to the agency"), required=False, initial=True)


class CaseEditForm(forms.Form):
    """The header fields staff may change; ``version`` is the one the form was built from."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=200)
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DayInput())
    division: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Owning division"), queryset=None, required=False, empty_label="—"
    )
    assignee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label="—"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        from waishi.accounts.models import Division

        from .permissions import CASE_WORKER_ROLES

        self.fields["division"].queryset = Division.objects.all()  # type: ignore[attr-defined]
        self.fields["assignee"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(is_active=True, role_grants__role__in=CASE_WORKER_ROLES)
            .distinct()
            .order_by("full_name", "username")
        )
        _style(self)


class CaseFilterForm(forms.Form):
    """Filters shared by the inbox, the agency list, the exports and the API."""

    tab = forms.ChoiceField(choices=InboxTab.choices, required=False)
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    case_type = forms.ChoiceField(label=_("Case type"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    # An agency's id; the choices (active agencies) are read when the form is made.
    agency = forms.TypedChoiceField(label=_("Agency"), required=False, coerce=int, empty_value=None)
    waiting_for = forms.ChoiceField(
        label=_("Whose turn"),
        required=False,
        choices=[("", _("Anyone")), *ClockOwner.choices],
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Latest change first")), ("due", _("Nearest time limit first"))],
    )
    due_from = forms.DateField(label=_("Due from"), required=False, widget=DayInput())
    due_to = forms.DateField(label=_("Due until"), required=False, widget=DayInput())

    def __init__(self, *args: Any, with_agency: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = case_types()
        self.fields["case_type"].choices = [("", _("All types"))] + [  # type: ignore[attr-defined]
            (t.code, t.label) for t in types
        ]
        statuses: dict[str, Any] = {}
        for kind in types:
            for state, label in kind.workflow.states.items():
                statuses.setdefault(state, label)
        self.fields["status"].choices = [("", _("All statuses")), *statuses.items()]  # type: ignore[attr-defined]
        if with_agency:
            # The active agencies as (id, name): one query, no model rows, and no count.
            self.fields["agency"].choices = [("", _("All agencies")), *agency_choices()]  # type: ignore[attr-defined]
        else:
            del self.fields["agency"]
        _style(self, small=True)

    def options(self, name: str, *, empty_is_chosen: bool = False) -> list[tuple[str, str, bool]]:
        """A select's options as (value, label, selected), worked out once for the template.

        ``empty_is_chosen`` marks the empty option when the field was not sent at all.
        """
        current = self[name].value()
        if current is None and empty_is_chosen:
            current = ""
        chosen = None if current is None else str(current)
        return [
            (str(value), str(label), str(value) == chosen)
            for value, label in self.fields[name].choices  # type: ignore[attr-defined]
        ]

    @property
    def case_type_options(self) -> list[tuple[str, str, bool]]:
        return self.options("case_type")

    @property
    def status_options(self) -> list[tuple[str, str, bool]]:
        return self.options("status")

    @property
    def agency_options(self) -> list[tuple[str, str, bool]]:
        return self.options("agency", empty_is_chosen=True)


def agency_choices() -> list[tuple[int, str]]:
    """Active agencies as (id, name in the active language), in the agencies' own order."""
    from django.utils import translation

    from waishi.accounts.models import Agency
    from waishi.core.models import FALLBACK_ORDER, LANGUAGE_SUFFIXES

    # core.models.translated's order: the active language, then Simplified, then the others.
    language = (translation.get_language() or "zh-hans").lower()
    order = [LANGUAGE_SUFFIXES.get(language, "zh_hans"), *FALLBACK_ORDER]
    columns = [f"name_{suffix}" for suffix in FALLBACK_ORDER]
    rows = Agency.objects.filter(is_active=True).values_list("pk", *columns)
    choices = []
    for pk, *names in rows:
        by_suffix = dict(zip(FALLBACK_ORDER, names, strict=True))
        choices.append((pk, next((str(by_suffix[x]) for x in order if by_suffix[x]), "")))
    return choices


def _style(form: forms.Form, *, small: bool = False) -> None:
    """Bootstrap classes on every visible widget."""
    size = " form-select-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        css = "form-select" + size if isinstance(widget, forms.Select) else "form-control"
        if small and css == "form-control":
            css += " form-control-sm"
        widget.attrs.setdefault("class", css)


class StepSendForm(IdempotentFormMixin):
    """Sending part of a case to an outside body: which body, what, when, due when."""

    body = forms.ChoiceField(label=_("Body"), choices=StepBody.choices)
    body_name = forms.CharField(
        label=_("Name of the body"),
        max_length=200,
        required=False,
        help_text=_("Which consulate, which police office, … (required for “Other body”)."),
    )
    request_text = forms.CharField(
        label=_("What was asked"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )
    sent_on = forms.DateField(label=_("Sent on"), widget=DayInput())
    due_unit = forms.ChoiceField(
        label=_("Due within"), choices=DueUnit.choices, initial=DueUnit.WORKDAYS
    )
    due_in = forms.IntegerField(label=_("Number of days"), required=False, min_value=1)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DayInput())
    their_reference = forms.CharField(
        label=_("Their reference number"), max_length=100, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Its own ids: the case page carries other forms with fields of the same names.
        kwargs.setdefault("auto_id", "step-send-%s")
        super().__init__(*args, **kwargs)
        _style(self, small=True)


class StepAnswerForm(IdempotentFormMixin):
    version = forms.IntegerField(widget=forms.HiddenInput)
    answered_on = forms.DateField(label=_("Answered on"), widget=DayInput())
    answer_text = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        required=False,
    )
    their_reference = forms.CharField(
        label=_("Their reference number"), max_length=100, required=False
    )
    file = forms.FileField(
        label=_("Their document"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ALLOWED))}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self, small=True)


class StepWithdrawForm(IdempotentFormMixin):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self, small=True)


def _control(kind: str = "form-control") -> dict[str, str]:
    return {"class": kind}


class RuleVersionForm(forms.Form):
    """A new version of one area's rule (or a first rule for a jurisdiction or rank)."""

    code = forms.ChoiceField(label=_("Rule"), widget=forms.Select(attrs=_control("form-select")))
    jurisdiction = forms.ChoiceField(
        label=_("Jurisdiction"),
        choices=Jurisdiction.choices,
        widget=forms.Select(attrs=_control("form-select")),
    )
    area_code = forms.CharField(
        label=_("Administrative area code"),
        max_length=6,
        required=False,
        help_text=_("Six digits, e.g. 440000 for Guangdong or 441200 for the city."),
        widget=forms.TextInput(attrs=_control()),
    )
    rank = forms.ChoiceField(
        label=_("Applies to rank"),
        required=False,
        widget=forms.Select(attrs=_control("form-select")),
    )
    value = forms.JSONField(
        label=_("Value"),
        help_text=_("JSON, in the form the rule needs (see the example)."),
        widget=forms.Textarea(attrs={"class": "form-control font-monospace", "rows": 4}),
    )
    severity = forms.ChoiceField(
        label=_("Severity"),
        choices=Severity.choices,
        widget=forms.Select(attrs=_control("form-select")),
    )
    effective_from = forms.DateField(
        label=_("In force from"),
        widget=DayInput(attrs={"class": "form-control"}),
    )
    citation = forms.CharField(
        label=_("Citation"),
        max_length=4000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )

    def __init__(self, *args: Any, area: RuleArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [  # type: ignore[attr-defined]
            (code, definition.label) for code, definition in area.definitions.items()
        ]
        if area.ranks:
            self.fields["rank"].choices = [  # type: ignore[attr-defined]
                ("", _("All ranks")),
                *area.ranks,
            ]
        else:
            del self.fields["rank"]
