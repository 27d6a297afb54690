"""Visit pages: the list, a new visit, the plan's editing page, accepting warnings, the
outcome report. The case page itself is the kernel's, with this area's detail block."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.querysets import access_case_detail
from waishi.core.views import require_perm

from .. import actions
from ..checking import check_stored_visit
from ..constants import VISIT_CASE_TYPE
from ..forms import (
    GiftGivenForm,
    GuestForm,
    OutcomeForm,
    OverrideForm,
    ScheduleItemForm,
    VersionedVisitForm,
    VisitForm,
)
from ..models import Visit
from ..querysets import visits_visible_to
from ..workflow import EDITABLE_STATES, VISIT_WORKFLOW

PAGE_SIZE = 100


def get_visit(request: HttpRequest, reference: str) -> Visit:
    """The visit of a case the user may see; 404 for a missing, forbidden or other case."""
    visit: Visit = access_case_detail(request.user, reference, VISIT_CASE_TYPE)
    return visit


def _problems(error: Exception) -> list[str]:
    return list(getattr(error, "messages", [str(error)]))


@require_perm("visits.read_visits")
def visit_list(request: HttpRequest) -> HttpResponse:
    visits = list(visits_visible_to(request.user)[:PAGE_SIZE])
    states = VISIT_WORKFLOW.states
    for visit in visits:
        visit.status_label = states.get(visit.case.status, visit.case.status)  # type: ignore[attr-defined]
    return render(
        request,
        "visits/list.html",
        {
            "title": _("Foreign visits"),
            "visits": visits,
            "can_file": request.user.has_perm("visits.file_visit"),
        },
    )


@require_perm("visits.file_visit")
def visit_new(request: HttpRequest) -> HttpResponse:
    bureau = request.user.agency_id is None  # type: ignore[union-attr]
    form = VisitForm(request.POST or None, agency_choice=bureau)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agency = data.pop("agency", None) if bureau else request.user.agency  # type: ignore[union-attr]
        try:
            case = actions.do_file_visit(
                actor=request.user,
                agency=agency,
                title=data.pop("title"),
                data=data,
                co_hosts=data.pop("co_hosts"),
                idempotency_key=data.pop("idempotency_key", ""),
                request=request,
            )
        except (ValidationError, PermissionDenied) as problem:
            for message in _problems(problem):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("The visit is started. Add the delegation and the schedule.")
            )
            return redirect("visits:edit", reference=case.reference)
    return render(request, "visits/new.html", {"title": _("New foreign visit"), "form": form})


def _edit_context(request: HttpRequest, visit: Visit, **forms: Any) -> dict[str, Any]:
    guests = list(visit.guests.select_related("person"))
    initial = {name: getattr(visit, name) for name in actions.VISIT_FIELDS}
    initial.update(version=visit.version, co_hosts=list(visit.co_hosts.all()))
    context = {
        "title": _("Reception plan"),
        "visit": visit,
        "case": visit.case,
        "guests": guests,
        "schedule": list(visit.schedule.all()),
        "gifts": list(visit.gifts_given.select_related("recipient__person")),
        "basics_form": forms.get("basics_form") or VersionedVisitForm(initial=initial),
        "guest_form": forms.get("guest_form") or GuestForm(),
        "item_form": forms.get("item_form") or ScheduleItemForm(),
        "gift_form": forms.get("gift_form") or GiftGivenForm(guests=guests),
        "checked": check_stored_visit(visit),
    }
    return context


def _may_edit(request: HttpRequest, visit: Visit) -> bool:
    return bool(
        visit.case.status in EDITABLE_STATES
        and request.user.has_perm("visits.edit_visit", visit.case)
    )


@require_perm("visits.read_visits")
def visit_edit(request: HttpRequest, reference: str) -> HttpResponse:
    visit = get_visit(request, reference)
    if not _may_edit(request, visit):
        messages.info(request, _("The plan cannot be changed in this state."))
        return redirect(visit.case)
    forms: dict[str, Any] = {}
    if request.method == "POST":
        part = request.POST.get("part", "")
        handler = PARTS.get(part)
        if handler is not None:
            done, forms = handler(request, visit)
            if done:
                return redirect(reverse("visits:edit", args=[reference]) + f"#{part}")
        visit = get_visit(request, reference)
    status = 409 if forms.get("stale") else 200
    return render(
        request, "visits/edit.html", _edit_context(request, visit, **forms), status=status
    )


def _basics(request: HttpRequest, visit: Visit) -> tuple[bool, dict[str, Any]]:
    form = VersionedVisitForm(request.POST)
    if not form.is_valid():
        return False, {"basics_form": form}
    data = dict(form.cleaned_data)
    version = data.pop("version")
    co_hosts = data.pop("co_hosts")
    data.pop("idempotency_key", None)
    try:
        visit = actions.do_save_visit(
            actor=request.user,
            visit=visit,
            expected_version=version,
            data=data,
            co_hosts=co_hosts,
            request=request,
        )
    except actions.StaleVisit:
        form.add_error(
            None,
            _(
                "Someone changed this visit after you opened it. Your changes were not saved; "
                "the page shows the current plan."
            ),
        )
        return False, {"basics_form": form, "stale": True}
    except (ValidationError, PermissionDenied) as problem:
        for message in _problems(problem):
            form.add_error(None, message)
        return False, {"basics_form": form}
    messages.success(request, _("The plan is saved."))
    return True, {}


def _guest(request: HttpRequest, visit: Visit) -> tuple[bool, dict[str, Any]]:
    form = GuestForm(request.POST)
    if not form.is_valid():
        return False, {"guest_form": form}
    try:
        actions.do_add_guest(actor=request.user, visit=visit, request=request, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as problem:
        for message in _problems(problem):
            form.add_error(None, message)
        return False, {"guest_form": form}
    messages.success(request, _("The guest is added to the delegation."))
    return True, {}


def _item(request: HttpRequest, visit: Visit) -> tuple[bool, dict[str, Any]]:
    form = ScheduleItemForm(request.POST)
    if not form.is_valid():
        return False, {"item_form": form}
    try:
        actions.do_add_schedule_item(
            actor=request.user, visit=visit, data=form.cleaned_data, request=request
        )
    except (ValidationError, PermissionDenied) as problem:
        for message in _problems(problem):
            form.add_error(None, message)
        return False, {"item_form": form}
    messages.success(request, _("The item is added to the schedule."))
    return True, {}


def _gift(request: HttpRequest, visit: Visit) -> tuple[bool, dict[str, Any]]:
    form = GiftGivenForm(request.POST, guests=visit.guests.select_related("person"))
    if not form.is_valid():
        return False, {"gift_form": form}
    data = dict(form.cleaned_data)
    try:
        actions.do_add_gift_given(
            actor=request.user,
            visit=visit,
            recipient_pk=data.pop("recipient"),
            request=request,
            **data,
        )
    except (ValidationError, PermissionDenied) as problem:
        for message in _problems(problem):
            form.add_error(None, message)
        return False, {"gift_form": form}
    messages.success(request, _("The gift is recorded."))
    return True, {}


def _remove(request: HttpRequest, visit: Visit) -> tuple[bool, dict[str, Any]]:
    what, pk = request.POST.get("what", ""), request.POST.get("pk", "")
    remove = {
        "guest": lambda key: actions.do_remove_guest(
            actor=request.user, visit=visit, guest_pk=key, request=request
        ),
        "item": lambda key: actions.do_remove_schedule_item(
            actor=request.user, visit=visit, item_pk=key, request=request
        ),
        "gift": lambda key: actions.do_remove_gift_given(
            actor=request.user, visit=visit, gift_pk=key, request=request
        ),
    }.get(what)
    if remove is None or not pk.isdigit():
        messages.error(request, _("Nothing was removed."))
        return True, {}
    try:
        remove(int(pk))
    except (ValidationError, PermissionDenied) as problem:
        for message in _problems(problem):
            messages.error(request, message)
    else:
        messages.success(request, _("Removed."))
    return True, {}


PARTS = {"basics": _basics, "guests": _guest, "schedule": _item, "gifts": _gift, "remove": _remove}


@require_perm("visits.override_warning")
@require_POST
def override_warning(request: HttpRequest, reference: str) -> HttpResponse:
    visit = get_visit(request, reference)
    form = OverrideForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["reason"].strip():
        messages.error(request, _("Give the reason for accepting the warning."))
        return redirect(visit.case)
    try:
        actions.do_override_warning(
            actor=request.user,
            visit=visit,
            rule_code=form.cleaned_data["rule_code"],
            reason=form.cleaned_data["reason"],
            request=request,
        )
    except (ValidationError, PermissionDenied) as problem:
        for message in _problems(problem):
            messages.error(request, message)
    else:
        messages.success(request, _("The warning is accepted and the reason recorded."))
    return redirect(visit.case)


@require_perm("visits.read_visits")
def outcome(request: HttpRequest, reference: str) -> HttpResponse:
    visit = get_visit(request, reference)
    case = visit.case
    if case.status != "held" or not request.user.has_perm("visits.edit_visit", case):
        messages.info(request, _("The outcome report is written once the visit has been held."))
        return redirect(case)
    initial = {name: getattr(visit, name) for name in actions.OUTCOME_FIELDS}
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_outcome(
                actor=request.user, visit=visit, data=form.cleaned_data, request=request
            )
        except (ValidationError, PermissionDenied) as problem:
            for message in _problems(problem):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("The report is saved. Submit it from the case page when it is final.")
            )
            return redirect(case)
    return render(
        request,
        "visits/outcome.html",
        {"title": _("Outcome report"), "form": form, "visit": visit, "case": case},
    )
