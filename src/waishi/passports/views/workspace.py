"""The agency's passports page: documents, what is due, any suspension, requests, visas."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.cases.models import Case
from waishi.core.views import AuthenticatedRequest, require_perm

from .. import issuance_actions
from ..checks import agency_lock_reasons
from ..constants import ISSUABLE_KINDS, MISSION_CASE_TYPE
from ..forms import RequestForm
from ..guards import APPROVED_STATES
from ..models import TravelBar
from ..models.bars import in_force_on
from ..querysets import documents_visible_to, hand_outs_visible_to, visas_visible_to
from .common import errors_of, mission_accessor


@require_perm("passports.use_workspace")
def workspace(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "passports/workspace.html",
        {
            "title": _("Our passports"),
            "lock_reasons": agency_lock_reasons(user.agency_id) if user.agency_id else [],
            "documents": documents_visible_to(user).order_by("holder__name", "id")[:200],
            "hand_outs": hand_outs_visible_to(user)
            .filter(closed_on__isnull=True)
            .order_by("due_date", "id"),
            "visas": visas_visible_to(user).order_by("-updated_at")[:100],
            "bars": TravelBar.objects.filter(
                in_force_on(timezone.localdate()), holder__agency_id=user.agency_id or 0
            ).select_related("holder"),
            "today": timezone.localdate(),
        },
    )


@require_perm("passports.file_request")
def request_new(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    reasons = agency_lock_reasons(user.agency_id) if user.agency_id else []
    accessor = mission_accessor()
    cases = (
        Case.objects.filter(
            agency_id=user.agency_id or 0,
            case_type=MISSION_CASE_TYPE,
            status__in=APPROVED_STATES,
        )
        .select_related(accessor)
        .prefetch_related(f"{accessor}__members__traveller")
        .order_by(f"-{accessor}__departure_date")[:50]
    )
    missions = [m for m in (getattr(case, accessor, None) for case in cases) if m is not None]
    members = [
        (str(m.traveller_id), f"{m.traveller.name} ({mission.case.reference})")
        for mission in missions
        for m in mission.members.all()
    ]
    form = RequestForm(
        request.POST or None,
        missions=[(str(m.pk), f"{m.case.reference} {m.case.title}") for m in missions],
        members=members,
        kinds=[(str(k.value), k.label) for k in ISSUABLE_KINDS],
    )
    if request.method == "POST" and not reasons and form.is_valid():
        mission = next(m for m in missions if str(m.pk) == form.cleaned_data["mission"])
        chosen = {int(v) for v in form.cleaned_data["members"]}
        holders = [m.traveller for m in mission.members.all() if m.traveller_id in chosen]
        try:
            issuance = issuance_actions.do_open_request(
                actor=user,
                mission=mission,
                holders=holders,
                kind=form.cleaned_data["kind"],
                idempotency_key=request.POST.get("idempotency_key", ""),
                request=request,
            )
        except ValidationError as error:
            for message in errors_of(error):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _(
                    "Request opened. Upload a photo and the application form of each member, "
                    "then file it."
                ),
            )
            return redirect(issuance.case.get_absolute_url())
    return render(
        request,
        "passports/request_form.html",
        {"title": _("Request official documents"), "form": form, "lock_reasons": reasons},
    )
