"""Cases over the API (mounted at /api/v1/cases/): list, detail, transitions.

The same rules as the UI: ``visible_to`` decides what exists for the caller (others' cases
are 404), and the workflow engine decides what the caller may do.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import BaseModel

from waishi.api.auth import AUTH
from waishi.api.errors import ApiError, ErrorOut, not_found
from waishi.api.idempotency import idempotent
from waishi.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor
from waishi.core.models import FALLBACK_ORDER, translated

from . import actions
from .clocks import clocks_of
from .clocks import describe_entry as describe_clock
from .constants import ClockOwner, EntryKind
from .inbox import apply_filters
from .models import Case
from .permissions import is_case_staff
from .querysets import access_case, timeline_for
from .registry import get_case_type
from .steps import describe_entry
from .workflow import Conflict, TransitionRefused, available_transitions

router = Router(auth=AUTH, tags=["cases"])

ERRORS: dict[int, type[ErrorOut]] = {
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


# The list's item schemas are plain pydantic models: the API returns them built as dicts, and
# ninja's Schema would wrap every dict of a page for attribute access while validating it.
class NamedRef(BaseModel):
    id: int
    name: str


class CaseOut(BaseModel):
    reference: str
    case_type: str
    case_type_label: str
    title: str
    status: str
    status_label: str
    is_open: bool
    # Empty for a case filed by an applicant (``CaseType.filed_by_applicants``).
    agency: NamedRef | None
    division: NamedRef | None
    assignee: NamedRef | None
    priority: int
    due_date: datetime.date | None
    # Who must act before ``due_date`` (the nearest running clock): bureau, agency, …
    due_owner: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime


class CasePage(BaseModel):
    items: list[CaseOut]
    next: str | None


class InputOut(Schema):
    name: str
    label: str
    required: bool


class TransitionOut(Schema):
    name: str
    label: str
    target: str
    inputs: list[InputOut]


class EntryOut(Schema):
    kind: str
    created_at: datetime.datetime
    actor: str | None
    text: str
    is_public: bool
    from_status: str
    to_status: str


class ClockOut(Schema):
    code: str
    label: str
    owner: str
    state: str
    due_date: datetime.date
    working_days_left: int | None


class CaseDetailOut(CaseOut):
    clocks: list[ClockOut]
    timeline: list[EntryOut]
    transitions: list[TransitionOut]
    detail: dict[str, Any]


class TransitionIn(Schema):
    inputs: dict[str, str] = {}
    expected_version: int | None = None


def _caller(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not user.has_perm("cases.view_case"):
        raise ApiError(403, "permission_denied", _("You do not have permission to do this."))
    return user


def _case(user: Any, reference: str) -> Case:
    try:
        return access_case(user, reference)
    except Case.DoesNotExist:
        raise not_found() from None


def _named(obj: Any, name: str | None = None) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"id": obj.pk, "name": name if name is not None else str(obj)}


def case_out(case: Case) -> dict[str, Any]:
    kind = case.case_type_obj
    return {
        "reference": case.reference,
        "case_type": case.case_type,
        "case_type_label": str(kind.label),
        "title": case.title,
        "status": case.status,
        "status_label": str(kind.workflow.state_label(case.status)),
        "is_open": case.is_open,
        "agency": _named(case.agency),
        "division": _named(case.division),
        "assignee": _named(case.assignee, case.assignee.display_name if case.assignee else None),
        "priority": case.priority,
        "due_date": case.due_date,
        "due_owner": case.due_owner,
        "version": case.version,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
    }


# The columns of a list item, read with the agency's, division's and assignee's names in one
# joined query: no model rows are built for a page of the list.
LIST_FIELDS = (
    "id",
    "reference",
    "case_type",
    "title",
    "status",
    "is_open",
    "agency_id",
    *(f"agency__name_{suffix}" for suffix in FALLBACK_ORDER),
    "division_id",
    *(f"division__name_{suffix}" for suffix in FALLBACK_ORDER),
    "assignee_id",
    "assignee__full_name",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
    "priority",
    "due_date",
    "due_owner",
    "version",
    "created_at",
    "updated_at",
)


class _Names:
    """A related row's translated names in a values() row, for ``core.models.translated``."""

    __slots__ = ("prefix", "row")

    def __init__(self, row: dict[str, Any], prefix: str) -> None:
        self.row = row
        self.prefix = prefix

    def __getattr__(self, name: str) -> Any:
        return self.row.get(self.prefix + name, "")


def list_item_out(row: dict[str, Any], labels: dict[tuple[str, str], tuple[str, str]]) -> Any:
    """``case_out`` for a ``LIST_FIELDS`` row; ``labels`` keeps the type and status labels."""
    key = (row["case_type"], row["status"])
    if key not in labels:
        kind = get_case_type(row["case_type"])
        labels[key] = (str(kind.label), str(kind.workflow.state_label(row["status"])))
    type_label, status_label = labels[key]
    assignee = None
    if row["assignee_id"] is not None:
        # User.display_name: the full name, else first and last name, else the username.
        name = (
            row["assignee__full_name"]
            or f"{row['assignee__first_name']} {row['assignee__last_name']}".strip()
            or row["assignee__username"]
        )
        assignee = {"id": row["assignee_id"], "name": name}
    division = None
    if row["division_id"] is not None:
        division = {"id": row["division_id"], "name": translated("name", _Names(row, "division__"))}
    return {
        "reference": row["reference"],
        "case_type": row["case_type"],
        "case_type_label": type_label,
        "title": row["title"],
        "status": row["status"],
        "status_label": status_label,
        "is_open": row["is_open"],
        "agency": (
            {"id": row["agency_id"], "name": translated("name", _Names(row, "agency__"))}
            if row["agency_id"] is not None
            else None
        ),
        "division": division,
        "assignee": assignee,
        "priority": row["priority"],
        "due_date": row["due_date"],
        "due_owner": row["due_owner"],
        "version": row["version"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def transitions_out(case: Case, user: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": t.name,
            "label": str(t.label),
            "target": t.target,
            "inputs": [
                {"name": i.name, "label": str(i.label), "required": i.required} for i in t.inputs
            ],
        }
        for t in available_transitions(case, user)
    ]


@router.get("/", response={200: CasePage, **ERRORS})
def list_cases(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    case_type: str = "",
    status: str = "",
    agency: int | None = None,
    due_from: datetime.date | None = None,
    due_to: datetime.date | None = None,
    waiting_for: str = "",
    q: str = "",
    open_only: bool = False,
) -> dict[str, Any]:
    """The cases the caller may see, newest first, one keyset page at a time."""
    user = _caller(request)
    filters = {
        "case_type": case_type,
        "status": status,
        "agency": agency,
        "due_from": due_from,
        "due_to": due_to,
        "waiting_for": waiting_for if waiting_for in ClockOwner.values else "",
        "q": q[:100],
    }
    rows = apply_filters(user, filters)
    if open_only:
        rows = rows.filter(is_open=True)
    # keyset_page's seek (newest id first), on values rather than model rows.
    limit = max(1, min(limit, MAX_LIMIT))
    rows = rows.order_by("-id")
    if cursor:
        rows = rows.filter(id__lt=decode_cursor(cursor))
    page = list(rows.values(*LIST_FIELDS)[: limit + 1])
    next_cursor = encode_cursor(page[limit - 1]["id"]) if len(page) > limit else None
    labels: dict[tuple[str, str], tuple[str, str]] = {}
    return {"items": [list_item_out(row, labels) for row in page[:limit]], "next": next_cursor}


def _entry_text(case: Case, entry: Any) -> str:
    """A step's, clock's or reminder's entry as a sentence in the reader's language."""
    if entry.kind == EntryKind.STEP:
        return describe_entry(entry.changes)
    if entry.kind in (EntryKind.CLOCK, EntryKind.REMINDER):
        return describe_clock(case.case_type, entry.kind, entry.changes)
    return ""


@router.get("/{reference}", response={200: CaseDetailOut, **ERRORS})
def get_case(request: HttpRequest, reference: str) -> dict[str, Any]:
    """One case with its timeline (as the caller may read it) and the caller's next steps.

    ``detail`` is the area's own data with personal data masked.
    """
    user = _caller(request)
    case = _case(user, reference)
    actions.do_record_reveal(case=case, actor=user, request=request)
    kind = case.case_type_obj
    timeline = [
        {
            "kind": e.kind,
            "created_at": e.created_at,
            "actor": e.actor.display_name if e.actor else None,
            # An external step's entry says which body and the dates, in the reader's language.
            "text": e.text or _entry_text(case, e),
            "is_public": e.is_public,
            "from_status": e.from_status,
            "to_status": e.to_status,
        }
        for e in timeline_for(user, case)
    ]
    clocks = [
        {
            "code": view.clock.code,
            "label": str(view.label),
            "owner": view.clock.owner,
            "state": view.clock.state,
            "due_date": view.clock.due_date,
            "working_days_left": view.days_left,
        }
        for view in clocks_of(case, staff=is_case_staff(user))
    ]
    return {
        **case_out(case),
        "clocks": clocks,
        "timeline": timeline,
        "transitions": transitions_out(case, user),
        "detail": kind.api_detail(case, user) if kind.api_detail else {},
    }


@router.get("/{reference}/transitions", response={200: list[TransitionOut], **ERRORS})
def list_transitions(request: HttpRequest, reference: str) -> list[dict[str, Any]]:
    """What the caller may do with the case now."""
    user = _caller(request)
    return transitions_out(_case(user, reference), user)


@router.post("/{reference}/transitions/{name}", response={200: CaseOut, **ERRORS})
@idempotent
def run_transition(
    request: HttpRequest, reference: str, name: str, payload: TransitionIn
) -> dict[str, Any]:
    """Run a transition. Send ``expected_version`` to be refused (409) if the case changed.

    An ``Idempotency-Key`` header makes a retry return the first answer.
    """
    user = _caller(request)
    case = _case(user, reference)
    try:
        case = actions.do_transition(
            case=case,
            transition=name,
            actor=user,
            inputs=payload.inputs,
            expected_version=payload.expected_version,
            request=request,
        )
    except TransitionRefused as refused:
        if refused.forbidden:
            raise ApiError(
                403, "permission_denied", refused.reasons[0], details=refused.reasons
            ) from None
        raise ApiError(
            422, "transition_refused", refused.reasons[0], details=refused.reasons
        ) from None
    except Conflict as conflict:
        raise ApiError(
            409,
            "conflict",
            _("The case was changed by someone else; reload it and try again."),
            details={"version": conflict.case.version, "status": conflict.case.status},
        ) from None
    case = _case(user, reference)
    return case_out(case)
