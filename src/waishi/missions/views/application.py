"""The application as a guided form: one step per section, saved as people type.

Every step posts to itself. A normal post saves and moves on; an htmx post (sent when a
field changes) saves the draft and answers with the live rule check and the new version, so
the form always carries the version it was saved at.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.core.views import require_perm

from .. import mission_actions as ma
from ..checking import check_stored_mission
from ..constants import HalfDay
from ..forms import (
    BasicsForm,
    BudgetLineForm,
    DestinationForm,
    DisclosureForm,
    FundingForm,
    InviterForm,
    ItineraryItemForm,
    MemberForm,
    NewMissionForm,
)
from ..guards import missing_parts
from ..models import Mission
from ..querysets import travellers_visible_to
from ..workflow import EDITABLE_STATES
from .common import get_mission

Forms = dict[str, Any]


@dataclass(frozen=True)
class Step:
    slug: str
    label: str | Promise
    build: Callable[[HttpRequest, Mission, bool], Forms]
    save: Callable[[HttpRequest, Mission, Forms, int], Mission]
    autosave: bool = True


def _bound(request: HttpRequest, post: bool) -> dict[str, Any]:
    return {"data": request.POST, "files": request.FILES} if post else {}


# Basics ---------------------------------------------------------------------------------------
def build_basics(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    initial = {
        "purpose": mission.purpose,
        "academic_exchange": mission.academic_exchange,
        "departure_date": mission.departure_date,
        "return_date": mission.return_date,
        "planned_mission": mission.planned_mission_id,
        "out_of_plan_reason": mission.out_of_plan_reason,
    }
    agency_id = mission.case.agency_id
    assert agency_id is not None  # missions are filed by agencies
    form = BasicsForm(**_bound(request, post), initial=initial, agency_id=agency_id)
    return {"form": form}


def save_basics(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    data = f["form"].cleaned_data
    return ma.do_save_basics(
        actor=request.user,
        mission=mission,
        expected_version=version,
        purpose=data["purpose"],
        academic_exchange=data["academic_exchange"],
        departure_date=data["departure_date"],
        return_date=data["return_date"],
        planned_mission=data["planned_mission"],
        out_of_plan_reason=data["out_of_plan_reason"],
        request=request,
    )


# Members --------------------------------------------------------------------------------------
MemberFormSet = forms.formset_factory(MemberForm, extra=2)


def build_members(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    initial = [
        {"traveller": m.traveller_id, "is_leader": m.is_leader, "role": m.role}
        for m in mission.members.all()
    ]
    travellers = travellers_visible_to(request.user).filter(is_active=True)
    formset = MemberFormSet(
        **_bound(request, post),
        initial=initial,
        prefix="members",
        form_kwargs={"travellers": travellers},
    )
    return {"formset": formset}


def save_members(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    rows = [
        (d["traveller"], d["is_leader"], d["role"])
        for d in f["formset"].cleaned_data
        if d.get("traveller")
    ]
    return ma.do_set_members(
        actor=request.user,
        mission=mission,
        expected_version=version,
        members=rows,
        request=request,
    )


# Route ----------------------------------------------------------------------------------------
DestinationFormSet = forms.formset_factory(DestinationForm, extra=2)


def build_route(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    initial = [
        {
            "country": d.country,
            "city": d.city,
            "is_transit": d.is_transit,
            "airside_only": d.airside_only,
            "tasks": d.tasks,
        }
        for d in mission.destinations.all()
    ]
    return {"formset": DestinationFormSet(**_bound(request, post), initial=initial, prefix="route")}


def save_route(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    rows = [d for d in f["formset"].cleaned_data if d.get("country")]
    return ma.do_set_destinations(
        actor=request.user,
        mission=mission,
        expected_version=version,
        destinations=rows,
        request=request,
    )


# Itinerary ------------------------------------------------------------------------------------
ItineraryFormSet = forms.formset_factory(ItineraryItemForm, extra=0)


def half_days(mission: Mission) -> list[tuple[datetime.date, str]]:
    """Every half-day of the trip, morning first, when both dates are known."""
    if not mission.departure_date or not mission.return_date:
        return []
    days = (mission.return_date - mission.departure_date).days + 1
    return [
        (mission.departure_date + datetime.timedelta(days=i), half)
        for i in range(min(days, 60))
        for half in (HalfDay.MORNING, HalfDay.AFTERNOON)
    ]


def build_itinerary(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    existing = {(i.date, i.half): i for i in mission.itinerary.all()}
    initial = []
    for day, half in half_days(mission):
        item = existing.get((day, half))
        initial.append(
            {
                "date": day,
                "half": half,
                "city": item.city if item else "",
                "activity": item.activity if item else "",
                "kind": item.kind if item else "official",
            }
        )
    formset = ItineraryFormSet(**_bound(request, post), initial=initial, prefix="itinerary")
    for form in formset:
        when, half_day = form.initial.get("date"), form.initial.get("half")
        form.heading = (when, HalfDay(half_day).label if half_day else "")  # type: ignore[attr-defined]
    return {"formset": formset}


def save_itinerary(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    rows = [d for d in f["formset"].cleaned_data if d.get("activity", "").strip()]
    return ma.do_set_itinerary(
        actor=request.user, mission=mission, expected_version=version, items=rows, request=request
    )


# Inviter --------------------------------------------------------------------------------------
def build_inviter(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    initial = {
        "name": mission.inviter_name,
        "country_code": mission.inviter_country,
        "kind": mission.inviter_kind,
        "contact": mission.inviter_contact,
        "relation": mission.inviter_relation,
    }
    return {"form": InviterForm(**_bound(request, post), initial=initial)}


def save_inviter(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    data = f["form"].cleaned_data
    letter, translation = data.get("letter"), data.get("translation")
    return ma.do_save_inviter(
        actor=request.user,
        mission=mission,
        expected_version=version,
        name=data["name"],
        country_code=data["country_code"],
        contact=data["contact"],
        relation=data["relation"],
        kind=data["kind"],
        letter=letter,
        letter_name=letter.name if letter else "",
        translation=translation,
        translation_name=translation.name if translation else "",
        request=request,
    )


# Budget ---------------------------------------------------------------------------------------
BudgetFormSet = forms.formset_factory(BudgetLineForm, extra=3)


def build_budget(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    initial = [
        {
            "category": b.category,
            "country": b.country,
            "city": b.city,
            "currency": b.currency,
            "amount": b.amount,
            "amount_rmb": b.amount_rmb,
            "persons": b.persons,
            "days": b.days,
        }
        for b in mission.budget.all()
    ]
    return {
        "formset": BudgetFormSet(**_bound(request, post), initial=initial, prefix="budget"),
        "form": FundingForm(
            **_bound(request, post), initial={"funding_source": mission.funding_source}
        ),
    }


def save_budget(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    rows = [d for d in f["formset"].cleaned_data if d.get("category")]
    return ma.do_set_budget(
        actor=request.user,
        mission=mission,
        expected_version=version,
        lines=rows,
        funding_source=f["form"].cleaned_data["funding_source"],
        request=request,
    )


# Disclosure -----------------------------------------------------------------------------------
def build_disclosure(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    initial = {
        "start": mission.disclosure_start,
        "end": mission.disclosure_end,
        "place": mission.disclosure_place,
        "feedback": mission.disclosure_feedback,
    }
    return {"form": DisclosureForm(**_bound(request, post), initial=initial)}


def save_disclosure(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    data = f["form"].cleaned_data
    return ma.do_save_disclosure(
        actor=request.user,
        mission=mission,
        expected_version=version,
        start=data["start"],
        end=data["end"],
        place=data["place"],
        feedback=data["feedback"],
        request=request,
    )


def build_review(request: HttpRequest, mission: Mission, post: bool) -> Forms:
    return {}


def save_review(request: HttpRequest, mission: Mission, f: Forms, version: int) -> Mission:
    return ma.do_confirm(
        actor=request.user, mission=mission, expected_version=version, request=request
    )


STEPS = [
    Step("basics", gettext_lazy("Purpose and dates"), build_basics, save_basics),
    Step("members", gettext_lazy("Delegation"), build_members, save_members),
    Step("route", gettext_lazy("Route and tasks"), build_route, save_route),
    Step("itinerary", gettext_lazy("Itinerary"), build_itinerary, save_itinerary),
    Step("inviter", gettext_lazy("Inviter"), build_inviter, save_inviter, autosave=False),
    Step("budget", gettext_lazy("Budget"), build_budget, save_budget),
    Step("disclosure", gettext_lazy("Disclosure"), build_disclosure, save_disclosure),
    Step("review", gettext_lazy("Review and file"), build_review, save_review, autosave=False),
]
STEP_BY_SLUG = {s.slug: s for s in STEPS}
# Which step each rule's violations point at.
FIELD_STEPS = {
    "members": "members",
    "destinations": "route",
    "dates": "basics",
    "itinerary": "itinerary",
    "inviter": "inviter",
    "disclosure": "disclosure",
    "budget": "budget",
}


def live_check_context(mission: Mission) -> dict[str, Any]:
    """What the live panel shows: what is missing, and the rules broken as of today."""
    return {
        "mission": mission,
        "missing": missing_parts(mission),
        "violations": [
            (v, FIELD_STEPS.get(v.field, "basics")) for v in check_stored_mission(mission)
        ],
    }


def _valid(f: Forms) -> bool:
    return all(part.is_valid() for part in f.values())


@require_perm("missions.file_mission")
def new_mission(request: HttpRequest) -> HttpResponse:
    form = NewMissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mission = ma.do_create_mission(
                actor=request.user,
                title=form.cleaned_data["title"],
                idempotency_key=form.cleaned_data["idempotency_key"],
                request=request,
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            return redirect("missions:step", reference=mission.case.reference, step="basics")
    return render(
        request,
        "missions/new.html",
        {"title": _("New mission application"), "form": form},
    )


@require_perm("missions.file_mission")
def mission_step(request: HttpRequest, reference: str, step: str) -> HttpResponse:
    mission = get_mission(request, reference)
    current = STEP_BY_SLUG.get(step)
    if current is None:
        return redirect("missions:step", reference=reference, step="basics")
    case = mission.case
    if case.status not in EDITABLE_STATES or not request.user.has_perm(
        "missions.edit_mission", case
    ):
        messages.info(request, _("The application cannot be changed in its current state."))
        return redirect(case)
    post = request.method == "POST"
    f = current.build(request, mission, post)
    error = ""
    status = 200
    if post:
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        if _valid(f):
            try:
                mission = current.save(request, mission, f, version)
            except ma.StaleMission:
                # The page answers 409 Conflict; htmx's live saves keep 200, which it swaps in.
                status = 409
                error = _(
                    "Someone else saved this application meanwhile. Reload the page to see "
                    "their changes before you go on."
                )
            except (ValidationError, PermissionDenied) as problem:
                error = " ".join(getattr(problem, "messages", [str(problem)]))
            else:
                if not request.htmx:  # type: ignore[attr-defined]
                    messages.success(request, _("Saved."))
                    return redirect(_after(request, mission, current))
        else:
            error = _("Not saved yet: please correct the fields marked below.")
        if request.htmx:  # type: ignore[attr-defined]
            return render(
                request,
                "missions/includes/live_check.html",
                {**live_check_context(mission), "error": error, "oob_version": True},
            )
    index = STEPS.index(current)
    context = {
        "title": f"{case.reference} · {current.label}",
        "mission": mission,
        "case": case,
        "steps": STEPS,
        "step": current,
        "previous": STEPS[index - 1] if index else None,
        "next": STEPS[index + 1] if index + 1 < len(STEPS) else None,
        "error": error,
        "can_confirm": request.user.has_perm("missions.confirm_mission", case),
        "submit_name": "submit" if case.status == "draft" else "resubmit",
        **f,
        **live_check_context(mission),
    }
    return render(request, f"missions/steps/{current.slug}.html", context, status=status)


def _after(request: HttpRequest, mission: Mission, current: Step) -> str:
    """Where a saved step goes: the same step with "save", otherwise the next one."""
    index = STEPS.index(current)
    if request.POST.get("go") == "stay" or index + 1 == len(STEPS):
        slug = current.slug
    else:
        slug = STEPS[index + 1].slug
    return reverse("missions:step", kwargs={"reference": mission.case.reference, "step": slug})
