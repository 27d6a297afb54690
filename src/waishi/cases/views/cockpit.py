"""The leaders' cockpit page (``cases.cockpit``)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from waishi.core.views import require_perm

from .. import cockpit as parts


@require_perm("cases.view_cockpit")
def cockpit(request: HttpRequest) -> HttpResponse:
    scope = parts.scope_of(request.user)
    if scope is None:
        raise Http404
    today = timezone.localdate()
    figures = parts.key_figures(scope, today)
    panels = [(panel, panel.load(scope)) for panel in parts.cockpit_panels(request.user)]
    return render(
        request,
        "cases/cockpit.html",
        {
            "scope": scope,
            "today": today,
            "waiting": parts.waiting(scope),
            "clocks": parts.clocks_at_risk(scope, today),
            "steps": parts.steps_overdue(scope, today),
            "figures": figures,
            "scale": parts.bar_scale(figures),
            "panels": panels,
            "rows": parts.ROWS,
        },
    )
