"""The division's pages: the complaints by clock, recording one, the figures, the panel's forms;
and the applicants' page to file a complaint online.

Everyone without the right is told the page does not exist (404), as on the case pages.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.constants import ClockState
from waishi.cases.models import Clock
from waishi.cases.querysets import access_case_detail, visible_to
from waishi.cases.refusals import Refused, TransitionRefused
from waishi.cases.registry import get_case_type
from waishi.core.views import require_perm_or_404, year_param

from . import actions
from .constants import CASE_TYPE, Category
from .forms import (
    HearingEndForm,
    HearingStartForm,
    OnlinePetitionForm,
    PetitionForm,
    SatisfactionForm,
)
from .querysets import petitions_visible_to
from .statistics import figures_xlsx, year_figures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_ROWS = 200

View = Callable[..., HttpResponse]


def _clock_labels() -> dict[str, str]:
    return {spec.code: str(spec.label) for spec in get_case_type(CASE_TYPE).clock_specs()}


@require_perm_or_404("petitions.read_petitions")
def petition_list(request: HttpRequest) -> HttpResponse:
    """Open complaints by the clock that runs on them, nearest due first; or a year's."""
    today = timezone.localdate()
    labels = _clock_labels()
    open_cases = visible_to(request.user).filter(case_type=CASE_TYPE, is_open=True).values("pk")
    running = Clock.objects.filter(case__in=open_cases, state=ClockState.RUNNING)
    by_clock: dict[str, dict[str, Any]] = {
        row["code"]: dict(row)
        for row in running.values("code").annotate(
            count=Count("id"), overdue=Count("id", filter=Q(due_date__lt=today))
        )
    }
    clocks = [
        {
            "code": code,
            "label": label,
            "count": by_clock.get(code, {}).get("count", 0),
            "overdue": by_clock.get(code, {}).get("overdue", 0),
        }
        for code, label in labels.items()
        if not code.startswith("step") and code not in ("manual", "processing")
    ]
    rows = petitions_visible_to(request.user)
    clock = request.GET.get("clock", "")
    category = request.GET.get("category", "")
    show_closed = request.GET.get("closed") == "1"
    year = year_param(request)
    where = Q(received_on__year=year) if show_closed else Q(case__is_open=True)
    rows = rows.filter(where)
    if clock in labels:
        rows = rows.filter(
            case__in=Clock.objects.filter(code=clock, state=ClockState.RUNNING).values("case_id")
        )
    if category in Category.values:
        rows = rows.filter(category=category)
    petitions = list(rows.order_by("case__due_date", "-received_on", "-id")[:LIST_ROWS])
    return render(
        request,
        "petitions/list.html",
        {
            "petitions": petitions,
            "clocks": clocks,
            "clock": clock,
            "category": category,
            "categories": Category.choices,
            "show_closed": show_closed,
            "year": year,
            "years": range(today.year, 2019, -1),
            "today": today,
            "can_record": request.user.has_perm("petitions.record_petition"),
            "limit": LIST_ROWS,
        },
    )


@require_perm_or_404("petitions.record_petition")
def new_petition(request: HttpRequest) -> HttpResponse:
    form = PetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.do_record_petition(
                actor=request.user,
                petition=form.petition(),
                petitioner=form.petitioner(),
                idempotency_key=form.cleaned_data["idempotency_key"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("%(reference)s recorded.") % {"reference": case.reference})
            return redirect(case)
    return render(request, "petitions/new.html", {"form": form, "title": _("Record a complaint")})


def apply(request: HttpRequest) -> HttpResponse:
    """An applicant files a complaint online (the applicants' face)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("applicants.file_application"):
        raise Http404
    form = OnlinePetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = actions.do_file_petition_online(
                actor=request.user,
                petition=form.petition(),
                petitioner=form.petitioner(request.user),
                idempotency_key=form.cleaned_data["idempotency_key"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        except (Refused, PermissionDenied) as refused:
            for reason in getattr(refused, "reasons", [_("You may not file this.")]):
                form.add_error(None, str(reason))
        else:
            messages.success(
                request,
                _(
                    "Your complaint %(reference)s was received. You will be told in writing "
                    "within 15 days whether it is accepted."
                )
                % {"reference": case.reference},
            )
            return redirect("applicants:case", reference=case.reference)
    return render(request, "petitions/apply.html", {"form": form})


@require_perm_or_404("petitions.read_petitions")
def statistics(request: HttpRequest) -> HttpResponse:
    year = year_param(request)
    figures = year_figures(request.user, year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(figures), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="petitions-{year}.xlsx"'
        return response
    return render(
        request,
        "petitions/statistics.html",
        {"figures": figures, "year": year, "years": range(timezone.localdate().year, 2019, -1)},
    )


def _panel_post(
    request: HttpRequest, reference: str, form_class: Any, run: Callable[[Any, Any], Any]
) -> HttpResponse:
    petition = access_case_detail(request.user, reference, CASE_TYPE)
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(petition.case)
    try:
        run(petition.case, form.cleaned_data)
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
    return redirect(petition.case)


@require_perm_or_404("petitions.record_on_case")
@require_POST
def hearing_start(request: HttpRequest, reference: str) -> HttpResponse:
    return _panel_post(
        request,
        reference,
        HearingStartForm,
        lambda case, data: actions.do_start_hearing(
            case=case, actor=request.user, on=data["on"], note=data["note"], request=request
        ),
    )


@require_perm_or_404("petitions.record_on_case")
@require_POST
def hearing_end(request: HttpRequest, reference: str) -> HttpResponse:
    return _panel_post(
        request,
        reference,
        HearingEndForm,
        lambda case, data: actions.do_end_hearing(
            case=case, actor=request.user, on=data["on"], request=request
        ),
    )


@require_perm_or_404("petitions.record_on_case")
@require_POST
def satisfaction(request: HttpRequest, reference: str) -> HttpResponse:
    return _panel_post(
        request,
        reference,
        SatisfactionForm,
        lambda case, data: actions.do_record_satisfaction(
            case=case,
            actor=request.user,
            satisfaction=data["satisfaction"],
            note=data["note"],
            request=request,
        ),
    )
