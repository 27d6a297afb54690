"""Small helpers shared by the passports views."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

from waishi.missions.models import Mission


def errors_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


def get_mission(request: HttpRequest, reference: str) -> Mission:
    """The mission by case reference if the user may see its case; 404 otherwise."""
    from waishi.cases.querysets import visible_to

    case_ids = visible_to(request.user).filter(reference=reference).values("pk")
    mission = Mission.objects.filter(case_id__in=case_ids).select_related("case__agency").first()
    if mission is None:
        raise Http404
    return mission


def int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
