"""Which cases a user may see. Every list, page, export and API call starts here."""

from typing import Any

from django.db.models import Model, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from waishi.accounts.constants import AGENCY_ROLES, AgencyKind, Role

from .models import Case, TimelineEntry
from .permissions import is_case_staff


def county_root_id(user: Any) -> int | None:
    """The county government a county officer works for (their agency or its parent)."""
    agency = user.agency
    if agency is None:
        return None
    if agency.kind == AgencyKind.COUNTY_FAO and agency.parent_id is not None:
        return int(agency.parent_id)
    return int(agency.pk)


def county_agency_ids(user: Any) -> QuerySet[Any]:
    """Ids of the county and every agency below it (the tree is at most three deep)."""
    from waishi.accounts.models import Agency

    root = county_root_id(user)
    return Agency.objects.filter(Q(pk=root) | Q(parent_id=root) | Q(parent__parent_id=root)).values(
        "pk"
    )


def visible_to(user: Any, queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    """The cases ``user`` may see.

    Bureau staff who work cases and the discipline inspector see every case; agency people
    see their agency's cases, county officers also those of agencies in their county; the
    administrators and everyone else see none. A type declaring ``visibility`` narrows its
    own cases further (``restrict_types``).
    """
    cases = queryset if queryset is not None else Case.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return cases.none()
    cases = restrict_types(user, cases)
    if is_case_staff(user):
        return cases
    if user.agency_id is not None and user.has_role(*AGENCY_ROLES):
        if user.has_role(Role.COUNTY_OFFICER):
            return cases.filter(
                Q(agency_id=user.agency_id) | Q(agency_id__in=county_agency_ids(user))
            )
        return cases.filter(agency_id=user.agency_id)
    return cases.none()


def restrict_types(user: Any, cases: QuerySet[Case]) -> QuerySet[Case]:
    """``cases`` without those of restricted types ``user`` may not see.

    Each type with a ``visibility`` rule answers for its own cases: all of them (no filter),
    none (excluded by type) or those matching its ``Q``. Other types are untouched.
    """
    from .registry import restricted_case_types

    hidden: list[str] = []
    narrowed: list[tuple[str, Q]] = []
    for kind in restricted_case_types():
        assert kind.visibility is not None
        answer = kind.visibility(user)
        if answer is True:
            continue
        if answer is False:
            hidden.append(kind.code)
        else:
            narrowed.append((kind.code, answer))
    if hidden:
        cases = cases.exclude(case_type__in=hidden)
    for code, condition in narrowed:
        cases = cases.filter(~Q(case_type=code) | condition)
    return cases


def timeline_for(user: Any, case: Case) -> QuerySet[TimelineEntry]:
    """The case's timeline as ``user`` may read it: staff all of it, the agency public entries."""
    entries = case.timeline.select_related("actor").order_by("created_at", "id")
    if is_case_staff(user):
        return entries
    return entries.filter(is_public=True)


def access_case(
    user: Any,
    reference: str,
    *,
    for_update: bool = False,
    with_detail: bool = False,
    key_only: bool = False,
) -> Case:
    """The case by reference if ``user`` may see it; ``Case.DoesNotExist`` otherwise.

    Missing and forbidden look the same to the caller (both become 404). ``with_detail``
    also reads the area's detail row for the case page (``attach_detail``); ``key_only``
    reads just the key, reference and type, for an action that reads and locks the row
    itself.
    """
    if key_only:
        return visible_to(user).only("pk", "reference", "case_type").get(reference=reference)
    cases = visible_to(user).select_related("agency", "division", "assignee", "created_by")
    if for_update:
        cases = cases.select_for_update(of=("self",))
    case = cases.get(reference=reference)
    if with_detail:
        attach_detail(case)
    return case


class CaseNotFound(Http404, Case.DoesNotExist):
    """No such case, or not one the user may see, or not of the type asked for.

    A view lets it through (404); code that catches ``Case.DoesNotExist`` still does.
    """


def access_case_detail(
    user: Any,
    reference: str,
    case_type: str,
    *,
    related: tuple[str, ...] = (),
    for_update: bool = False,
) -> Any:
    """The detail row (e.g. a ``Mission``) of case ``reference`` of type ``case_type``.

    Raises ``CaseNotFound`` (a 404) alike for a missing case, one ``user`` may not see and
    one of another type. One query: the detail row with its case and the case's agency
    (plus ``related``), the case chosen by reference among ``visible_to(user)``. With
    ``for_update`` the detail row is locked. The case is cached on the detail (``detail.case``
    reads nothing more).
    """
    from .registry import get_case_type

    relation = get_case_type(case_type).detail_relation()
    if relation is None:
        raise LookupError(f"Case type {case_type} has no detail model")
    name = relation.field.name
    visible = visible_to(user).filter(reference=reference, case_type=case_type).values("pk")
    details: QuerySet[Model] = relation.related_model._default_manager.filter(
        **{f"{name}__in": visible}
    ).select_related(name, f"{name}__agency", *related)
    if for_update:
        details = details.select_for_update(of=("self",))
    detail = next(iter(details[:1]), None)
    if detail is None:
        raise CaseNotFound
    return detail


def attach_detail(case: Case) -> None:
    """Read the case's detail row for its page and cache it on the case.

    The row comes in a query of its own type with its ``detail_related`` (one query joining
    every registered type's detail to the case took PostgreSQL longer to plan than the two
    take to run), then its ``detail_prefetch`` rows, each read once for the whole page.
    """
    kind = case.case_type_obj
    relation = kind.detail_relation()
    if relation is None:
        return
    details = relation.related_model._default_manager.filter(**{relation.field.name: case.pk})
    if kind.detail_related:
        details = details.select_related(*kind.detail_related)
    detail = next(iter(details[:1]), None)
    relation.set_cached_value(case, detail)
    if detail is not None:
        relation.field.set_cached_value(detail, case)
        if kind.detail_prefetch:
            prefetch_related_objects([detail], *kind.detail_prefetch)


def public_lookup(reference: str, code: str) -> Case | None:
    """The case for the portal's status look-up, if ``code`` is its verification code.

    Compared in constant time; a wrong reference and a wrong code give the same ``None``.
    Show only ``public_timeline(case)`` and the status to the visitor.
    """
    import hmac

    reference = reference.strip().upper()
    code = code.strip().upper()
    case = Case.objects.filter(reference=reference).first()
    if case is None or not hmac.compare_digest(case.verification_code, code):
        return None
    return case


def public_timeline(case: Case) -> QuerySet[TimelineEntry]:
    """The entries the agency and the public may read."""
    return case.timeline.filter(is_public=True).order_by("created_at", "id")
