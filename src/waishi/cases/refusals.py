"""The one set of refusals every action and transition raises. Nothing was written.

- ``Refused``: the action may not run now; ``reasons`` say why, translated. ``forbidden`` is
  true when the actor lacks the right (views answer 404, the API 403), false when the state,
  an input or a guard stands in the way (shown to the person).
- ``TransitionRefused``: a refusal of the case kernel (transitions, comments, files, edits).
- ``Stale``: the object changed since the caller read it (its ``version`` moved on);
  ``Conflict`` is the case kernel's, an area's editing actions raise their own subclass.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Case


class Refused(Exception):
    """The action may not run; ``reasons`` say why, translated. Nothing was written."""

    def __init__(self, reasons: Iterable[Any], *, forbidden: bool = False) -> None:
        self.reasons = [str(r) for r in reasons]
        # True when the actor lacks the right (as opposed to a guard or missing input).
        self.forbidden = forbidden
        super().__init__("; ".join(self.reasons))

    @property
    def messages(self) -> list[str]:
        """The reasons, under the name ``ValidationError`` gives them."""
        return self.reasons


class TransitionRefused(Refused):
    """A transition (or another write on a case) may not run. Nothing was written."""


class Stale(Exception):
    """``obj`` changed since the caller read it at ``expected_version``. Nothing was written."""

    def __init__(self, obj: Any, expected_version: int | None = None) -> None:
        self.obj = obj
        self.expected_version = expected_version
        super().__init__(f"{obj} is at version {getattr(obj, 'version', '?')}")


class Conflict(Stale):
    """The case changed since the caller read it (version mismatch). Nothing was written."""

    def __init__(self, case: "Case", expected_version: int) -> None:
        super().__init__(case, expected_version)
        self.case = case
        self.expected_version: int = expected_version
        self.args = (f"{case.reference} is at version {case.version}, not {expected_version}",)
