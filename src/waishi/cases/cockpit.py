"""The leaders' cockpit: one screen per leader for their portfolio, fed by registries.

A leader sees what waits for them (the to-do, ``cases.todo``, with each case's nearest clock),
what is at risk (running clocks near or past their due day and external steps overdue), this
year's cases by type against last year's, and the panels areas register here
(``register_cockpit_panel``) — the newest incidents, the newest briefs — without the kernel
naming them. The **scope** is the leader's portfolio as ``accounts.Leader.divisions`` records
it: the Director General (a leader in charge of no division) sees the whole bureau, each
deputy their divisions; a division head sees their division.

Every part reads a fixed number of rows with a fixed number of queries, whatever the number
of cases: the page's budget is asserted in ``directives/tests/test_cockpit.py``. A panel's
``load(scope)`` must keep to that too (one query is the rule).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from waishi.accounts.constants import Role
from waishi.core.workdays import add_workdays

from .constants import ClockState, StepStatus
from .models import Case, Clock, ExternalStep
from .querysets import visible_to
from .todo import todo_cases

# How many rows each list shows; the inbox holds the rest.
ROWS = 12
# A running clock due within this many working days is "at risk" (a display threshold, not a
# rule of the business: nothing is refused by it).
RISK_WORKDAYS = 3


@dataclass
class Scope:
    """Whose cockpit, and which divisions it covers (``division_ids`` ``None``: the bureau)."""

    user: Any
    division_ids: tuple[int, ...] | None
    divisions: list[Any] = field(default_factory=list)
    leader: Any = None

    @property
    def whole_bureau(self) -> bool:
        return self.division_ids is None

    def cases(self, queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
        """The cases of the scope the user may see (``visible_to`` applied)."""
        cases = visible_to(self.user, queryset)
        if self.division_ids is not None:
            cases = cases.filter(division_id__in=self.division_ids)
        return cases


@dataclass(frozen=True)
class CockpitPanel:
    """A panel an area adds to the cockpit: ``load(scope)`` returns what ``template`` shows
    (as ``panel_data``), with a fixed number of queries (one is the rule)."""

    key: str
    title: str | Promise
    template: str
    load: Callable[[Scope], Any]
    permission: str = ""
    order: int = 100


_panels: dict[str, CockpitPanel] = {}


def register_cockpit_panel(panel: CockpitPanel) -> CockpitPanel:
    """Add (or replace, on reload) a panel under its key; called from ``AppConfig.ready``."""
    _panels[panel.key] = panel
    return panel


def withdraw_cockpit_panel(key: str) -> None:
    _panels.pop(key, None)


def cockpit_panels(user: Any) -> list[CockpitPanel]:
    """The registered panels ``user`` may see, in order."""
    return sorted(
        (p for p in _panels.values() if not p.permission or user.has_perm(p.permission)),
        key=lambda p: (p.order, p.key),
    )


def scope_of(user: Any) -> Scope | None:
    """The cockpit's scope for ``user``: ``None`` for people who have none (not a leader or
    a division head). Two queries for a leader (their profile, their divisions), one for a
    division head (their division)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.has_role(Role.BUREAU_LEADER):
        from waishi.accounts.models import Leader

        leader = Leader.objects.filter(user=user).first()
        divisions = list(leader.divisions.order_by("sort_order", "pk")) if leader else []
        if not divisions:
            # The Director General (in charge of no division in particular) sees the bureau.
            return Scope(user, None, [], leader)
        return Scope(user, tuple(d.pk for d in divisions), divisions, leader)
    if user.has_role(Role.DIVISION_HEAD) and user.division_id is not None:
        from waishi.accounts.models import Division

        division = Division.objects.get(pk=user.division_id)
        return Scope(user, (division.pk,), [division])
    return None


@dataclass
class WaitingRow:
    case: Case
    transitions: list[Any]


def waiting(scope: Scope) -> list[WaitingRow]:
    """What waits for the person, nearest due first, with the steps they may take (1 query)."""
    from .workflow import available_transitions

    cases = todo_cases(scope.user)
    if scope.division_ids is not None:
        cases = cases.filter(division_id__in=scope.division_ids)
    rows = list(
        cases.select_related("agency", "division").order_by(
            F("due_date").asc(nulls_last=True), "-updated_at", "-pk"
        )[:ROWS]
    )
    return [
        WaitingRow(case, [t for t in available_transitions(case, scope.user) if not t.aside])
        for case in rows
    ]


def clocks_at_risk(scope: Scope, today: datetime.date | None = None) -> list[Clock]:
    """Running clocks due within ``RISK_WORKDAYS`` working days or overdue (1 query)."""
    from .clocks import clock_label

    today = today or timezone.localdate()
    limit = add_workdays(today, RISK_WORKDAYS)
    clocks = list(
        Clock.objects.filter(
            state=ClockState.RUNNING,
            due_date__lte=limit,
            case__in=scope.cases(Case.objects.filter(is_open=True)),
        )
        .select_related("case", "case__division", "step")
        .order_by("due_date", "due_at", "pk")[:ROWS]
    )
    for clock in clocks:
        clock.label = clock_label(clock.case, clock)  # type: ignore[attr-defined]
        clock.overdue = clock.due_date < today  # type: ignore[attr-defined]
    return clocks


def steps_overdue(scope: Scope, today: datetime.date | None = None) -> list[ExternalStep]:
    """External steps still waiting past their due day (1 query)."""
    today = today or timezone.localdate()
    return list(
        ExternalStep.objects.filter(
            status=StepStatus.WAITING,
            due_on__lt=today,
            case__in=scope.cases(Case.objects.filter(is_open=True)),
        )
        .select_related("case")
        .order_by("due_on", "pk")[:ROWS]
    )


@dataclass
class Figure:
    case_type: str
    label: str | Promise
    this_year: int
    last_year_same: int
    last_year: int

    @property
    def change(self) -> int:
        return self.this_year - self.last_year_same


def key_figures(scope: Scope, today: datetime.date | None = None) -> list[Figure]:
    """Cases opened this year by type against the same days of last year and all of it
    (1 query)."""
    from .registry import UnknownCaseType, get_case_type

    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    start_this = datetime.datetime(today.year, 1, 1, tzinfo=tz)
    start_last = datetime.datetime(today.year - 1, 1, 1, tzinfo=tz)
    try:
        same_day = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        same_day = today.replace(year=today.year - 1, day=28)
    end_same = datetime.datetime.combine(
        same_day + datetime.timedelta(days=1), datetime.time(), tzinfo=tz
    )
    rows = (
        scope.cases(Case.objects.filter(created_at__gte=start_last))
        .values("case_type")
        .annotate(
            this_year=Count("pk", filter=Q(created_at__gte=start_this)),
            last_same=Count("pk", filter=Q(created_at__lt=end_same)),
            last_year=Count("pk", filter=Q(created_at__lt=start_this)),
        )
        .order_by("case_type")
    )
    figures = []
    for row in rows:
        try:
            label = get_case_type(row["case_type"]).label
        except UnknownCaseType:
            label = row["case_type"]
        figures.append(
            Figure(row["case_type"], label, row["this_year"], row["last_same"], row["last_year"])
        )
    figures.sort(key=lambda f: (-max(f.this_year, f.last_year), f.case_type))
    return figures


def bar_scale(figures: list[Figure]) -> int:
    """The largest number the charts show (their full width)."""
    return max([1, *(max(f.this_year, f.last_year) for f in figures)])
