"""Annual plans: the agency files its plan; staff read plans with planned against used."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from .. import actions
from ..forms import PlanForm, PlannedMissionForm
from ..models import AnnualPlan
from ..plans import entries_with_use, plan_usage, with_totals
from ..querysets import access_plan, plans_visible_to


@require_perm("missions.read_plans")
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = with_totals(plans_visible_to(request.user)).order_by(
        "-year", "agency__sort_order", "id"
    )[:200]
    can_manage = request.user.has_perm("missions.manage_plan") and request.user.agency_id  # type: ignore[union-attr]
    form = PlanForm(request.POST or None, initial={"year": datetime.date.today().year + 1})
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                plan = actions.do_create_plan(
                    actor=request.user,
                    agency=request.user.agency,  # type: ignore[union-attr]
                    year=form.cleaned_data["year"],
                    note=form.cleaned_data["note"],
                    request=request,
                )
            except ValidationError as problem:
                form.add_error("year", problem.messages)
            else:
                return redirect("missions:plan", pk=plan.pk)
    return render(
        request,
        "missions/plans.html",
        {
            "title": _("Annual plans"),
            "plans": plans,
            "form": form if can_manage else None,
        },
    )


def _plan(request: HttpRequest, pk: int) -> AnnualPlan:
    try:
        return access_plan(request.user, pk)
    except AnnualPlan.DoesNotExist:
        raise Http404 from None


@require_perm("missions.read_plans")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    can_manage = request.user.has_perm("missions.manage_plan", plan)
    form = PlannedMissionForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if form.is_valid():
            try:
                actions.do_add_planned_mission(
                    actor=request.user, plan=plan, request=request, **form.cleaned_data
                )
            except ValidationError as problem:
                form.add_error(None, problem.messages)
            else:
                messages.success(request, _("The planned mission is added."))
                return redirect("missions:plan", pk=plan.pk)
    return render(
        request,
        "missions/plan_detail.html",
        {
            "title": _("Annual plan %(year)d") % {"year": plan.year},
            "plan": plan,
            "entries": entries_with_use(plan),
            "usage": plan_usage(plan),
            "form": form if can_manage else None,
        },
    )


@require_perm("missions.manage_plan")
@require_POST
def plan_entry_remove(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    entry = plan.entries.filter(pk=entry_pk).first()
    if entry is None:
        raise Http404
    try:
        actions.do_remove_planned_mission(actor=request.user, entry=entry, request=request)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as problem:
        for message in problem.messages:
            messages.error(request, message)
    return redirect("missions:plan", pk=plan.pk)
