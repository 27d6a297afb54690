"""What people do on a mission beyond the form: accept warnings, write the trip report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from .. import mission_actions as ma
from ..forms import OverrideForm, ReportForm
from .common import get_mission


@require_perm("missions.override_warning")
@require_POST
def override_warning(request: HttpRequest, reference: str) -> HttpResponse:
    mission = get_mission(request, reference)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for accepting the warning."))
        return redirect(mission.case)
    try:
        ma.do_override_warning(
            actor=request.user,
            mission=mission,
            rule_code=form.cleaned_data["rule_code"],
            message_key=form.cleaned_data["message_key"],
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except ValidationError as problem:
        for message in problem.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The warning is accepted and the reason recorded."))
    return redirect(mission.case)


@require_perm("missions.file_mission")
def trip_report(request: HttpRequest, reference: str) -> HttpResponse:
    mission = get_mission(request, reference)
    case = mission.case
    if case.status != "back_home" or not request.user.has_perm("missions.edit_mission", case):
        messages.info(request, _("The trip report is written after the return is registered."))
        return redirect(case)
    initial = {"report": mission.report, "report_disclosure": mission.report_disclosure}
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            ma.do_save_report(
                actor=request.user,
                mission=mission,
                report=form.cleaned_data["report"],
                report_disclosure=form.cleaned_data["report_disclosure"],
                request=request,
            )
        except (ValidationError, PermissionDenied) as problem:
            form.add_error(None, " ".join(getattr(problem, "messages", [str(problem)])))
        else:
            messages.success(
                request, _("The report is saved. Submit it from the case page when it is final.")
            )
            return redirect(case)
    return render(
        request,
        "missions/report.html",
        {"title": _("Trip report"), "form": form, "mission": mission, "case": case},
    )
