"""The form that creates an API token."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from waishi.accounts.constants import Role


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which system uses the token, e.g. “OA system”."),
    )
    acting_user = forms.ModelChoiceField(
        label=_("Acts as"),
        queryset=get_user_model().objects.none(),
        help_text=_("The token has exactly this liaison officer's permissions."),
    )

    def __init__(self, *args: Any, agency_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["acting_user"]
        officers = get_user_model().objects.none()
        if agency_id is not None:
            officers = (
                get_user_model()
                .objects.filter(
                    agency_id=agency_id, is_active=True, role_grants__role=Role.LIAISON_OFFICER
                )
                .distinct()
                .order_by("username")
            )
        field.queryset = officers  # type: ignore[attr-defined]
