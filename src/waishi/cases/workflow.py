"""The workflow engine's vocabulary: states, transitions, and the checks before a transition.

An area app declares its whole case life in its own ``workflow.py``::

    WORKFLOW = Workflow(
        states={"draft": _("Draft"), "submitted": _("Submitted"), "approved": _("Approved")},
        initial="draft",
        final={"approved"},
        transitions=[
            Transition("submit", ["draft"], "submitted", _("Submit"), may=is_case_liaison),
            Transition("approve", ["submitted"], "approved", _("Approve"),
                       may=is_division_head, guards=[budget_is_complete]),
        ],
    )

Running a transition is ``waishi.cases.actions.do_transition``; this module only answers
whether a transition may run and why not.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The kernel's refusals, importable from here as before.
from .refusals import Conflict as Conflict
from .refusals import Refused as Refused
from .refusals import TransitionRefused as TransitionRefused

if TYPE_CHECKING:
    from .models import Case

# A guard looks at the case (locked, current), who acts and what they typed, and returns the
# human-readable reasons the transition may not run now; an empty list lets it run.
Guard = Callable[["Case", Any, Mapping[str, str]], Sequence[str]]
# An effect runs inside the transition's transaction after the status has changed, for an
# area's own writes (e.g. numbering an approval document). It must not send anything.
Effect = Callable[["Case", Any, Mapping[str, str]], None]


@dataclass(frozen=True)
class Input:
    """Something the person must type to run a transition, e.g. the reason for a refusal."""

    name: str
    label: str | Promise
    required: bool = True
    multiline: bool = True
    max_length: int = 2000


REASON = Input("reason", gettext_lazy("Reason"))


@dataclass(frozen=True)
class Transition:
    """One arrow of a case's life: from any of ``sources`` to ``target``.

    ``may`` is a rules predicate (or any callable) taking ``(user, case)``. ``public`` says
    whether the timeline entry (and its reason) is shown to the agency. ``audit_action``
    defaults to the case type's ``audit_prefix`` and the name (``CaseType.audit_action``).
    ``style`` is a Bootstrap button colour. ``filing``
    marks the agency's filing with the bureau (submit, resubmit): the kernel refuses it while
    a suspension of the agency covers the case's type (``cases.standing``). ``business``
    names another kind of business the step is (``cases.constants.Business``, e.g. an
    approval), refused likewise while a suspension covers it. ``aside`` marks a step taken at
    will (withdrawing): holding it does not make the case wait for you.
    """

    name: str
    sources: Sequence[str]
    target: str
    label: str | Promise
    may: Callable[[Any, Any], bool]
    guards: Sequence[Guard] = ()
    inputs: Sequence[Input] = ()
    style: str = "primary"
    public: bool = True
    audit_action: str = ""
    effects: Sequence[Effect] = ()
    confirm: str | Promise = ""
    filing: bool = False
    # Clocks the transition starts, stops, pauses or resumes (``cases.clocks.Start`` …),
    # applied after the effects.
    clocks: Sequence[Any] = ()
    business: str = ""
    # A step someone may take at will (withdrawing) rather than one the case waits for: it
    # does not put the case in their to-do (``cases.todo``).
    aside: bool = False

    @property
    def standing_business(self) -> str:
        """The business a suspension must not cover for this step to run ("" for none)."""
        return self.business or ("filing" if self.filing else "")

    @property
    def action_name(self) -> str:
        return self.audit_action or f"cases.case.{self.name}"

    @property
    def needs_dialog(self) -> bool:
        return bool(self.inputs or self.confirm)


@dataclass(frozen=True)
class Workflow:
    """A case type's states (in display order) and its transition table."""

    states: Mapping[str, str | Promise]
    initial: str
    transitions: Sequence[Transition]
    final: frozenset[str] | set[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        names = [t.name for t in self.transitions]
        if len(names) != len(set(names)):
            raise ValueError("Transition names must be unique within a workflow")
        known = set(self.states)
        for transition in self.transitions:
            unknown = {*transition.sources, transition.target} - known
            if unknown:
                raise ValueError(f"Transition {transition.name} uses unknown states {unknown}")
        if self.initial not in known or not set(self.final) <= known:
            raise ValueError("Initial and final states must be declared states")

    def transition(self, name: str) -> Transition:
        for transition in self.transitions:
            if transition.name == name:
                return transition
        raise KeyError(name)

    def state_label(self, state: str) -> str | Promise:
        return self.states.get(state, state)

    def is_final(self, state: str) -> bool:
        return state in self.final

    def from_state(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def mermaid(self) -> str:
        """The state diagram as Mermaid ``stateDiagram-v2`` text, labels in the active language."""
        lines = ["stateDiagram-v2"]
        for state, label in self.states.items():
            lines.append(f'    state "{_mermaid_text(label)}" as {state}')
        lines.append(f"    [*] --> {self.initial}")
        for transition in self.transitions:
            for source in transition.sources:
                lines.append(
                    f"    {source} --> {transition.target}: {_mermaid_text(transition.label)}"
                )
        for state in sorted(self.final):
            lines.append(f"    {state} --> [*]")
        return "\n".join(lines) + "\n"


def _mermaid_text(label: str | Promise) -> str:
    return str(label).replace('"', "'").replace(":", " ").replace("\n", " ")


def may_act(user: Any, case: "Case", transition: Transition) -> bool:
    """Whether ``user`` holds the right to run ``transition`` on ``case`` (state ignored)."""
    from .permissions import can_work_on_case

    return bool(can_work_on_case(user, case) and transition.may(user, case))


def check_transition(
    case: "Case", transition: Transition, user: Any, inputs: Mapping[str, str] | None = None
) -> list[str]:
    """Every reason ``transition`` may not run now, after the permission check passed."""
    reasons: list[str] = []
    if case.status not in transition.sources:
        reasons.append(
            _("“%(action)s” is not possible while the case is “%(status)s”.")
            % {"action": transition.label, "status": case.status_label}
        )
        return reasons
    values = inputs or {}
    for spec in transition.inputs:
        value = (values.get(spec.name) or "").strip()
        if spec.required and not value:
            reasons.append(_("Please fill in “%(field)s”.") % {"field": spec.label})
        elif len(value) > spec.max_length:
            reasons.append(
                _("“%(field)s” may have at most %(limit)d characters.")
                % {"field": spec.label, "limit": spec.max_length}
            )
    if transition.standing_business:
        from .standing import suspension_reasons

        reasons.extend(
            suspension_reasons(case.agency_id, case.case_type, transition.standing_business)
        )
    from .contrib import contributed_guards

    for guard in [*transition.guards, *contributed_guards(case.case_type, transition.name)]:
        reasons.extend(str(r) for r in guard(case, user, values))
    return reasons


def available_transitions(case: "Case", user: Any) -> list[Transition]:
    """The transitions ``user`` may start on ``case`` now (guards are checked on running)."""
    workflow = case.case_type_obj.workflow
    return [t for t in workflow.from_state(case.status) if may_act(user, case, t)]
