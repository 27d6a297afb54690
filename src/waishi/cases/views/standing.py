"""The bureau's list of agency suspensions, and lifting one."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from ..models import Suspension
from ..standing import can_lift, do_lift_suspension, source_label
from ..workflow import TransitionRefused

# Lifted suspensions shown under the open ones (the newest).
LIFTED_SHOWN = 100


@require_perm("cases.view_suspensions")
def suspensions(request: HttpRequest) -> HttpResponse:
    """Every open suspension, then the latest lifted ones; a lift form where the user may."""
    rows = Suspension.objects.select_related("agency", "imposed_by", "lifted_by")
    open_rows = list(rows.filter(lifted_at__isnull=True).order_by("-imposed_at", "-id"))
    lifted = list(rows.filter(lifted_at__isnull=False).order_by("-lifted_at", "-id")[:LIFTED_SHOWN])
    for row in [*open_rows, *lifted]:
        row.source_label = source_label(row.source)  # type: ignore[attr-defined]
        row.may_lift = row.is_open and can_lift(request.user, row)  # type: ignore[attr-defined]
    return render(
        request,
        "cases/suspensions.html",
        {"title": _("Agency suspensions"), "open_rows": open_rows, "lifted": lifted},
    )


@require_perm("cases.lift_suspension")
@require_POST
def suspension_lift(request: HttpRequest, pk: int) -> HttpResponse:
    """Lift one suspension with a reason (``standing.do_lift_suspension`` checks who may)."""
    suspension = Suspension.objects.filter(pk=pk, lifted_at__isnull=True).first()
    if suspension is None:
        raise Http404
    try:
        do_lift_suspension(
            suspension=suspension,
            reason=request.POST.get("reason", ""),
            actor=request.user,
            request=request,
        )
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        for reason in refused.reasons:
            messages.error(request, reason)
    else:
        messages.success(
            request, _("The suspension of %(agency)s is lifted.") % {"agency": suspension.agency}
        )
    return redirect("cases:suspensions")
