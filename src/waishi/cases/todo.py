"""Whose turn it is: the cases whose next step a person may take, and who may take a case's.

The workflow already says who may run each transition (``Transition.may``, a predicate on
the user and the case). A case is in a person's to-do when, in its present state, one of its
transitions is theirs to run. Asking every predicate of every open case would read the whole
case table; instead each predicate is asked once per state of each case type about stand-in
cases that differ only in what predicates look at — the owning division, the filing agency,
the assignee — which says whether the step is the person's on *any* case in that state, on
those of their own division, or on their own agency's. The answer is a filter the database
applies with the list's other filters, so a to-do costs one query like any list.

Unfiled drafts are the agency's own work: a workflow whose first state is left by filing
(``Transition.filing``) keeps cases in that state out of every bureau list
(``draft_states``).

A case assigned to someone is in their to-do and leaves the to-do of the others of the
division who could take the same step; a step only the division head or a leader takes stays
in theirs whoever the case is assigned to.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from waishi.accounts.constants import AGENCY_ROLES

from .models import Case
from .registry import case_types, registry_generation

# What a stand-in case carries for the "someone else's" side of a comparison: no real row
# has these keys.
ELSEWHERE = -1

# How far a step's right reaches, from a person's point of view.
ANY = "any"  # every case in that state (e.g. a bureau leader's approval)
DIVISION = "division"  # cases owned by the person's division
AGENCY = "agency"  # cases of the person's agency (or county, as ``visible_to`` reads it)
ASSIGNED = "assigned"  # only cases assigned to the person


@dataclass(frozen=True)
class Turn:
    """One state of one case type in which a person may take a step, and how far it reaches."""

    case_type: str
    status: str
    reach: str
    # Whether any officer of the division may take it too (then an assignee takes it).
    shared: bool = True


def draft_states() -> dict[str, str]:
    """Each case type's draft state (the first state, when filing leaves it), by type code."""
    drafts: dict[str, str] = {}
    for case_type in case_types():
        workflow = case_type.workflow
        if any(t.filing for t in workflow.from_state(workflow.initial)):
            drafts[case_type.code] = workflow.initial
    return drafts


def without_drafts(cases: Any) -> Any:
    """``cases`` without any case type's unfiled drafts (what bureau lists show)."""
    drafts = draft_states()
    if not drafts:
        return cases
    hidden = Q()
    for code, state in drafts.items():
        hidden |= Q(case_type=code, status=state)
    return cases.exclude(hidden)


def _stand_in(
    user: Any, case_type: str, status: str, *, division: bool, agency: bool, assigned: bool
) -> Case:
    return Case(
        case_type=case_type,
        status=status,
        is_open=True,
        division_id=(user.division_id if division and user.division_id else ELSEWHERE),
        agency_id=(user.agency_id if agency and user.agency_id else ELSEWHERE),
        assignee_id=(user.pk if assigned else None),
    )


def _allowed(user: Any, transition: Any, case: Case) -> bool:
    from .workflow import may_act

    try:
        return may_act(user, case, transition)
    except Exception:  # a predicate that needs a real row (a detail) cannot answer a stand-in
        return False


def reach_of(user: Any, case_type: str, status: str, transitions: Iterable[Any]) -> str | None:
    """How far ``user``'s right to take a step from ``status`` reaches, or None if it does not.

    Only steps that make a case wait for the user count (``_waits_for``); a right reaching
    every case that the owning division's officers hold too counts as the user's division's.
    """
    reaches = []
    for transition in transitions:
        if not _waits_for(user, case_type, status, transition):
            continue
        reach = _reach(user, case_type, status, transition)
        if reach == ANY and _officers_may(case_type, status, transition):
            reach = DIVISION  # the division's step: the user's own division's share of it
        reaches.append(reach)
    for reach in (ANY, DIVISION, AGENCY, ASSIGNED):
        if reach in reaches:
            return reach
    return None


def _officers_may(case_type: str, status: str, transition: Any) -> bool:
    """Whether an officer of the division owning a case may run ``transition`` on it."""
    from waishi.accounts.constants import Role

    return _someone_may(Role.DIVISION_OFFICER, case_type, status, transition)


def _division_may(case_type: str, status: str, transition: Any) -> bool:
    """Whether the people of the division owning a case (officer or head) may run it."""
    from waishi.accounts.constants import Role

    return _officers_may(case_type, status, transition) or _someone_may(
        Role.DIVISION_HEAD, case_type, status, transition
    )


def _agency_may(case_type: str, status: str, transition: Any) -> bool:
    """Whether the filing agency's liaison officer may run ``transition`` on its case."""
    from waishi.accounts.constants import Role

    return _someone_may(Role.LIAISON_OFFICER, case_type, status, transition)


def _someone_may(role: str, case_type: str, status: str, transition: Any) -> bool:
    person = _stand_in_person(role, division_id=ELSEWHERE, agency_id=ELSEWHERE)
    case = Case(
        case_type=case_type,
        status=status,
        is_open=True,
        division_id=ELSEWHERE,
        agency_id=ELSEWHERE,
    )
    return _allowed(person, transition, case)


def _waits_for(user: Any, case_type: str, status: str, transition: Any) -> bool:
    """Whether holding ``transition`` makes a case in ``status`` wait for ``user``.

    Not a step taken at will (``aside``); on the bureau's side, not a step the filing agency
    may take itself (recording a departure is the agency's to do); for someone outside the
    divisions (a leader) not one the owning division's officers may take; for the division's
    people, nothing in a state that waits for a leader's approval.
    """
    if transition.aside:
        return False
    if user.role_set & AGENCY_ROLES:
        return True
    if _agency_may(case_type, status, transition):
        return False
    if _in_division(user):
        return not _leaders_state(case_type, status)
    return not _division_may(case_type, status, transition)


def _leaders_state(case_type: str, status: str) -> bool:
    """Whether a case in ``status`` waits for a bureau leader: a step there is a leader's
    that nobody of the division may take (an approval); what the division may still do
    there (take it back) is then not the division's turn."""
    from waishi.accounts.constants import Role

    from .registry import get_case_type

    for transition in get_case_type(case_type).workflow.from_state(status):
        if transition.aside or not _someone_may(Role.BUREAU_LEADER, case_type, status, transition):
            continue
        if not (
            _someone_may(Role.DIVISION_OFFICER, case_type, status, transition)
            or _someone_may(Role.DIVISION_HEAD, case_type, status, transition)
        ):
            return True
    return False


def _reach(user: Any, case_type: str, status: str, transition: Any) -> str | None:
    """How far ``user``'s right to run ``transition`` from ``status`` reaches, if at all."""
    probes = (
        (ANY, False, False, False),
        (DIVISION, True, False, False),
        (AGENCY, False, True, False),
        (ASSIGNED, True, True, True),
    )
    for reach, division, agency, assigned in probes:
        stand_in = _stand_in(
            user, case_type, status, division=division, agency=agency, assigned=assigned
        )
        if _allowed(user, transition, stand_in):
            return reach
    return None


def _division_peer(user: Any) -> Any:
    """A stand-in division officer of ``user``'s division (to tell shared steps from own)."""
    from waishi.accounts.constants import Role

    return _stand_in_person(Role.DIVISION_OFFICER, division_id=user.division_id)


def _stand_in_person(role: str, *, division_id: int | None, agency_id: int | None = None) -> Any:
    """An unsaved person holding ``role`` alone, for asking predicates without a query."""
    from django.contrib.auth import get_user_model

    person = get_user_model()(division_id=division_id, agency_id=agency_id, is_active=True)
    person._role_set = frozenset({role})
    return person


def _holds_own_step(user: Any, case_type: str, status: str, transitions: Iterable[Any]) -> bool:
    """Whether ``user`` may take a step from ``status`` that the division's officers may not
    (on a case of the division: a head's approval)."""
    peer = _division_peer(user)
    for transition in transitions:
        if not _waits_for(user, case_type, status, transition):
            continue
        mine = _stand_in(user, case_type, status, division=True, agency=False, assigned=False)
        if _allowed(user, transition, mine) and not _allowed(peer, transition, mine):
            return True
    return False


# The turns of each kind of person (roles, and whether they have a division and an agency:
# the predicates compare a case's keys with theirs, never read them), kept for the life of
# the process and computed again when the registered case types change.
_memo: dict[tuple[Any, ...], list[Turn]] = {}
MEMO_SIZE = 256


def turns_of(user: Any) -> list[Turn]:
    """Every (case type, state) in which ``user`` may take a step."""
    cached = getattr(user, "_waishi_turns", None)
    if cached is not None:
        return cached
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    key = (
        user.role_set,
        user.division_id is not None,
        user.agency_id is not None,
        registry_generation(),
    )
    turns = _memo.get(key)
    if turns is None:
        turns = _turns(user)
        if len(_memo) >= MEMO_SIZE:
            _memo.clear()
        _memo[key] = turns
    user._waishi_turns = turns
    return turns


def _turns(user: Any) -> list[Turn]:
    turns: list[Turn] = []
    for case_type in case_types():
        workflow = case_type.workflow
        for status in workflow.states:
            if workflow.is_final(status):
                continue
            transitions = workflow.from_state(status)
            reach = reach_of(user, case_type.code, status, transitions)
            if reach is None:
                continue
            shared = reach == DIVISION and not _holds_own_step(
                user, case_type.code, status, transitions
            )
            turns.append(Turn(case_type.code, status, reach, shared))
    return turns


def todo_filter(user: Any) -> Q | None:
    """The filter of the open cases whose next step ``user`` may take; None if there are none.

    Applied to what the user may see (``visible_to``), so an agency-wide step means the
    user's agency (or county). On the bureau's side, a case assigned to someone else is left
    out, and drafts never count.
    """
    turns = turns_of(user)
    if not turns:
        return None
    drafts = draft_states()
    agency_side = bool(user.role_set & AGENCY_ROLES)
    condition = Q()
    for turn in turns:
        if not agency_side and drafts.get(turn.case_type) == turn.status:
            continue
        term = Q(case_type=turn.case_type, status=turn.status)
        if turn.reach == DIVISION:
            term &= Q(division_id=user.division_id)
            if turn.shared:
                term &= Q(assignee__isnull=True) | Q(assignee_id=user.pk)
        elif turn.reach == ASSIGNED:
            term &= Q(assignee_id=user.pk)
        condition |= term
    if not condition:
        return None
    return condition & Q(is_open=True)


def todo_cases(user: Any, cases: Any = None) -> Any:
    """The open cases ``user`` sees whose next step is theirs (``visible_to`` applied)."""
    from .querysets import visible_to

    rows = visible_to(user, cases)
    condition = todo_filter(user)
    return rows.filter(condition) if condition is not None else rows.none()


def _in_division(user: Any) -> bool:
    from waishi.accounts.constants import Role

    return user.division_id is not None and bool(
        user.role_set & {Role.DIVISION_OFFICER, Role.DIVISION_HEAD}
    )


def whose_turn(case: Case, candidates: Iterable[Any]) -> list[Any]:
    """Of ``candidates``, the people whose step ``case`` waits for in its present state.

    As in the to-do: a step the owning division's officers may take is not the turn of
    someone outside the divisions (a leader), though they hold the right.
    """
    from .workflow import may_act

    transitions = case.case_type_obj.workflow.from_state(case.status)
    return [
        person
        for person in candidates
        if any(
            _waits_for(person, case.case_type, case.status, transition)
            and may_act(person, case, transition)
            for transition in transitions
        )
    ]


# Above this many, the next step is everyone's business, not a call to named people.
NOTIFY_AT_MOST = 12


def next_actors(case: Case) -> list[int]:
    """The bureau people for whom ``case`` has just entered the to-do, to be told of it.

    Those of the case's division and the bureau's leaders who may take a step from its new
    state: when the case is assigned and the assignee may take it, the assignee and whoever
    holds a step the division's officers do not (a head's or a leader's approval). Nobody
    when the case is closed, or when so many may act that the step is nobody's in particular.
    """
    from django.contrib.auth import get_user_model

    from waishi.accounts.constants import Role
    from waishi.accounts.models import RoleGrant

    from .permissions import CASE_WORKER_ROLES

    if not case.is_open:
        return []
    transitions = case.case_type_obj.workflow.from_state(case.status)
    if not transitions:
        return []
    people = list(
        get_user_model()
        .objects.filter(is_active=True, role_grants__role__in=CASE_WORKER_ROLES)
        .filter(Q(division_id=case.division_id) | Q(division__isnull=True))
        .distinct()
        .order_by("pk")[: NOTIFY_AT_MOST * 4]
    )
    roles: dict[int, set[str]] = {}
    for user_id, role in RoleGrant.objects.filter(user__in=people).values_list("user_id", "role"):
        roles.setdefault(user_id, set()).add(role)
    for person in people:
        person._role_set = frozenset(roles.get(person.pk, ()))
    may = whose_turn(case, people)
    if case.assignee_id is not None and any(p.pk == case.assignee_id for p in may):
        # The assignee takes the division's shared steps; others keep only steps of their own.
        may = [
            p
            for p in may
            if p.pk == case.assignee_id
            or not p.role_set & {Role.DIVISION_OFFICER, Role.DIVISION_HEAD}
            or _holds_own_step(p, case.case_type, case.status, transitions)
        ]
    if len(may) > NOTIFY_AT_MOST:
        return []
    return [p.pk for p in may]
