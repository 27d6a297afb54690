"""Small helpers shared by the passports views."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from waishi.cases.querysets import access_case_detail
from waishi.cases.registry import get_case_type

from ..constants import MISSION_CASE_TYPE


def mission_accessor() -> str:
    """The ``Case`` attribute of a mission's detail row, from the kernel's registry.

    Passports reads missions through the case kernel: it names the type's code (data),
    never the missions app.
    """
    accessor = get_case_type(MISSION_CASE_TYPE).detail_accessor()
    if accessor is None:
        raise LookupError(f"Case type {MISSION_CASE_TYPE} has no detail row")
    return accessor


def errors_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def get_mission(request: HttpRequest, reference: str) -> Any:
    """The mission by case reference if the user may see its case; 404 otherwise."""
    return access_case_detail(request.user, reference, MISSION_CASE_TYPE)


def int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
