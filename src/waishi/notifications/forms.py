"""The preferences form: one checkbox per kind and channel, and the language of messages."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .constants import Channel
from .kinds import Kind
from .preferences import default_language


def field_name(kind: Kind, channel: str) -> str:
    return f"{kind.code}__{channel}"


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of e-mail and text messages"), choices=())

    def __init__(
        self,
        *args: Any,
        matrix: list[tuple[Kind, dict[str, bool]]],
        language: str | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        language_field = self.fields["language"]
        language_field.choices = settings.LANGUAGES  # type: ignore[attr-defined]
        language_field.initial = language or default_language()
        for kind, row in matrix:
            for channel in Channel.values:
                name = field_name(kind, channel)
                self.fields[name] = forms.BooleanField(
                    label=f"{kind.label} — {Channel(channel).label}",
                    required=False,
                    initial=row[channel],
                    disabled=kind.in_app_required and channel == Channel.IN_APP,
                )

    def rows(self) -> list[tuple[Kind, list[forms.BoundField]]]:
        """Bound checkboxes grouped by kind, channels in table order."""
        return [
            (kind, [self[field_name(kind, channel)] for channel in Channel.values])
            for kind, _row in self.matrix
        ]

    def choices(self) -> dict[tuple[str, str], bool]:
        return {
            (kind.code, channel): bool(self.cleaned_data[field_name(kind, channel)])
            for kind, _row in self.matrix
            for channel in Channel.values
        }
