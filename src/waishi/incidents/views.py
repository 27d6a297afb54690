"""The consular staff's pages: the list, the filing form, the figures, the panel's forms.

Everyone without the right is told the page does not exist (404), as on the case pages:
these cases are not to be known of outside the consular staff and the leaders.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.querysets import access_case_detail
from waishi.cases.refusals import TransitionRefused
from waishi.core.views import require_perm_or_404, year_param

from . import actions
from .constants import CASE_TYPE, IncidentKind
from .forms import IncidentForm, MediaLineForm, VisitHeldForm, VisitRequestForm
from .querysets import incidents_visible_to
from .statistics import figures_xlsx, year_figures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_ROWS = 200

View = Callable[..., HttpResponse]


@require_perm_or_404("incidents.read_incidents")
def incident_list(request: HttpRequest) -> HttpResponse:
    year = year_param(request)
    rows = incidents_visible_to(request.user).filter(began_at__year=year)
    kind = request.GET.get("kind", "")
    if kind in IncidentKind.values:
        rows = rows.filter(kind=kind)
    if request.GET.get("open") == "1":
        rows = rows.filter(case__is_open=True)
    incidents = list(rows.order_by("-began_at", "-id")[:LIST_ROWS])
    return render(
        request,
        "incidents/list.html",
        {
            "incidents": incidents,
            "year": year,
            "years": range(timezone.localdate().year, 2019, -1),
            "kind": kind,
            "kinds": IncidentKind.choices,
            "open_only": request.GET.get("open") == "1",
            "can_file": request.user.has_perm("incidents.file_incident"),
            "limit": LIST_ROWS,
        },
    )


@require_perm_or_404("incidents.file_incident")
def new_incident(request: HttpRequest) -> HttpResponse:
    form = IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_file_incident(
                actor=request.user,
                agency=data["agency"],
                kind=data["kind"],
                notice_source=data["notice_source"],
                notifying_body=data["notifying_body"],
                notice_received_at=data["notice_received_at"],
                began_at=data["began_at"],
                police_report_at=data["police_report_at"],
                measure=data["measure"],
                organ=data["organ"],
                place=data["place"],
                summary=data["summary"],
                people=[
                    actions.PersonIn(
                        name=data["name"],
                        foreign_names=data["foreign_names"],
                        sex=data["sex"],
                        date_of_birth=data["date_of_birth"],
                        nationalities=data["nationalities"],
                        passport_number=data["passport_number"],
                    )
                ],
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        except TransitionRefused as refused:
            for reason in refused.reasons:
                form.add_error(None, str(reason))
        else:
            messages.success(request, _("%(reference)s opened.") % {"reference": case.reference})
            return redirect(case)
    return render(request, "incidents/new.html", {"form": form, "title": _("New incident")})


@require_perm_or_404("incidents.read_incidents")
def statistics(request: HttpRequest) -> HttpResponse:
    year = year_param(request)
    figures = year_figures(request.user, year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(figures), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="incidents-{year}.xlsx"'
        return response
    return render(
        request,
        "incidents/statistics.html",
        {
            "figures": figures,
            "year": year,
            "years": range(timezone.localdate().year, 2019, -1),
            "kinds": IncidentKind.choices,
            "months": [
                (f"{year}-{m:02d}", counts) for m, counts in enumerate(figures.grid, start=1)
            ],
        },
    )


def _panel_post(
    request: HttpRequest, reference: str, form_class: Any, run: Callable[[Any, Any], Any]
) -> HttpResponse:
    incident = access_case_detail(request.user, reference, CASE_TYPE)
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(incident.case)
    try:
        run(incident.case, form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        for reason in refused.reasons:
            messages.error(request, str(reason))
    else:
        messages.success(request, _("Saved."))
    return redirect(incident.case)


@require_perm_or_404("incidents.record_visit")
@require_POST
def request_visit(request: HttpRequest, reference: str) -> HttpResponse:
    return _panel_post(
        request,
        reference,
        VisitRequestForm,
        lambda case, data: actions.do_request_visit(
            case=case,
            actor=request.user,
            consulate=data["consulate"],
            requested_on=data["requested_on"],
            request=request,
        ),
    )


@require_perm_or_404("incidents.record_visit")
@require_POST
def visit_held(request: HttpRequest, reference: str) -> HttpResponse:
    return _panel_post(
        request,
        reference,
        VisitHeldForm,
        lambda case, data: actions.do_record_visit_held(
            case=case,
            actor=request.user,
            visit_pk=data["visit"],
            held_on=data["held_on"],
            note=data["note"],
            request=request,
        ),
    )


@require_perm_or_404("incidents.record_visit")
@require_POST
def media_line(request: HttpRequest, reference: str) -> HttpResponse:
    return _panel_post(
        request,
        reference,
        MediaLineForm,
        lambda case, data: actions.do_set_media_line(
            case=case, actor=request.user, text=data["text"], request=request
        ),
    )
