"""Clocks: the named time limits of a case, on the holiday calendar.

A case type declares its clocks (``ClockSpec`` in ``CaseType.clocks``): a name, who must act,
the unit, and the length — a number, or a rule of the rules engine whose value is the number.
Transitions start, pause, resume, restart and stop them declaratively
(``Transition(clocks=[Start("report"), Stop("processing")])``); an area's effect that needs a
start date of its own (the day of return) calls ``start_clock`` here. External steps run a
clock each for the answer they wait on. The kernel stops every clock when a case closes.

Every change is written inside the caller's transaction: the clock row, a timeline entry
(facts only; each reader sees it in their own language), and the case's ``due_date`` and
``due_owner``, which repeat the nearest running clock for lists. Areas never write those two
fields themselves.

Reminders (``sweep_clocks``): before the due date (``remind_before`` working days), on it, and
after it (escalation, repeated every ``repeat_overdue`` working days when the type asks for
it), to the people of the clock's owner: the agency's liaison officers, signatories and
county officers, the applicant, or the bureau's assignee (else the division's officers), the
division head joining on escalation. Each clock keeps the day its next reminder is due, so the
sweep reads one index; a ``ClockReminder`` row unique per (clock, level, due date, sequence)
makes each reminder go out once however many machines sweep at the same moment, and each clock
is claimed with ``SELECT … FOR UPDATE SKIP LOCKED``.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.accounts.constants import Role
from waishi.audit.actions import log_action
from waishi.core.workdays import add_months, add_workdays, is_workday, workdays_between

from .constants import ClockOwner, ClockState, ClockUnit, EntryKind, ReminderLevel
from .models import Case, Clock, ClockReminder, TimelineEntry
from .notify import CaseEvent, notify
from .registry import ClockSpec

BATCH = 200
STEP_PREFIX = "step-"


class UnknownClock(LookupError):
    pass


# The declarative changes a transition makes to clocks (``Transition.clocks``).
@dataclass(frozen=True)
class ClockChange:
    code: str
    op: str


def Start(code: str) -> ClockChange:
    """Start the clock (again from its full length when it ran before)."""
    return ClockChange(code, "start")


def Stop(code: str) -> ClockChange:
    """The clock's owner has done what was due: the clock is met."""
    return ClockChange(code, "stop")


def Pause(code: str) -> ClockChange:
    return ClockChange(code, "pause")


def Resume(code: str) -> ClockChange:
    return ClockChange(code, "resume")


# Starting a clock that runs starts it over from its full length (e.g. when more material
# was asked for): ``Restart`` reads better in such a transition.
Restart = Start


STEP_SPEC = ClockSpec(
    code=STEP_PREFIX,
    label=gettext_lazy("Answer from an outside body"),
    owner=ClockOwner.OUTSIDE,
    unit=ClockUnit.DAYS,
)


# The due day a case worker sets by hand on the case's header.
MANUAL = "manual"
MANUAL_SPEC = ClockSpec(
    code=MANUAL,
    label=gettext_lazy("Deadline set by the division"),
    owner=ClockOwner.BUREAU,
    unit=ClockUnit.DAYS,
)


def spec_of(case: Case, code: str) -> ClockSpec:
    """The declaration of clock ``code`` of the case's type (``UnknownClock`` if none)."""
    if code.startswith(STEP_PREFIX):
        return STEP_SPEC
    if code == MANUAL:
        return MANUAL_SPEC
    for spec in case.case_type_obj.clock_specs():
        if spec.code == code:
            return spec
    raise UnknownClock(f"{case.case_type} has no clock {code}")


def clock_length(spec: ClockSpec, on: datetime.date) -> tuple[int | None, int | None]:
    """The clock's length on ``on`` and the id of the rule it came from (``None``: fixed)."""
    if not spec.rule_code:
        return spec.length, None
    from .rule_engine import load_rulebook

    found = load_rulebook(spec.rule_area, on).get(spec.rule_code)
    if found is None:
        return spec.length, None
    value = found.value
    if spec.rule_key and isinstance(value, dict):
        value = value.get(spec.rule_key)
    try:
        return int(value), found.id
    except (TypeError, ValueError):
        return spec.length, None


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


def _next_workday(day: datetime.date) -> datetime.date:
    while not is_workday(day):
        day += datetime.timedelta(days=1)
    return day


def compute_due(
    start: datetime.datetime, length: int, unit: str, *, roll: bool = False
) -> tuple[datetime.datetime, datetime.date]:
    """When a clock of ``length`` ``unit`` started at ``start`` runs out (moment and day).

    The start day is not counted ("within 5 working days of receipt"). Calendar days and
    months ending on a holiday move to the next working day when ``roll`` is set.
    """
    if unit == ClockUnit.HOURS:
        due_at = start + datetime.timedelta(hours=length)
        return due_at, timezone.localtime(due_at).date()
    day = timezone.localtime(start).date()
    if unit == ClockUnit.WORKING_DAYS:
        due = add_workdays(day, length)
    elif unit == ClockUnit.MONTHS:
        due = add_months(day, length)
    else:
        due = day + datetime.timedelta(days=length)
    if roll:
        due = _next_workday(due)
    return _end_of(due), due


def _start_moment(
    at: datetime.datetime | None, start_on: datetime.date | None
) -> datetime.datetime:
    if start_on is not None:
        return timezone.make_aware(datetime.datetime.combine(start_on, datetime.time(0, 0)))
    return at or timezone.now()


def _entry(case: Case, clock: Clock, event: str, actor: Any, text: str = "") -> None:
    TimelineEntry.objects.create(
        case=case,
        kind=EntryKind.CLOCK,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        is_public=clock.owner != ClockOwner.BUREAU or event in ("started", "met"),
        text=text,
        changes={
            "clock": clock.code,
            "event": event,
            "owner": clock.owner,
            "due_date": clock.due_date.isoformat(),
            "length": clock.length,
            "unit": clock.unit,
        },
    )


def _arm(clock: Clock, spec: ClockSpec) -> None:
    """Set the clock's first reminder: ``remind_before`` working days ahead, or on the day."""
    if spec.remind_before <= 0:
        clock.next_reminder_on, clock.reminder_level = clock.due_date, ""
        return
    clock.next_reminder_on = add_workdays(clock.due_date, -spec.remind_before)
    clock.reminder_level = ReminderLevel.DUE_SOON


def start_clock(
    case: Case,
    code: str,
    *,
    actor: Any = None,
    at: datetime.datetime | None = None,
    start_on: datetime.date | None = None,
    length: int | None = None,
    due_on: datetime.date | None = None,
    step: Any = None,
    reason: str = "",
    record: bool = True,
) -> Clock:
    """Start clock ``code`` (from ``start_on`` or now), or start it over if it ran before.

    Its length comes from the type's declaration (a rule in force on the start day, else the
    declared number) unless ``length`` is given; ``due_on`` sets the due day outright (a date
    agreed or entered). Runs in the caller's transaction. ``record=False`` writes no timeline
    entry of its own (the caller's entry already says it, as an external step's does).
    """
    spec = spec_of(case, code)
    start = _start_moment(at, start_on)
    rule_id = None
    if due_on is not None:
        due_at, due_date = _end_of(due_on), due_on
    else:
        if length is None:
            length, rule_id = clock_length(spec, timezone.localtime(start).date())
        if length is None:
            raise UnknownClock(f"clock {code} of {case.case_type} has no length")
        due_at, due_date = compute_due(start, length, spec.unit, roll=spec.roll_to_workday)
    clock = Clock.objects.filter(case_id=case.pk, code=code).first()
    event = "started"
    if clock is None:
        clock = Clock(case_id=case.pk, code=code, owner=spec.owner)
    else:
        event = "restarted" if clock.is_live else "started"
        clock.restarts += 1 if clock.is_live else 0
    clock.owner = spec.owner
    clock.length = length if due_on is None else None
    clock.unit = spec.unit if due_on is None else ""
    clock.rule_id = rule_id
    clock.step = step
    clock.started_at = start
    clock.due_at, clock.due_date = due_at, due_date
    clock.state = ClockState.RUNNING
    clock.paused_at = clock.ended_at = None
    _arm(clock, spec)
    clock.save()
    if record:
        _entry(case, clock, event, actor, reason)
    refresh_due(case)
    return clock


def _live(case: Case, code: str) -> Clock | None:
    return (
        Clock.objects.select_for_update()
        .filter(case_id=case.pk, code=code, state__in=(ClockState.RUNNING, ClockState.PAUSED))
        .first()
    )


def stop_clock(
    case: Case,
    code: str,
    *,
    actor: Any = None,
    at: datetime.datetime | None = None,
    met: bool = True,
    reason: str = "",
    record: bool = True,
) -> Clock | None:
    """End clock ``code``: met (its owner did what was due) or stopped (no longer needed)."""
    clock = _live(case, code)
    if clock is None:
        return None
    clock.state = ClockState.MET if met else ClockState.STOPPED
    clock.ended_at = at or timezone.now()
    clock.next_reminder_on = None
    clock.save(update_fields=["state", "ended_at", "next_reminder_on", "updated_at"])
    if record:
        _entry(case, clock, "met" if met else "stopped", actor, reason)
    refresh_due(case)
    return clock


def pause_clock(
    case: Case,
    code: str,
    *,
    actor: Any = None,
    at: datetime.datetime | None = None,
    record: bool = True,
) -> Clock | None:
    """Stop the clock counting until it is resumed (e.g. while the agency completes material)."""
    clock = _live(case, code)
    if clock is None or clock.state == ClockState.PAUSED:
        return clock
    clock.state = ClockState.PAUSED
    clock.paused_at = at or timezone.now()
    clock.save(update_fields=["state", "paused_at", "updated_at"])
    if record:
        _entry(case, clock, "paused", actor)
    refresh_due(case)
    return clock


def resume_clock(
    case: Case,
    code: str,
    *,
    actor: Any = None,
    at: datetime.datetime | None = None,
    record: bool = True,
) -> Clock | None:
    """Count on from where the clock was paused: the time left is the time it had left."""
    clock = _live(case, code)
    if clock is None or clock.state != ClockState.PAUSED or clock.paused_at is None:
        return clock
    spec = spec_of(case, code)
    now = at or timezone.now()
    paused_day = timezone.localtime(clock.paused_at).date()
    today = timezone.localtime(now).date()
    if clock.unit == ClockUnit.WORKING_DAYS:
        left = workdays_between(paused_day, clock.due_date)
        clock.due_date = add_workdays(today, left)
        clock.due_at = _end_of(clock.due_date)
    elif clock.unit == ClockUnit.HOURS:
        clock.due_at += now - clock.paused_at
        clock.due_date = timezone.localtime(clock.due_at).date()
    else:
        clock.due_date += today - paused_day
        if spec.roll_to_workday:
            clock.due_date = _next_workday(clock.due_date)
        clock.due_at = _end_of(clock.due_date)
    clock.state = ClockState.RUNNING
    clock.paused_at = None
    _arm(clock, spec)
    clock.save()
    if record:
        _entry(case, clock, "resumed", actor)
    refresh_due(case)
    return clock


def move_clock(
    case: Case,
    code: str,
    *,
    due_on: datetime.date,
    actor: Any = None,
    reason: str = "",
    record: bool = True,
) -> Clock | None:
    """Give a live clock a new due day (the trip's dates changed; an extension was granted)."""
    clock = _live(case, code)
    if clock is None or clock.due_date == due_on:
        return clock
    spec = spec_of(case, code)
    clock.due_date, clock.due_at = due_on, _end_of(due_on)
    if clock.is_running:
        _arm(clock, spec)
    clock.save()
    if record:
        _entry(case, clock, "moved", actor, reason)
    refresh_due(case)
    return clock


def stop_all(case: Case, *, actor: Any = None) -> int:
    """Stop every live clock of a case that has closed (nothing is owed any more)."""
    count = 0
    for clock in Clock.objects.filter(
        case_id=case.pk, state__in=(ClockState.RUNNING, ClockState.PAUSED)
    ):
        clock.state = ClockState.STOPPED
        clock.ended_at = timezone.now()
        clock.next_reminder_on = None
        clock.save(update_fields=["state", "ended_at", "next_reminder_on", "updated_at"])
        count += 1
    if count:
        refresh_due(case)
    return count


def apply_changes(case: Case, changes: Iterable[ClockChange], actor: Any) -> None:
    """Run a transition's declared clock changes (inside its transaction).

    The transition's own timeline entry says what happened; the clocks write none of their
    own, and the case page shows where each clock stands.
    """
    for change in changes:
        if change.op == "start":
            start_clock(case, change.code, actor=actor, record=False)
        elif change.op == "stop":
            stop_clock(case, change.code, actor=actor, record=False)
        elif change.op == "pause":
            pause_clock(case, change.code, actor=actor, record=False)
        elif change.op == "resume":
            resume_clock(case, change.code, actor=actor, record=False)


def set_manual_due(
    case: Case, due_on: datetime.date | None, *, actor: Any = None, record: bool = False
) -> None:
    """Set (or, with ``None``, clear) the deadline a case worker gives the case by hand.

    The header's own timeline entry records the change; ``record`` adds the clock's.
    """
    if due_on is None:
        stop_clock(case, MANUAL, actor=actor, met=False, record=record)
        return
    if _live(case, MANUAL) is not None:
        move_clock(case, MANUAL, due_on=due_on, actor=actor, record=record)
    else:
        start_clock(case, MANUAL, due_on=due_on, actor=actor, record=record)


def manual_due(case: Case) -> datetime.date | None:
    """The deadline set by hand, if one is running."""
    return (
        Clock.objects.filter(
            case_id=case.pk, code=MANUAL, state__in=(ClockState.RUNNING, ClockState.PAUSED)
        )
        .values_list("due_date", flat=True)
        .first()
    )


def refresh_due(case: Case) -> None:
    """Repeat the nearest running clock on the case (``due_date``, ``due_owner``) for lists."""
    nearest = (
        Clock.objects.filter(case_id=case.pk, state=ClockState.RUNNING)
        .order_by("due_date", "due_at", "id")
        .values("due_date", "owner")
        .first()
    )
    due = nearest["due_date"] if nearest else None
    owner = nearest["owner"] if nearest else ""
    if case.due_date != due or case.due_owner != owner:
        Case.objects.filter(pk=case.pk).update(due_date=due, due_owner=owner)
        case.due_date, case.due_owner = due, owner


# What the case page shows.


@dataclass
class ClockView:
    clock: Clock
    label: str | Promise
    owner_label: str | Promise
    days_left: int | None  # working days from today to the due day (negative: overdue)
    overdue: bool

    @property
    def state(self) -> str:
        return self.clock.state

    @property
    def overdue_days(self) -> int:
        """Working days since the due day (at least 1 once overdue)."""
        return max(-(self.days_left or 0), 1)


def clock_label(case: Case, clock: Clock) -> str | Promise:
    if clock.step_id is not None and clock.step is not None:
        return _("Answer from %(body)s") % {"body": clock.step.body_label}
    try:
        return spec_of(case, clock.code).label
    except UnknownClock:
        return clock.code


def clocks_of(
    case: Case, *, staff: bool = True, today: datetime.date | None = None
) -> list[ClockView]:
    """The case's clocks for its page: live ones first by due day, then ended ones (1 query).

    The agency does not see the deadline the division set itself.
    """
    today = today or timezone.localdate()
    query = Clock.objects.filter(case_id=case.pk).select_related("step", "rule")
    if not staff:
        query = query.exclude(code=MANUAL)
    rows = list(query)
    rows.sort(key=lambda c: (not c.is_live, c.due_date, c.pk))
    views = []
    for clock in rows:
        left = workdays_between(today, clock.due_date) if clock.is_live else None
        views.append(
            ClockView(
                clock=clock,
                label=clock_label(case, clock),
                owner_label=ClockOwner(clock.owner).label,
                days_left=left,
                overdue=clock.is_running and clock.due_date < today,
            )
        )
    return views


# Reminders.


@dataclass
class SweepResult:
    reminded: int = 0
    escalated: int = 0


def _people(**filters: Any) -> list[int]:
    return list(
        get_user_model()
        .objects.filter(is_active=True, **filters)
        .values_list("pk", flat=True)
        .distinct()
    )


def _bureau_people(case: Case) -> list[int]:
    if case.assignee_id:
        return [case.assignee_id]
    if case.division_id is None:
        return []
    return _people(division_id=case.division_id, role_grants__role=Role.DIVISION_OFFICER)


def recipients(case: Case, clock: Clock, level: str) -> list[int]:
    """Who hears of a clock's reminder: the owner's people; the division head on escalation."""
    if clock.owner == ClockOwner.AGENCY:
        people = _people(
            agency_id=case.agency_id,
            role_grants__role__in=(
                Role.LIAISON_OFFICER,
                Role.AGENCY_SIGNATORY,
                Role.COUNTY_OFFICER,
            ),
        )
        if level == ReminderLevel.OVERDUE:
            people += _bureau_people(case)
    elif clock.owner == ClockOwner.APPLICANT:
        people = [case.created_by_id] if case.created_by_id else []
    else:
        people = _bureau_people(case)
    if level == ReminderLevel.OVERDUE and case.division_id is not None:
        people += _people(division_id=case.division_id, role_grants__role=Role.DIVISION_HEAD)
    return list(dict.fromkeys(people))


def _next_after(
    clock: Clock, spec: ClockSpec, level: str, today: datetime.date
) -> tuple[str, datetime.date | None]:
    """The reminder that follows ``level`` and the day it is due (``None``: no more)."""
    if level == ReminderLevel.DUE_SOON:
        return ReminderLevel.DUE_TODAY, clock.due_date
    if level == ReminderLevel.DUE_TODAY:
        return ReminderLevel.OVERDUE, clock.due_date + datetime.timedelta(days=1)
    if spec.repeat_overdue > 0:
        return ReminderLevel.OVERDUE, add_workdays(today, spec.repeat_overdue)
    return "", None


def _level_now(clock: Clock, today: datetime.date) -> str:
    """The level a clock's pending reminder has on ``today`` (a late sweep skips ahead)."""
    if clock.due_date < today:
        return ReminderLevel.OVERDUE
    if clock.due_date == today:
        return ReminderLevel.DUE_TODAY
    return ReminderLevel.DUE_SOON


def _remind(clock: Clock, today: datetime.date) -> str:
    """Send the clock's pending reminder; the level sent, or "" if another sweep did."""
    case = clock.case
    spec = spec_of(case, clock.code)
    level = _level_now(clock, today)
    sequence = (
        ClockReminder.objects.filter(clock=clock, level=level, due_date=clock.due_date).count() + 1
    )
    try:
        with transaction.atomic():
            ClockReminder.objects.create(
                clock=clock, level=level, due_date=clock.due_date, sequence=sequence
            )
    except IntegrityError:
        return ""
    next_level, next_on = _next_after(clock, spec, level, today)
    clock.reminder_level, clock.next_reminder_on = next_level, next_on
    clock.save(update_fields=["reminder_level", "next_reminder_on", "updated_at"])
    label = clock_label(case, clock)
    due = clock.due_date.isoformat()
    TimelineEntry.objects.create(
        case=case,
        kind=EntryKind.REMINDER,
        is_public=clock.owner != ClockOwner.BUREAU,
        changes={
            "level": level,
            "due_date": due,
            "clock": clock.code,
            "owner": clock.owner,
            "sequence": sequence,
        },
    )
    kind = "escalation" if level == ReminderLevel.OVERDUE else "reminder"
    log_action(
        action=f"cases.case.{kind}",
        obj=case,
        after={"level": level, "due_date": due, "clock": clock.code, "sequence": sequence},
        actor_label="sweep_clocks",
    )
    event = CaseEvent(
        kind=kind,
        case=case,
        recipients=tuple(recipients(case, clock, level)),
        due=clock.due_date,
        subject=label,
    )
    notify(event)
    return level


def sweep_clocks(*, today: datetime.date | None = None) -> SweepResult:
    """Send every clock reminder due by ``today``; safe to run anywhere, any time."""
    today = today or timezone.localdate()
    result = SweepResult()
    while True:
        with transaction.atomic():
            batch = list(
                Clock.objects.filter(
                    state=ClockState.RUNNING,
                    next_reminder_on__isnull=False,
                    next_reminder_on__lte=today,
                )
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("case", "step")
                .order_by("next_reminder_on", "id")[:BATCH]
            )
            sent = [_remind(clock, today) for clock in batch]
        result.escalated += sum(1 for level in sent if level == ReminderLevel.OVERDUE)
        result.reminded += sum(1 for level in sent if level and level != ReminderLevel.OVERDUE)
        if len(batch) < BATCH or not any(sent):
            break
    return result


# The timeline.

_EVENTS = {
    "started": gettext_lazy("%(clock)s: due %(due)s; %(owner)s must act."),
    "restarted": gettext_lazy("%(clock)s started over: due %(due)s; %(owner)s must act."),
    "paused": gettext_lazy("%(clock)s paused."),
    "resumed": gettext_lazy("%(clock)s counting again: due %(due)s."),
    "moved": gettext_lazy("%(clock)s moved: due %(due)s."),
    "met": gettext_lazy("%(clock)s done."),
    "stopped": gettext_lazy("%(clock)s stopped."),
}
_REMINDERS: dict[str, Any] = {
    ReminderLevel.DUE_SOON: gettext_lazy("Reminder: %(clock)s due on %(due)s (%(owner)s)."),
    ReminderLevel.DUE_TODAY: gettext_lazy("Reminder: %(clock)s due today (%(owner)s)."),
    ReminderLevel.OVERDUE: gettext_lazy(
        "%(clock)s overdue since %(due)s (%(owner)s); escalated to the division head."
    ),
}


def describe_entry(case_type: str, kind: str, changes: Any) -> str:
    """A clock's or reminder's timeline entry as a sentence in the reader's language."""
    from .registry import UnknownCaseType, get_case_type

    if not isinstance(changes, dict):
        return ""
    code = str(changes.get("clock") or "")
    label: Any = code
    if code.startswith(STEP_PREFIX):
        label = STEP_SPEC.label
    elif code == MANUAL:
        label = MANUAL_SPEC.label
    elif code:
        try:
            specs = get_case_type(case_type).clock_specs()
        except UnknownCaseType:
            specs = ()
        label = next((spec.label for spec in specs if spec.code == code), code)
    else:
        label = gettext_lazy("The case")
    try:
        owner: Any = ClockOwner(str(changes.get("owner") or "bureau")).label
    except ValueError:
        owner = changes.get("owner", "")
    values = {"clock": label, "due": changes.get("due_date", ""), "owner": owner}
    if kind == EntryKind.REMINDER:
        template = _REMINDERS.get(str(changes.get("level")), _REMINDERS[ReminderLevel.DUE_SOON])
    else:
        template = _EVENTS.get(str(changes.get("event")), _EVENTS["started"])
    return str(template) % {k: str(v) for k, v in values.items()}
