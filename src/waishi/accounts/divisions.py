"""A division's id by its code, read once per process.

Menus and rights ask "is this person in the division that keeps X?" on every page, and the
signed-in user carries only their division's id. The ids are remembered per process and
forgotten whenever any division is saved or deleted (connected in ``apps.py``).
"""

from typing import Any

_IDS: dict[str, int | None] = {}


def division_id(code: str) -> int | None:
    """The id of the division with ``code``, or None when there is none."""
    if code not in _IDS:
        from .models import Division

        _IDS[code] = Division.objects.filter(code=code).values_list("pk", flat=True).first()
    return _IDS[code]


def in_division(user: Any, code: str) -> bool:
    """Whether the signed-in ``user`` works in the division with ``code``."""
    if not getattr(user, "is_authenticated", False) or user.division_id is None:
        return False
    return bool(user.division_id == division_id(code))


def forget_division_ids(**kwargs: Any) -> None:
    _IDS.clear()
