"""Reminders before a case's due date and escalation once it is overdue.

``sweep_deadlines`` may run on several machines at the same moment (cron on every web host,
or a task worker): each case is claimed with ``SELECT … FOR UPDATE SKIP LOCKED`` so two
sweeps never work on the same case at once, and a ``ReminderMark`` per (case, level, due
date) — unique in the database — makes each reminder go out once only, however often the
sweep runs. On SQLite the sweep's transaction holds the database's write lock instead.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.accounts.constants import Role
from waishi.audit.actions import log_action
from waishi.core.workdays import add_workdays

from .constants import EntryKind, ReminderLevel
from .models import Case, ReminderMark, TimelineEntry
from .notify import CaseEvent, notify

BATCH = 200


@dataclass
class SweepResult:
    reminded: int = 0
    escalated: int = 0


def remind_days() -> int:
    """Working days before the due date when the assignee gets a reminder."""
    return int(getattr(settings, "WAISHI_CASES_REMIND_WORKDAYS", 2))


def division_heads(division_id: int | None) -> list[int]:
    if division_id is None:
        return []
    return list(
        get_user_model()
        .objects.filter(
            division_id=division_id, is_active=True, role_grants__role=Role.DIVISION_HEAD
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def _candidates(level: str, today: datetime.date) -> Any:
    cases = Case.objects.filter(is_open=True, due_date__isnull=False)
    if level == ReminderLevel.OVERDUE:
        cases = cases.filter(due_date__lt=today)
    else:
        cases = cases.filter(due_date__gte=today, due_date__lte=add_workdays(today, remind_days()))
    # Cases already handled for this due date are skipped in the database, not in Python.
    done = ReminderMark.objects.filter(
        case_id=OuterRef("pk"), level=level, due_date=OuterRef("due_date")
    )
    return cases.exclude(Exists(done))


def _handle(case: Case, level: str) -> bool:
    """Mark, record and announce one reminder; False if another sweep already did it."""
    try:
        with transaction.atomic():
            ReminderMark.objects.create(case=case, level=level, due_date=case.due_date)  # type: ignore[misc]
    except IntegrityError:
        return False
    due = case.due_date.isoformat() if case.due_date else ""
    if level == ReminderLevel.OVERDUE:
        text = _("Overdue since %(due)s; escalated to the division head.") % {"due": due}
        recipients = division_heads(case.division_id)
        if case.assignee_id:
            recipients = [*recipients, case.assignee_id]
        kind = "escalation"
    else:
        text = _("Due on %(due)s.") % {"due": due}
        recipients = [case.assignee_id] if case.assignee_id else division_heads(case.division_id)
        kind = "reminder"
    # The entry keeps the facts, not the sentence: each reader sees it in their own language.
    TimelineEntry.objects.create(
        case=case,
        kind=EntryKind.REMINDER,
        is_public=False,
        changes={"level": level, "due_date": due},
    )
    log_action(
        action=f"cases.case.{kind}",
        obj=case,
        after={"level": level, "due_date": due},
        actor_label="sweep_deadlines",
    )
    event = CaseEvent(kind=kind, case=case, text=text, recipients=tuple(dict.fromkeys(recipients)))
    transaction.on_commit(lambda: notify(event))
    return True


def sweep_deadlines(*, today: datetime.date | None = None) -> SweepResult:
    """Send every reminder and escalation that is due now; safe to run anywhere, any time."""
    today = today or timezone.localdate()
    result = SweepResult()
    for level in (ReminderLevel.DUE_SOON, ReminderLevel.OVERDUE):
        while True:
            with transaction.atomic():
                batch = list(
                    _candidates(level, today)
                    .select_for_update(skip_locked=True)
                    .order_by("due_date", "id")[:BATCH]
                )
                handled = sum(_handle(case, level) for case in batch)
            if level == ReminderLevel.OVERDUE:
                result.escalated += handled
            else:
                result.reminded += handled
            if len(batch) < BATCH or handled == 0:
                break
    return result
