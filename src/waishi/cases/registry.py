"""The case types area apps register, and the person-search hooks they contribute.

An area app registers its type once, in its ``AppConfig.ready``::

    from waishi.cases.registry import CaseType, register_case_type

    register_case_type(CaseType(code="CG", label=_("Official mission abroad"), ...))

Registration lives in process memory but is the same in every process (it runs at start-up
from code), so it holds no state that differs between machines.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.functional import Promise

if TYPE_CHECKING:
    from .models import Case
    from .workflow import Transition, Workflow


@dataclass(frozen=True)
class ClockSpec:
    """A clock a case type runs (see ``waishi.cases.clocks``).

    ``owner`` says who must act (``ClockOwner``), ``unit`` what the length counts
    (``ClockUnit``). The length is ``length``, or the number a rule of the rules engine holds
    on the start day: ``rule_area``/``rule_code``, and ``rule_key`` when the rule's value is a
    record holding the number under that key. ``roll_to_workday`` moves a due day that falls
    on a holiday or weekend to the next working day. Reminders go ``remind_before`` working
    days ahead, on the day, and after it — again every ``repeat_overdue`` working days when
    that is set.
    """

    code: str
    label: str | Promise
    owner: str
    unit: str
    length: int | None = None
    rule_area: str = ""
    rule_code: str = ""
    rule_key: str = ""
    roll_to_workday: bool = False
    remind_before: int = 2
    repeat_overdue: int = 0


@dataclass(frozen=True)
class CaseType:
    """What the kernel needs to know about one kind of case.

    ``code`` is stored in ``Case.case_type`` and is also the default reference prefix.
    ``processing_days`` (working days) sets the due date when a case is filed; ``None`` means
    the area sets due dates itself. ``detail_template`` is included on the case page with
    ``case`` and ``detail`` in its context. ``api_detail(case, user)`` returns the detail as
    a JSON-ready dict with personal data masked. ``detail_related`` names the detail row's
    foreign keys the case page shows (read with the detail row) and ``detail_prefetch``
    its related rows (each read once, however many parts of the page show them).
    """

    code: str
    label: str | Promise
    workflow: "Workflow"
    prefix: str = ""
    division_code: str = ""
    detail_model: type[models.Model] | None = None
    detail_template: str = ""
    detail_related: tuple[str, ...] = ()
    detail_prefetch: tuple[str | models.Prefetch, ...] = ()
    processing_days: int | None = None
    api_detail: Callable[["Case", Any], dict[str, Any]] | None = None
    # Shown beside the label in lists, e.g. "Missions"; optional.
    area_label: str | Promise = ""
    # Audit actions of transitions without their own are ``<audit_prefix>.<transition>``,
    # e.g. ``missions.mission.approve``; ``cases.case`` when empty.
    audit_prefix: str = ""
    # The clocks cases of this type run; a type with ``processing_days`` also runs
    # ``processing`` (the bureau's processing limit, from filing).
    clocks: tuple[ClockSpec, ...] = ()
    # Cases of this type may be filed by applicants (people and companies outside
    # government, ``waishi.applicants``) as well as agencies; such a case has no agency.
    filed_by_applicants: bool = False
    # Cases of this type are opened by the bureau itself (a directive to the counties, a task
    # from above): they have no filing agency, and no agency sees them.
    opened_by_bureau: bool = False
    # Who sees cases of this type, for a type more restricted than the kernel's rule (bureau
    # staff all, agencies their own): ``visibility(user)`` returns ``True`` (the kernel's rule
    # applies), ``False`` (none of them) or a ``Q`` on ``Case`` narrowing them. It must not
    # query: every list asks it. A type with a rule never tells the filing agency of its
    # events either (``notify.notify``).
    visibility: Callable[[Any], "bool | models.Q"] | None = None
    # When set, each opening of a case page of this type is recorded under this audit action
    # (``app.noun.verb``): sensitive cases keep a trail of who looked.
    reveal_audit_action: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def clock_specs(self) -> tuple[ClockSpec, ...]:
        """Every clock of the type, ``processing`` included where ``processing_days`` is set."""
        if self.processing_days is None or any(c.code == "processing" for c in self.clocks):
            return self.clocks
        from django.utils.translation import gettext_lazy

        processing = ClockSpec(
            code="processing",
            label=gettext_lazy("Processing limit"),
            owner="bureau",
            unit="working_days",
            length=self.processing_days,
        )
        return (*self.clocks, processing)

    @property
    def reference_prefix(self) -> str:
        return self.prefix or self.code

    def audit_action(self, transition: "Transition") -> str:
        """The audit action a transition of this type writes (``app.noun.verb``)."""
        if transition.audit_action:
            return transition.audit_action
        return f"{self.audit_prefix or 'cases.case'}.{transition.name}"

    def detail_relation(self) -> Any:
        """The ``Case`` side of this type's one-to-one detail row (``None`` without one)."""
        return None if self.detail_model is None else _relation_to_case(self.detail_model)

    def detail_accessor(self) -> str | None:
        """The attribute of ``Case`` holding this type's one-to-one detail row."""
        relation = self.detail_relation()
        return None if relation is None else relation.get_accessor_name()  # type: ignore[no-any-return]

    def get_detail(self, case: "Case") -> models.Model | None:
        """The case's detail row, or ``None`` when the type has none (or it is missing)."""
        accessor = self.detail_accessor()
        if accessor is None:
            return None
        return getattr(case, accessor, None)


@functools.cache
def _relation_to_case(detail_model: type[models.Model]) -> Any:
    """The reverse side of ``detail_model``'s one-to-one field to ``Case`` (looked up once)."""
    from .models import Case

    for model_field in detail_model._meta.get_fields():
        if isinstance(model_field, models.OneToOneField) and model_field.related_model is Case:
            return model_field.remote_field
    raise LookupError(f"{detail_model} has no one-to-one field to cases.Case")


_case_types: dict[str, CaseType] = {}

PersonSearch = Callable[[str], Iterable[int] | models.QuerySet[Any]]
_person_searches: list[PersonSearch] = []


class UnknownCaseType(LookupError):
    pass


_generation = [0]


def register_case_type(case_type: CaseType) -> CaseType:
    """Make ``case_type`` known to the kernel (idempotent for the same object)."""
    existing = _case_types.get(case_type.code)
    if existing is not None and existing is not case_type and existing != case_type:
        raise ValueError(f"Case type {case_type.code} is registered twice")
    if existing is not case_type:
        _case_types[case_type.code] = case_type
        _generation[0] += 1
    return case_type


def unregister_case_type(code: str) -> None:
    """Forget a case type (tests register their own demo type and remove it afterwards)."""
    if _case_types.pop(code, None) is not None:
        _generation[0] += 1


def registry_generation() -> int:
    """A number that changes whenever a case type is registered or forgotten (for memos)."""
    return _generation[0]


def get_case_type(code: str) -> CaseType:
    try:
        return _case_types[code]
    except KeyError:
        raise UnknownCaseType(code) from None


def restricted_case_types() -> list[CaseType]:
    """The registered types that narrow who sees their cases (``CaseType.visibility``)."""
    return [kind for kind in case_types() if kind.visibility is not None]


def case_types() -> list[CaseType]:
    """Every registered type, by code."""
    return [_case_types[code] for code in sorted(_case_types)]


def register_person_search(search: PersonSearch) -> PersonSearch:
    """Add a hook that maps a person's name to the ids of cases naming that person.

    The hook should return a ``values_list("case_id", flat=True)`` queryset filtered on an
    indexed column (an exact or prefix match on a name, or a blind index), so the inbox can
    use it as a subquery; it must not scan its whole table.
    """
    if search not in _person_searches:
        _person_searches.append(search)
    return search


def unregister_person_search(search: PersonSearch) -> None:
    if search in _person_searches:
        _person_searches.remove(search)


def person_searches() -> list[PersonSearch]:
    return list(_person_searches)
