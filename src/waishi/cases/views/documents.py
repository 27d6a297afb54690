"""Downloading and revoking a case's official documents."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.audit.actions import log_action
from waishi.core.views import require_perm

from .. import documents
from ..models import OfficialDocument
from .case import get_case


def serve_document(request: HttpRequest, document: OfficialDocument) -> HttpResponse:
    """The document's PDF; drawn now if the worker has not drawn it yet.

    The caller has checked that the user may see the document's case. A document still
    undrawn answers a short page asking to try again (202 with Retry-After) rather than an
    error, and asks the worker once.
    """
    if not document.is_rendered:
        documents.request_render(document)
        document.refresh_from_db()
    if not document.is_rendered:
        response = render(
            request, "cases/document_pending.html", {"document": document}, status=202
        )
        response["Retry-After"] = "30"
        return response
    log_action(
        action="cases.document.download",
        actor=request.user,
        obj=document,
        request=request,
        after={"number": str(document.number), "version": document.version},
    )
    return FileResponse(  # type: ignore[return-value]
        document.file.open("rb"),
        as_attachment=True,
        filename=documents.file_name(document),
        content_type="application/pdf",
    )


def _document(case: Any, pk: int) -> OfficialDocument:
    document = OfficialDocument.objects.select_related("case").filter(case=case, pk=pk).first()
    if document is None:
        raise Http404
    return document


@require_perm("cases.view_case")
def document_download(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case(request, reference)
    return serve_document(request, _document(case, pk))


@require_perm("cases.view_case")
@require_POST
def document_revoke(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case(request, reference)
    document = _document(case, pk)
    if not request.user.has_perm("cases.revoke_document", case):
        raise Http404
    reason = request.POST.get("reason", "").strip()[:1000]
    if not reason:
        messages.error(request, _("Give the reason for revoking the document."))
    elif document.revoked_at is not None:
        messages.info(request, _("The document was already revoked."))
    else:
        documents.revoke_document(document=document, actor=request.user, reason=reason)
        messages.success(request, _("The document is revoked; its verification now says so."))
    return redirect("cases:detail", reference=case.reference)
