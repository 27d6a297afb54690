"""The registry of notification kinds. Each app registers its kinds in ``AppConfig.ready``.

A kind is a namespaced code (``cases.transition``, ``passports.overdue``) with a label shown
on the preferences page and the channels used for people who have not chosen otherwise.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from .constants import Channel


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    default_channels: frozenset[str]
    # Kinds a user may not switch off in Waishi itself (e.g. security notices); the other
    # channels stay optional.
    in_app_required: bool = False
    order: int = 100


class UnknownKind(LookupError):
    """``notify`` was called with a kind no app registered."""


_kinds: dict[str, Kind] = {}


def register_kind(
    code: str,
    label: str | Promise,
    *,
    default_channels: Iterable[str] = (Channel.IN_APP,),
    in_app_required: bool = False,
    order: int = 100,
) -> Kind:
    """Register (or re-register, e.g. on reload) a kind of notification under ``code``."""
    if "." not in code:
        raise ValueError(f"Notification kind {code!r} must be namespaced as app.event")
    channels = frozenset(str(c) for c in default_channels)
    unknown = channels - set(Channel.values)
    if unknown:
        raise ValueError(f"Unknown channels for {code}: {sorted(unknown)}")
    kind = Kind(code, label, channels, in_app_required=in_app_required, order=order)
    _kinds[code] = kind
    return kind


def get_kind(code: str) -> Kind:
    """The registered kind ``code``; raises ``UnknownKind`` for codes nobody registered."""
    try:
        return _kinds[code]
    except KeyError:
        raise UnknownKind(code) from None


def all_kinds() -> list[Kind]:
    """Every registered kind in display order."""
    return sorted(_kinds.values(), key=lambda k: (k.order, k.code))
