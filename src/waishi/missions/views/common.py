"""Fetching a mission for a request: visible or 404, as the case kernel does."""

from django.http import HttpRequest

from waishi.cases.querysets import access_case_detail

from ..constants import CASE_TYPE
from ..models import Mission


def get_mission(request: HttpRequest, reference: str) -> Mission:
    """The mission of a case the user may see; 404 for a missing, forbidden or other case."""
    mission: Mission = access_case_detail(request.user, reference, CASE_TYPE)
    return mission
