"""Form widgets every face shares."""

from typing import Any

from django import forms


class DayInput(forms.DateInput):
    """The browser's date picker. Its value is always YYYY-MM-DD, whatever the page's language
    formats dates as (the standard accepts no other form, and the picker shows none)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
