"""Lazy message text: translated and filled in only when rendered for each recipient."""

from typing import Any

from django.utils.functional import Promise, lazy


def _interpolate(message: str | Promise, params: dict[str, Any]) -> str:
    return str(message) % {key: str(value) for key, value in params.items()}


# ``interpolate_lazy(gettext_lazy("%(reference)s was approved"), reference=...)`` stays
# untranslated until ``notify`` renders it in the recipient's language.
_lazy = lazy(_interpolate, str)


def interpolate_lazy(message: str | Promise, **params: Any) -> Any:
    return _lazy(message, params)
