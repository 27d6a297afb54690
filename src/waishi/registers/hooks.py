"""What areas do when a person of the register changes, without the register naming them.

An area registers a callback in its ``AppConfig.ready``; ``do_update_person`` calls every
callback inside its transaction with the person and the names of the fields that changed
(e.g. missions rewrite the member names their cases are searched by).
"""

from collections.abc import Callable, Iterable

from .models import Person

PersonChanged = Callable[[Person, frozenset[str]], None]

_ON_CHANGE: list[PersonChanged] = []


def on_person_changed(callback: PersonChanged) -> PersonChanged:
    """Call ``callback(person, changed_fields)`` after each change of a person."""
    if callback not in _ON_CHANGE:
        _ON_CHANGE.append(callback)
    return callback


def person_changed(person: Person, changed: Iterable[str]) -> None:
    fields = frozenset(changed)
    for callback in list(_ON_CHANGE):
        callback(person, fields)
