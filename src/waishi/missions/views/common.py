"""Fetching a mission for a request: visible or 404, as the case kernel does."""

from django.http import Http404, HttpRequest

from waishi.cases.models import Case
from waishi.cases.querysets import access_case

from ..constants import CASE_TYPE
from ..models import Mission


def get_mission(request: HttpRequest, reference: str) -> Mission:
    """The mission of a case the user may see; 404 for a missing, forbidden or other case."""
    try:
        case = access_case(request.user, reference)
    except Case.DoesNotExist:
        raise Http404 from None
    if case.case_type != CASE_TYPE:
        raise Http404
    try:
        return Mission.objects.select_related("case", "case__agency").get(case=case)
    except Mission.DoesNotExist:
        raise Http404 from None
