"""Downloading a mission's approval document: the filing agency and bureau staff only."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from waishi.core.views import require_perm

from ..approval import request_render
from ..models import ApprovalDocument
from .common import get_mission


@require_perm("missions.read_missions")
def approval_download(request: HttpRequest, reference: str, version: int) -> HttpResponse:
    # Seeing the case decides: another agency gets the same 404 as a missing document.
    mission = get_mission(request, reference)
    document = ApprovalDocument.objects.filter(mission=mission, version=version).first()
    if document is None:
        raise Http404
    if not document.is_rendered:
        # Issued but not drawn yet: ask the worker (once), which may already have answered.
        request_render(document)
        document.refresh_from_db()
    if not document.is_rendered:
        return render(
            request,
            "missions/approval_pending.html",
            {
                "title": _("The approval document is being prepared"),
                "document": document,
                "mission": mission,
            },
            status=202,
        )
    return FileResponse(  # type: ignore[return-value]
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{mission.case.reference}-v{document.version}.pdf",
        content_type="application/pdf",
    )
