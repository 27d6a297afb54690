"""The award's pages: the dashboard, rounds, nominations, the honorary citizens and figures.

The case page itself is the kernel's, with this area's detail block; the public list of
honorary citizens is on the portal (``portal_views.py``).
"""

from collections import Counter
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.refusals import Refused, Stale
from waishi.core.views import require_perm

from . import actions
from .constants import CitizenStatus, NomineeType, RoundStatus
from .forms import (
    CeremonyForm,
    ContactForm,
    NominationForm,
    NoticeForm,
    RoundForm,
    StatusForm,
    VersionForm,
)
from .models import HonoraryCitizen, HonoraryRound
from .notice import notice_url
from .querysets import citizens_for_staff, nominations_visible_to
from .statistics import figures, figures_xlsx
from .workflow import WORKFLOW

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_ROWS = 200


def _problems(error: Exception) -> list[str]:
    if isinstance(error, Refused):
        return error.reasons
    return list(getattr(error, "messages", [str(error)]))


def _label(nominations: list[Any]) -> list[Any]:
    for nomination in nominations:
        nomination.status_label = WORKFLOW.state_label(nomination.case.status)
    return nominations


@require_perm("honours.read_honours")
def dashboard(request: HttpRequest) -> HttpResponse:
    rows = nominations_visible_to(request.user)
    number = request.GET.get("round", "")
    if number.isdigit():
        rows = rows.filter(round__number=int(number))
    state = request.GET.get("status", "")
    if state in WORKFLOW.states:
        rows = rows.filter(case__status=state)
    nominations = _label(list(rows.order_by("-case__created_at", "-id")[:LIST_ROWS]))
    rounds = list(HonoraryRound.objects.order_by("-call_opened_on", "-id"))
    year = timezone.localdate().year
    uncontacted = list(
        citizens_for_staff()
        .filter(status=CitizenStatus.ACTIVE)
        .exclude(contacts__year=year)
        .order_by("conferred_on", "id")[:20]
    )
    stages = Counter(
        nominations_visible_to(request.user)
        .filter(case__is_open=True)
        .values_list("case__status", flat=True)
    )
    return render(
        request,
        "honours/dashboard.html",
        {
            "title": _("Honorary citizens"),
            "nominations": nominations,
            "rounds": rounds,
            "round": number,
            "status": state,
            "states": list(WORKFLOW.states.items()),
            "stages": [(label, stages[s]) for s, label in WORKFLOW.states.items() if stages[s]],
            "uncontacted": uncontacted,
            "year": year,
            "limit": LIST_ROWS,
            "can_file": request.user.has_perm("honours.file_nomination"),
            "can_manage": request.user.has_perm("honours.manage_rounds"),
        },
    )


@require_perm("honours.manage_rounds")
def round_new(request: HttpRequest) -> HttpResponse:
    last = HonoraryRound.objects.order_by("-number").values_list("number", flat=True).first()
    form = RoundForm(request.POST or None, initial={"number": (last or 0) + 1})
    if request.method == "POST" and form.is_valid():
        try:
            round_ = actions.do_open_round(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            for problem in _problems(error):
                form.add_error(None, problem)
        else:
            messages.success(request, _("The call is open."))
            return redirect("honours:round", number=round_.number)
    return render(request, "honours/form.html", {"form": form, "title": _("Open a round")})


@require_perm("honours.read_honours")
def round_detail(request: HttpRequest, number: int) -> HttpResponse:
    round_ = get_object_or_404(HonoraryRound, number=number)
    nominations = _label(
        list(nominations_visible_to(request.user).filter(round=round_).order_by("case__reference"))
    )
    language = request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "zh-hans"
    return render(
        request,
        "honours/round.html",
        {
            "title": round_.title,
            "round": round_,
            "nominations": nominations,
            "notice_url": notice_url(round_, language),
            "can_manage": request.user.has_perm("honours.manage_rounds"),
            "notice_form": NoticeForm(
                initial={"version": round_.version, "notice_from": timezone.localdate()}
            ),
            "version_form": VersionForm(initial={"version": round_.version}),
            "statuses": RoundStatus,
        },
    )


def _round_post(request: HttpRequest, number: int, form_class: Any, run: Any) -> HttpResponse:
    round_ = get_object_or_404(HonoraryRound, number=number)
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("honours:round", number=number)
    try:
        run(round_, form.cleaned_data)
    except Stale:
        messages.error(request, _("Someone changed this round meanwhile; look again and retry."))
    except (ValidationError, Refused) as error:
        for problem in _problems(error):
            messages.error(request, problem)
    else:
        messages.success(request, _("Saved."))
    return redirect("honours:round", number=number)


@require_perm("honours.manage_rounds")
@require_POST
def round_close(request: HttpRequest, number: int) -> HttpResponse:
    return _round_post(
        request,
        number,
        VersionForm,
        lambda round_, data: actions.do_close_call(
            actor=request.user, round_=round_, expected_version=data["version"], request=request
        ),
    )


@require_perm("honours.manage_rounds")
@require_POST
def round_notice(request: HttpRequest, number: int) -> HttpResponse:
    return _round_post(
        request,
        number,
        NoticeForm,
        lambda round_, data: actions.do_publish_notice(
            actor=request.user,
            round_=round_,
            notice_from=data["notice_from"],
            expected_version=data["version"],
            request=request,
        ),
    )


def _nominate(request: HttpRequest, *, self_nomination: bool) -> HttpResponse:
    bureau = request.user.agency_id is None and not self_nomination  # type: ignore[union-attr]
    form = NominationForm(
        request.POST or None, agency_choice=bureau, self_nomination=self_nomination
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_file_nomination(
                actor=request.user,
                round_=data["round"],
                agency=data.get("agency"),
                self_nomination=self_nomination,
                nominee=actions.NomineeIn(
                    name=data["name"],
                    foreign_names=data["foreign_names"],
                    sex=data["sex"],
                    date_of_birth=data["date_of_birth"],
                    nationalities=data["nationalities"],
                    organisation_name=data["organisation_name"],
                    post=data["post"],
                ),
                data=actions.NominationIn(
                    nominee_type=data["nominee_type"],
                    criteria=list(data["criteria"]),
                    contribution=data["contribution"],
                    consent_on=data["consent_on"],
                    consent_note=data["consent_note"],
                    nominator_name=data.get("nominator_name", ""),
                    publish_consent=data["publish_consent"],
                    donations=data["donations"],
                    investment=data["investment"],
                    citation=data["citation"],
                    citation_en=data["citation_en"],
                ),
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except ValidationError as error:
            for problem in _problems(error):
                form.add_error(None, problem)
        except PermissionDenied:
            raise
        else:
            messages.success(request, _("%(reference)s filed.") % {"reference": case.reference})
            if self_nomination:
                return redirect("applicants:case", reference=case.reference)
            return redirect(case)
    return render(
        request,
        "honours/nominate.html",
        {
            "form": form,
            "title": _("Self-nomination") if self_nomination else _("New nomination"),
            "self_nomination": self_nomination,
            "no_round": not form.fields["round"].queryset.exists(),  # type: ignore[attr-defined]
        },
    )


@require_perm("honours.file_nomination")
def nominate(request: HttpRequest) -> HttpResponse:
    return _nominate(request, self_nomination=False)


@require_perm("honours.self_nominate")
def self_nominate(request: HttpRequest) -> HttpResponse:
    return _nominate(request, self_nomination=True)


@require_perm("honours.read_honours")
def citizen_list(request: HttpRequest) -> HttpResponse:
    rows = citizens_for_staff()
    status = request.GET.get("status", "")
    if status in CitizenStatus.values:
        rows = rows.filter(status=status)
    citizens = list(rows.order_by("-conferred_on", "id")[:LIST_ROWS])
    return render(
        request,
        "honours/citizens.html",
        {
            "title": _("Honorary citizens"),
            "citizens": citizens,
            "status": status,
            "statuses": CitizenStatus.choices,
            "limit": LIST_ROWS,
        },
    )


@require_perm("honours.read_honours")
def citizen_detail(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_object_or_404(citizens_for_staff(), pk=pk)
    contacts = list(citizen.contacts.select_related("recorded_by").order_by("-contacted_on"))
    return render(
        request,
        "honours/citizen.html",
        {
            "title": citizen.person.name,
            "citizen": citizen,
            "contacts": contacts,
            "nominee_type": NomineeType(citizen.nomination.nominee_type).label,
            "can_manage": request.user.has_perm("honours.manage_citizens"),
            # Three forms on one page: each its own ids.
            "status_form": StatusForm(initial={"version": citizen.version}, auto_id="status-%s"),
            "ceremony_form": CeremonyForm(
                initial={
                    "version": citizen.version,
                    "on": citizen.ceremony_on,
                    "place": citizen.ceremony_place,
                },
                auto_id="ceremony-%s",
            ),
            "contact_form": ContactForm(auto_id="contact-%s"),
        },
    )


def _citizen_post(request: HttpRequest, pk: int, form_class: Any, run: Any) -> HttpResponse:
    citizen = get_object_or_404(HonoraryCitizen, pk=pk)
    form = form_class(request.POST)
    target = reverse("honours:citizen", kwargs={"pk": pk})
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(target)
    try:
        run(citizen, form.cleaned_data)
    except Stale:
        messages.error(request, _("Someone changed this record meanwhile; look again and retry."))
    except ValidationError as error:
        for problem in _problems(error):
            messages.error(request, problem)
    else:
        messages.success(request, _("Saved."))
    return redirect(target)


@require_perm("honours.manage_citizens")
@require_POST
def citizen_status(request: HttpRequest, pk: int) -> HttpResponse:
    return _citizen_post(
        request,
        pk,
        StatusForm,
        lambda citizen, data: actions.do_change_status(
            actor=request.user,
            citizen=citizen,
            status=data["status"],
            on=data["on"],
            reason=data["reason"],
            ground=data["ground"],
            decision=data["decision"],
            expected_version=data["version"],
            request=request,
        ),
    )


@require_perm("honours.manage_citizens")
@require_POST
def citizen_ceremony(request: HttpRequest, pk: int) -> HttpResponse:
    return _citizen_post(
        request,
        pk,
        CeremonyForm,
        lambda citizen, data: actions.do_record_ceremony(
            actor=request.user,
            citizen=citizen,
            on=data["on"],
            place=data["place"],
            expected_version=data["version"],
            request=request,
        ),
    )


@require_perm("honours.manage_citizens")
@require_POST
def citizen_contact(request: HttpRequest, pk: int) -> HttpResponse:
    return _citizen_post(
        request,
        pk,
        ContactForm,
        lambda citizen, data: actions.do_record_contact(
            actor=request.user,
            citizen=citizen,
            contacted_on=data["contacted_on"],
            channel=data["channel"],
            note=data["note"],
            request=request,
        ),
    )


@require_perm("honours.read_honours")
def statistics(request: HttpRequest) -> HttpResponse:
    result = figures(request.user)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(figures_xlsx(result), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="honours.xlsx"'
        return response
    return render(
        request,
        "honours/statistics.html",
        {"title": _("Honorary citizens in figures"), "figures": result},
    )
