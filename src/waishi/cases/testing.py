"""Test support for every app built on the case kernel: factories, fixtures, a workflow walk.

The root ``conftest.py`` loads this module as a pytest plugin, so its fixtures (``agency``,
``liaison``, ``officer``, ``case_roles``, …) are there in every app's tests. Define
``division`` in the app's ``tests/conftest.py`` (the division owning the app's case type)::

    from waishi.cases.testing import DivisionFactory

    @pytest.fixture
    def division(db):
        return DivisionFactory(case_type=CASE_TYPE)

``walk_transitions`` runs every transition of a case type as every role and checks that a
refusal writes nothing and an allowed transition moves the status (see its docstring).
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import factory
import pytest
from django.db import transaction

from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.tests import factories as account_factories
from waishi.accounts.tests.factories import make_user

from .registry import get_case_type

__all__ = [
    "AgencyFactory",
    "DivisionFactory",
    "Outcome",
    "agency",
    "allowed",
    "case_roles",
    "division",
    "force_status",
    "head",
    "inspector",
    "iter_refused",
    "leader",
    "liaison",
    "officer",
    "other_agency",
    "other_liaison",
    "private_storage",
    "render_documents_now",
    "signatory",
    "walk_transitions",
]


# Factories -------------------------------------------------------------------------------------
class AgencyFactory(account_factories.AgencyFactory):
    """An agency; traits ``county=True`` (a county government) and ``county_office=True``."""

    class Params:
        county = factory.Trait(kind=AgencyKind.COUNTY_GOVERNMENT)
        county_office = factory.Trait(
            kind=AgencyKind.COUNTY_FAO, parent=factory.SubFactory(account_factories.AgencyFactory)
        )


def _division_code(division: Any) -> str:
    if division.case_type:
        return get_case_type(division.case_type).division_code
    return f"division-{division.number}"


class DivisionFactory(account_factories.DivisionFactory):
    """A division of the bureau; ``case_type="CG"`` gives it the code that type's cases need."""

    class Params:
        case_type = ""
        number = factory.Sequence(int)

    code = factory.LazyAttribute(_division_code)  # type: ignore[assignment]


# Fixtures (an app's conftest overrides ``division`` with its own) -----------------------------
@pytest.fixture
def division(db: Any) -> Any:
    """A division of the bureau; an app's conftest gives the one owning its case type."""
    return DivisionFactory()


@pytest.fixture
def private_storage(settings: Any, tmp_path: Any) -> Any:
    """Private uploads of the test go to a folder of its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def agency(db: Any) -> Any:
    return AgencyFactory(name_zh_hans="市教育局", name_en="Education Bureau")


@pytest.fixture
def other_agency(db: Any) -> Any:
    return AgencyFactory(name_zh_hans="市卫生健康局", name_en="Health Commission")


@pytest.fixture
def liaison(agency: Any) -> Any:
    return make_user(Role.LIAISON_OFFICER, agency=agency, full_name="李联络")


@pytest.fixture
def signatory(agency: Any) -> Any:
    return make_user(Role.AGENCY_SIGNATORY, agency=agency, full_name="赵签发")


@pytest.fixture
def other_liaison(other_agency: Any) -> Any:
    """The liaison officer of another agency."""
    return make_user(Role.LIAISON_OFFICER, agency=other_agency, full_name="王外单位")


@pytest.fixture
def officer(division: Any) -> Any:
    return make_user(Role.DIVISION_OFFICER, division=division, full_name="张科员")


@pytest.fixture
def head(division: Any) -> Any:
    return make_user(Role.DIVISION_HEAD, division=division, full_name="陈处长")


@pytest.fixture
def leader(db: Any) -> Any:
    return make_user(Role.BUREAU_LEADER, full_name="林局长")


@pytest.fixture
def inspector(db: Any) -> Any:
    return make_user(Role.DISCIPLINE_INSPECTOR, full_name="纪检员")


@pytest.fixture
def case_roles(
    liaison: Any, signatory: Any, other_liaison: Any, officer: Any, head: Any, leader: Any
) -> dict[str, Any]:
    """One person per role that matters to a case of ``agency`` owned by ``division``.

    Besides the filing agency's people and the owning division's staff: another agency's
    liaison officer, a county officer above another county, the officer and head of another
    division, the bureau leader, the discipline inspector, a website editor and the system
    administrator (who have no business with cases).
    """
    return {
        "liaison": liaison,
        "signatory": signatory,
        "other_liaison": other_liaison,
        "county_officer": make_user(
            Role.COUNTY_OFFICER, agency=AgencyFactory(county=True), full_name="县外办"
        ),
        "officer": officer,
        "head": head,
        "other_officer": make_user(Role.DIVISION_OFFICER, full_name="其他处科员"),
        "other_head": make_user(Role.DIVISION_HEAD, full_name="其他处处长"),
        "leader": leader,
        "inspector": make_user(Role.DISCIPLINE_INSPECTOR, full_name="纪检员"),
        "website_editor": make_user(Role.WEBSITE_EDITOR, full_name="网站编辑"),
        "system_admin": make_user(Role.SYSTEM_ADMIN, full_name="系统管理员"),
    }


# The workflow walk -----------------------------------------------------------------------------
def force_status(case: Any, status: str) -> Any:
    """Put a test's case in ``status`` directly (test set-up only; the engine is bypassed)."""
    from .models import Case

    workflow = case.case_type_obj.workflow
    Case.objects.filter(pk=case.pk).update(status=status, is_open=not workflow.is_final(status))
    return Case.objects.select_related("agency", "division").get(pk=case.pk)


@dataclass(frozen=True)
class Outcome:
    """What happened when ``role`` ran ``transition`` from ``source``."""

    transition: str
    source: str
    role: str
    allowed: bool
    forbidden: bool = False
    reasons: tuple[str, ...] = ()


def _snapshot(case_pk: int) -> tuple[Any, ...]:
    from waishi.audit.models import AuditEvent

    from .models import Case, TimelineEntry

    return (
        Case.objects.filter(pk=case_pk).values().get(),
        TimelineEntry.objects.filter(case_id=case_pk).count(),
        AuditEvent.objects.count(),
    )


class _RollBack(Exception):
    pass


def _attempt(case: Any, transition: Any, role: str, user: Any, source: str) -> Outcome:
    from .actions import do_transition
    from .models import TimelineEntry
    from .refusals import TransitionRefused
    from .workflow import may_act

    before = _snapshot(case.pk)
    inputs = {spec.name: "测试理由 Test reason" for spec in transition.inputs}
    label = f"{transition.name} from {source} as {role}"
    try:
        moved = do_transition(case=case, transition=transition.name, actor=user, inputs=inputs)
    except TransitionRefused as refused:
        assert _snapshot(case.pk) == before, f"{label}: refused but something was written"
        may = may_act(user, case, transition)
        assert refused.forbidden != may, f"{label}: forbidden={refused.forbidden}, may={may}"
        return Outcome(
            transition.name, source, role, False, refused.forbidden, tuple(refused.reasons)
        )
    row, entries, events = _snapshot(case.pk)
    assert moved.status == row["status"] == transition.target, f"{label}: status not moved"
    assert row["version"] == before[0]["version"] + 1, f"{label}: version not raised"
    # The status entry, and perhaps entries the transition's effects add (a document, say).
    assert entries > before[1], f"{label}: no timeline entry"
    assert TimelineEntry.objects.filter(
        case_id=case.pk, transition=transition.name, to_status=transition.target
    ).exists(), f"{label}: no status entry"
    assert events > before[2], f"{label}: no audit event"
    return Outcome(transition.name, source, role, True)


def walk_transitions(
    case_type: str, make_case: Callable[[str], Any], roles: Mapping[str, Any]
) -> list[Outcome]:
    """Run every transition of ``case_type`` from each of its sources as every role.

    ``make_case(state)`` returns a case of the type in ``state`` (made once per state);
    ``roles`` maps a name to a user. Each attempt runs in a savepoint rolled back afterwards,
    so every attempt starts from the same case. A refusal must write nothing (case row,
    timeline and audit log unchanged) and be ``forbidden`` exactly when the role may not run
    the transition; an allowed transition must move the status to its target, raise the
    version and write a timeline entry and an audit event. Required inputs are filled in.
    Returns every outcome, for the test to compare with what the area means to allow.
    """
    workflow = get_case_type(case_type).workflow
    cases: dict[str, Any] = {}
    outcomes: list[Outcome] = []
    for transition in workflow.transitions:
        for source in transition.sources:
            if source not in cases:
                cases[source] = make_case(source)
            for role, user in roles.items():
                outcomes.append(_attempt_and_roll_back(cases[source], transition, role, user))
    return outcomes


def _attempt_and_roll_back(case: Any, transition: Any, role: str, user: Any) -> Outcome:
    result: list[Outcome] = []
    try:
        with transaction.atomic():
            result.append(_attempt(case, transition, role, user, case.status))
            raise _RollBack
    except _RollBack:
        pass
    return result[0]


def allowed(outcomes: list[Outcome]) -> set[tuple[str, str, str]]:
    """The (transition, source, role) triples that were allowed."""
    return {(o.transition, o.source, o.role) for o in outcomes if o.allowed}


def iter_refused(outcomes: list[Outcome], *, forbidden: bool) -> Iterator[Outcome]:
    """The refusals, either for want of the right or for the state, input or a guard."""
    return (o for o in outcomes if not o.allowed and o.forbidden == forbidden)


def render_documents_now() -> int:
    """Draw every official document still without its PDF (tests); returns how many."""
    from .documents import do_render_document
    from .models import OfficialDocument

    pending = list(OfficialDocument.objects.filter(file="").values_list("pk", flat=True))
    for pk in pending:
        do_render_document(document_id=pk)
    return len(pending)
