"""Forms of the shared registers."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waishi.core.validators import validate_web_address

from .constants import OrganisationKind
from .countries import country_choices
from .models import CountryGroup


def _style(form: forms.Form) -> None:
    """Give every widget Bootstrap's class for its kind."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs["class"] = css


class OrganisationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    name_zh = forms.CharField(label=_("Name in Chinese"), max_length=200)
    name_original = forms.CharField(
        label=_("Name in the original language"), max_length=300, required=False
    )
    country = forms.ChoiceField(label=_("Country or region"))
    credit_code = forms.CharField(
        label=_("Unified social credit code"),
        max_length=30,
        required=False,
        help_text=_("Chinese organisations only: 18 characters (GB 32100-2015)."),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        validators=[validate_web_address],
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["country"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "---------"), *country_choices()]
        _style(self)


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *OrganisationKind.choices]
    )
    country = forms.ChoiceField(label=_("Country or region"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["country"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All countries and regions")), *country_choices()]
        _style(self)


class CountryFilterForm(forms.Form):
    group = forms.ChoiceField(label=_("Group"), required=False)

    def __init__(self, *args: Any, groups: list[CountryGroup], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["group"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All groups")), *((g.code, g.name) for g in groups)]
        _style(self)


__all__ = ["CountryFilterForm", "OrganisationForm", "OrganisationSearchForm"]
