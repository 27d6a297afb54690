"""Small helpers shared by the passports views."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from waishi.cases.querysets import access_case_detail

# The case type of mission applications, whose members' documents this area keeps.
MISSION_CASE_TYPE = "CG"


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
