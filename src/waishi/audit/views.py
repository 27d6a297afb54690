"""The audit administrator's search screen."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from waishi.core.views import require_perm

from .models import AuditEvent


@require_perm("audit.view_auditevent")
def search(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.select_related("actor").order_by("-seq")[:100]
    return render(request, "audit/search.html", {"title": _("Audit log"), "events": events})
