"""Missions over the API (mounted at /api/v1/missions/), for agencies' own systems.

An agency's system, with a token acting as its liaison officer, creates a draft, fills every
part of it, reads it back and files it. Every write goes through the same actions as the
workspace form (``mission_actions``) and the same workflow transition, so the rules, the
permissions and the audit events are the UI's: another agency's application is 404, a bad
part is a 422 that changes nothing, a stale ``expected_version`` is a 409.

``mission_detail`` and ``cases_naming`` serve the case kernel (its case API and inbox search).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut, not_found
from waishi.api.idempotency import idempotent
from waishi.api.pagination import DEFAULT_LIMIT, keyset_page
from waishi.cases.actions import do_transition
from waishi.cases.querysets import CaseNotFound, access_case_detail
from waishi.cases.workflow import Conflict, TransitionRefused
from waishi.core.pii import mask_id_number
from waishi.registers.models import Person

from . import api_schemas as s
from . import mission_actions as ma
from .checking import check_filing_today, latest_verdict, verdict_rows
from .constants import CASE_TYPE
from .guards import missing_parts
from .models import Mission, PlannedMission
from .querysets import plans_visible_to, travellers_visible_to
from .rules import Violation
from .workflow import EDITABLE_STATES, WORKFLOW

router = Router(auth=AUTH, tags=["missions"])
# An optional file part of a multipart body (django-ninja reads the default's marker).
NO_FILE = File(None)

ERRORS: dict[int, type[ErrorOut]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


# Fetching and refusing -------------------------------------------------------------------------
def _caller(request: HttpRequest, permission: str = "missions.read_missions") -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm(permission):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def _mission(user: Any, reference: str) -> Mission:
    """The application of a case the caller may see; 404 for a missing, forbidden or other case."""
    try:
        mission: Mission = access_case_detail(
            user, reference, CASE_TYPE, related=("invitation_letter",)
        )
    except CaseNotFound:
        raise not_found() from None
    return mission


@contextmanager
def _refusals() -> Iterator[None]:
    """The actions' refusals as API errors; the caller's transaction rolls back with them."""
    try:
        yield
    except ma.StaleMission as stale:
        raise ApiError(
            409,
            "conflict",
            _("The application was changed by someone else; reload it and try again."),
            details={"version": stale.mission.version},
        ) from None
    except PermissionDenied as denied:
        message = str(denied) or _("You do not have permission to do this.")
        raise ApiError(403, "permission_denied", message) from None
    except ValidationError as invalid:
        raise ApiError(
            422, "invalid_application", invalid.messages[0], details=invalid.messages
        ) from None


# Writing the parts -----------------------------------------------------------------------------
def _travellers(user: Any, ids: list[int]) -> dict[int, Person]:
    """The register entries the caller may choose, by id; an unknown one is a 422."""
    found = {t.pk: t for t in travellers_visible_to(user).filter(pk__in=ids)}
    unknown = sorted(set(ids) - set(found))
    if unknown:
        raise ApiError(
            422,
            "unknown_traveller",
            _("Choose the members from your agency's register of travellers."),
            details={"travellers": unknown},
        )
    return found


def _planned(user: Any, pk: int | None) -> PlannedMission | None:
    if pk is None:
        return None
    entry = (
        PlannedMission.objects.select_related("plan")
        .filter(pk=pk, plan__in=plans_visible_to(user))
        .first()
    )
    if entry is None:
        raise ApiError(
            422,
            "unknown_planned_mission",
            _("Choose a planned mission of your own agency."),
            details={"planned_mission": pk},
        )
    return entry


Save = Callable[[Mission, int], Mission]


def _steps(user: Any, payload: s.MissionPatchIn, request: HttpRequest) -> list[Save]:
    """One action call per part given, in form order (dates before the itinerary)."""
    steps: list[Save] = []
    common = {"actor": user, "request": request}
    if payload.basics is not None:
        basics = payload.basics
        planned = _planned(user, basics.planned_mission)
        steps.append(
            lambda m, v: ma.do_save_basics(
                **common,
                mission=m,
                expected_version=v,
                purpose=basics.purpose,
                academic_exchange=basics.academic_exchange,
                departure_date=basics.departure_date,
                return_date=basics.return_date,
                planned_mission=planned,
                out_of_plan_reason=basics.out_of_plan_reason,
            )
        )
    if payload.members is not None:
        members = payload.members
        people = _travellers(user, [m.traveller for m in members])
        rows = [(people[m.traveller], m.leader, m.role) for m in members]
        steps.append(
            lambda m, v: ma.do_set_members(**common, mission=m, expected_version=v, members=rows)
        )
    if payload.destinations is not None:
        stops = [
            {
                "country": d.country,
                "city": d.city,
                "arrive_on": d.arrive_on,
                "leave_on": d.leave_on,
                "is_transit": d.transit,
                "airside_only": d.airside_only,
                "tasks": d.tasks,
            }
            for d in payload.destinations
        ]
        steps.append(
            lambda m, v: ma.do_set_destinations(
                **common, mission=m, expected_version=v, destinations=stops
            )
        )
    if payload.itinerary is not None:
        items = [
            {
                "date": i.date,
                "half": str(i.half),
                "city": i.city,
                "activity": i.activity,
                "kind": str(i.kind),
            }
            for i in payload.itinerary
        ]
        steps.append(
            lambda m, v: ma.do_set_itinerary(**common, mission=m, expected_version=v, items=items)
        )
    if payload.inviter is not None:
        inviter = payload.inviter
        steps.append(
            lambda m, v: ma.do_save_inviter(
                **common,
                mission=m,
                expected_version=v,
                name=inviter.name,
                country_code=inviter.country,
                contact=inviter.contact,
                relation=inviter.relation,
                kind=str(inviter.kind) if inviter.kind else "",
            )
        )
    if payload.budget is not None:
        budget = payload.budget
        lines = [{**line.model_dump(), "category": str(line.category)} for line in budget.lines]
        steps.append(
            lambda m, v: ma.do_set_budget(
                **common,
                mission=m,
                expected_version=v,
                lines=lines,
                funding_source=budget.funding_source,
            )
        )
    if payload.disclosure is not None:
        disclosure = payload.disclosure
        steps.append(
            lambda m, v: ma.do_save_disclosure(
                **common,
                mission=m,
                expected_version=v,
                start=disclosure.start,
                end=disclosure.end,
                place=disclosure.place,
                feedback=disclosure.feedback,
            )
        )
    return steps


# Reading ---------------------------------------------------------------------------------------
def violation_out(v: Violation) -> dict[str, Any]:
    return {
        "rule_code": v.rule_code,
        "field": v.field,
        "severity": v.severity,
        "message": v.message,
        "citation": v.citation,
        "rule_version_id": v.rule_version_id,
    }


def verdict_out(mission: Mission) -> dict[str, Any] | None:
    verdict = latest_verdict(mission)
    if verdict is None:
        return None
    violations = []
    for row in verdict_rows(mission, verdict=verdict):
        override = row["override"]
        violations.append(
            {
                **violation_out(row["violation"]),
                "accepted_by": override.officer.display_name if override else None,
                "accepted_reason": override.reason if override else None,
            }
        )
    return {
        "checked_on": verdict.checked_on,
        "recorded_at": verdict.recorded_at,
        "stage": verdict.stage,
        "violations": violations,
    }


def mission_out(mission: Mission) -> dict[str, Any]:
    """The whole application as the API answers it (a fixed number of queries)."""
    mission = (
        Mission.objects.select_related(
            "case__agency", "invitation_letter", "invitation_translation"
        )
        .prefetch_related(
            "members__traveller", "destinations", "itinerary", "budget", "approval_documents"
        )
        .get(pk=mission.pk)
    )
    case = mission.case
    editable = case.status in EDITABLE_STATES
    budget = list(mission.budget.all())
    check = None
    if editable:
        check = {
            "missing": missing_parts(mission),
            "violations": [violation_out(v) for v in check_filing_today(mission)],
        }
    return {
        "reference": case.reference,
        "title": case.title,
        "status": case.status,
        "status_label": str(WORKFLOW.state_label(case.status)),
        "agency": {"id": case.agency_id, "name": str(case.agency)},
        "version": mission.version,
        "case_version": case.version,
        "editable": editable,
        "basics": {
            "purpose": mission.purpose,
            "academic_exchange": mission.academic_exchange,
            "departure_date": mission.departure_date,
            "return_date": mission.return_date,
            "planned_mission": mission.planned_mission_id,
            "out_of_plan_reason": mission.out_of_plan_reason,
        },
        "members": [
            {
                "traveller": m.traveller_id,
                "name": m.traveller.name,
                "passport_name": m.traveller.passport_name,
                "post": m.traveller.post,
                "rank": m.traveller.rank,
                "leader": m.is_leader,
                "role": m.role,
            }
            for m in mission.members.all()
        ],
        "destinations": [
            {
                "country": d.country,
                "city": d.city,
                "arrive_on": d.arrive_on,
                "leave_on": d.leave_on,
                "transit": d.is_transit,
                "airside_only": d.airside_only,
                "tasks": d.tasks,
            }
            for d in mission.destinations.all()
        ],
        "itinerary": [
            {"date": i.date, "half": i.half, "city": i.city, "activity": i.activity, "kind": i.kind}
            for i in mission.itinerary.all()
        ],
        "inviter": {
            "name": mission.inviter_name,
            "country": mission.inviter_country,
            "contact": mission.inviter_contact,
            "relation": mission.inviter_relation,
            "kind": mission.inviter_kind,
            "letter": mission.invitation_letter_id is not None,
            "translation": mission.invitation_translation_id is not None,
        },
        "budget": {
            "funding_source": mission.funding_source,
            "total_rmb": sum((line.amount_rmb for line in budget), 0),
            "lines": [
                {
                    "category": b.category,
                    "country": b.country,
                    "city": b.city,
                    "currency": b.currency,
                    "amount": b.amount,
                    "amount_rmb": b.amount_rmb,
                    "persons": b.persons,
                    "days": b.days,
                    "note": b.note,
                }
                for b in budget
            ],
        },
        "disclosure": {
            "start": mission.disclosure_start,
            "end": mission.disclosure_end,
            "place": mission.disclosure_place,
            "feedback": mission.disclosure_feedback,
        },
        "confirmed_at": mission.confirmed_at,
        "filed_on": mission.filed_on,
        "check": check,
        "verdict": verdict_out(mission),
        "documents": [
            {
                "number": str(d.number),
                "version": d.version,
                "ready": d.is_rendered,
                "superseded": d.superseded_at is not None,
                "url": reverse(
                    "missions:approval_download",
                    kwargs={"reference": case.reference, "version": d.version},
                ),
            }
            for d in mission.approval_documents.all()
        ],
    }


# Endpoints -------------------------------------------------------------------------------------
@router.get("/travellers", response={200: s.TravellerPage, **ERRORS}, url_name="mission_travellers")
def list_travellers(
    request: HttpRequest, cursor: str | None = None, limit: int = DEFAULT_LIMIT
) -> dict[str, Any]:
    """The register of people who travel, as the caller may see it; ID numbers masked."""
    user = _caller(request, "missions.read_travellers")
    items, next_cursor = keyset_page(travellers_visible_to(user), cursor=cursor, limit=limit)
    return {
        "items": [
            {
                "id": t.pk,
                "name": t.name,
                "passport_name": t.passport_name,
                "sex": t.sex,
                "date_of_birth": t.date_of_birth,
                "id_number": mask_id_number(t.id_number or ""),
                "post": t.post,
                "rank": t.rank,
                "agency_leader": t.is_agency_leader,
                "academic": t.is_academic,
                "active": t.is_active,
            }
            for t in items
        ],
        "next": next_cursor,
    }


@router.get(
    "/planned", response={200: list[s.PlannedMissionOut], **ERRORS}, url_name="mission_planned"
)
def list_planned(request: HttpRequest, year: int | None = None) -> list[dict[str, Any]]:
    """Entries of the annual plans the caller may see (this year's by default)."""
    user = _caller(request, "missions.read_plans")
    wanted = year if year is not None and 2000 <= year <= 2999 else timezone.localdate().year
    entries = PlannedMission.objects.select_related("plan").filter(
        plan__in=plans_visible_to(user), plan__year=wanted
    )
    return [
        {
            "id": e.pk,
            "year": e.plan.year,
            "month": e.month,
            "countries": list(e.countries),
            "purpose": e.purpose,
            "size": e.size,
        }
        for e in entries[:500]
    ]


@router.post("/", response={201: s.MissionOut, **ERRORS}, url_name="mission_create")
@idempotent
def create_mission(request: HttpRequest, payload: s.MissionCreateIn) -> Status[s.MissionOut]:
    """Open a draft application for the caller's agency (``Idempotency-Key`` welcome)."""
    user = _caller(request, "missions.file_mission")
    with _refusals():
        mission = ma.do_create_mission(actor=user, title=payload.title, request=request)
    return Status(201, s.MissionOut.model_validate(mission_out(mission)))


@router.get("/{reference}", response={200: s.MissionOut, **ERRORS}, url_name="mission")
def get_mission(request: HttpRequest, reference: str) -> dict[str, Any]:
    """The application with its live check (while editable) and its recorded verdict."""
    user = _caller(request)
    return mission_out(_mission(user, reference))


@router.patch("/{reference}", response={200: s.MissionOut, **ERRORS}, url_name="mission_update")
def update_mission(
    request: HttpRequest, reference: str, payload: s.MissionPatchIn
) -> dict[str, Any]:
    """Replace the parts given, all or nothing; each part is saved by the workspace's action.

    Each part saved raises the application's ``version`` by one and clears the agency
    signatory's confirmation, as in the workspace.
    """
    user = _caller(request)
    mission = _mission(user, reference)
    steps = _steps(user, payload, request)
    version = payload.expected_version
    with _refusals(), transaction.atomic():
        if not steps and mission.version != version:
            raise ma.StaleMission(mission)
        for step in steps:
            mission = step(mission, version)
            version = mission.version
    return mission_out(mission)


@router.post(
    "/{reference}/invitation", response={200: s.MissionOut, **ERRORS}, url_name="mission_invitation"
)
@idempotent
def upload_invitation(
    request: HttpRequest,
    reference: str,
    expected_version: Form[int],
    letter: File[UploadedFile],
    translation: UploadedFile | None = NO_FILE,
) -> s.MissionOut:
    """Attach the invitation letter (and its translation): PDF or image, multipart form."""
    user = _caller(request)
    mission = _mission(user, reference)
    with _refusals(), transaction.atomic():
        mission = ma.do_save_inviter(
            actor=user,
            mission=mission,
            expected_version=expected_version,
            name=mission.inviter_name,
            country_code=mission.inviter_country,
            contact=mission.inviter_contact,
            relation=mission.inviter_relation,
            kind=mission.inviter_kind,
            letter=letter,
            letter_name=letter.name or "letter",
            translation=translation,
            translation_name=(translation.name or "translation") if translation else "",
            request=request,
        )
    return s.MissionOut.model_validate(mission_out(mission))


@router.post(
    "/{reference}/confirm", response={200: s.MissionOut, **ERRORS}, url_name="mission_confirm"
)
@idempotent
def confirm_mission(request: HttpRequest, reference: str, payload: s.ConfirmIn) -> s.MissionOut:
    """The agency signatory confirms the application as read (a liaison's token may not)."""
    user = _caller(request)
    mission = _mission(user, reference)
    with _refusals():
        mission = ma.do_confirm(
            actor=user, mission=mission, expected_version=payload.expected_version, request=request
        )
    return s.MissionOut.model_validate(mission_out(mission))


@router.post(
    "/{reference}/submit", response={200: s.FilingOut, **ERRORS}, url_name="mission_submit"
)
@idempotent
def submit_mission(request: HttpRequest, reference: str, payload: s.SubmitIn) -> s.FilingOut:
    """File the application with the bureau (or refile it after a return or change request).

    The answer carries the recorded verdict. A refusal is a 422 whose ``details`` list the
    reasons, the parts still missing and each block (field, severity, message, citation).
    """
    user = _caller(request)
    mission = _mission(user, reference)
    name = "submit" if mission.case.status == "draft" else "resubmit"
    try:
        case = do_transition(
            case=mission.case,
            transition=name,
            actor=user,
            expected_version=payload.expected_version,
            request=request,
        )
    except TransitionRefused as refused:
        if refused.forbidden:
            raise ApiError(
                403, "permission_denied", refused.reasons[0], details=refused.reasons
            ) from None
        raise _filing_refused(mission, refused.reasons) from None
    except Conflict as conflict:
        raise ApiError(
            409,
            "conflict",
            _("The case was changed by someone else; reload it and try again."),
            details={"case_version": conflict.case.version, "status": conflict.case.status},
        ) from None
    mission = Mission.objects.select_related("case").get(pk=mission.pk)
    verdict = verdict_out(mission)
    assert verdict is not None  # filing records one
    return s.FilingOut.model_validate(
        {
            "reference": case.reference,
            "status": case.status,
            "status_label": str(WORKFLOW.state_label(case.status)),
            "case_version": case.version,
            "verdict": verdict,
        }
    )


def _filing_refused(mission: Mission, reasons: list[str]) -> ApiError:
    """The 422 of a refused filing, with the blocks that stopped it as structured data."""
    mission = Mission.objects.select_related("case").get(pk=mission.pk)
    editable = mission.case.status in EDITABLE_STATES
    blocks = [v for v in check_filing_today(mission) if v.is_block] if editable else []
    return ApiError(
        422,
        "filing_refused",
        reasons[0],
        details={
            "reasons": reasons,
            "missing": missing_parts(mission) if editable else [],
            "violations": [violation_out(v) for v in blocks],
        },
    )


# For the case kernel ---------------------------------------------------------------------------
def mission_detail(case: Any, user: Any) -> dict[str, Any]:
    """A JSON-ready summary of the case's mission (``CaseType.api_detail``)."""
    mission = (
        Mission.objects.filter(case=case)
        .prefetch_related("members__traveller", "destinations")
        .first()
    )
    if mission is None:
        return {}
    return {
        "purpose": mission.purpose,
        "departure_date": mission.departure_date.isoformat() if mission.departure_date else None,
        "return_date": mission.return_date.isoformat() if mission.return_date else None,
        "academic_exchange": mission.academic_exchange,
        "members": [
            {
                "name": m.traveller.name,
                "passport_name": m.traveller.passport_name,
                "rank": m.traveller.rank,
                "is_leader": m.is_leader,
                "id_number": mask_id_number(m.traveller.id_number or ""),
            }
            for m in mission.members.all()
        ],
        "destinations": [
            {"country": d.country, "city": d.city, "transit": d.is_transit}
            for d in mission.destinations.all()
        ],
        "inviter": mission.inviter_name,
        "filed_on": mission.filed_on.isoformat() if mission.filed_on else None,
        "province_document_number": mission.province_document_number,
        "report_due": mission.report_due.isoformat() if mission.report_due else None,
    }


__all__ = ["mission_detail", "router"]
