"""Downloading a mission's approval document: the filing agency and bureau staff only."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from waishi.core.views import require_perm

from ..models import ApprovalDocument
from .common import get_mission


@require_perm("missions.read_missions")
def approval_download(request: HttpRequest, reference: str, version: int) -> HttpResponse:
    # Seeing the case decides: another agency gets the same 404 as a missing document.
    mission = get_mission(request, reference)
    document = ApprovalDocument.objects.filter(mission=mission, version=version).first()
    if document is None:
        raise Http404
    return FileResponse(  # type: ignore[return-value]
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{mission.case.reference}-v{document.version}.pdf",
        content_type="application/pdf",
    )
