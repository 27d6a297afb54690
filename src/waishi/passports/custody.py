"""The custody sweep: reminders for documents not returned, suspensions, expiries.

``sweep_custody`` may run on several machines at once: each hand-out is claimed with
``SELECT … FOR UPDATE SKIP LOCKED`` and a ``CustodyReminder`` per (hand-out, number) is
unique in the database, so no reminder goes out twice. Reminders go out on the due date and
every few days after (interval as data); once the last of them (three, as data) has gone
unheeded for a further interval, the agency is suspended through the kernel's agency standing
(``cases.standing``, source ``passports.overdue_custody``).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.cases.contrib import trip_of
from waishi.cases.models import Suspension
from waishi.core.workdays import add_workdays

from .actions import lock_agency
from .constants import CUSTODY_SOURCE, DocumentEventKind, DocumentStatus, RuleCode
from .models import CustodyReminder, DocumentEvent, HandOut, TravelDocument
from .notices import notify_reminder
from .rules import RuleValue, return_due_date, rules_on


@dataclass
class SweepResult:
    reminded: int = 0
    locked: int = 0
    expired: int = 0


def _remind(out: HandOut, today: datetime.date) -> bool:
    number = out.reminders_sent + 1
    try:
        with transaction.atomic():
            CustodyReminder.objects.create(hand_out=out, number=number, sent_on=today)
    except IntegrityError:
        return False
    HandOut.objects.filter(pk=out.pk).update(reminders_sent=number, last_reminded_on=today)
    out.reminders_sent, out.last_reminded_on = number, today
    log_action(
        action="passports.document.remind",
        obj=out.document,
        after={"receipt": out.receipt_number, "number": number, "due_date": str(out.due_date)},
        actor_label="sweep_custody",
    )
    notify_reminder(out, number)
    return True


@dataclass(frozen=True)
class Interval:
    """The time between two custody reminders: working days, or calendar days (older rules)."""

    count: int
    working: bool

    def after(self, day: datetime.date) -> datetime.date:
        if self.working:
            return add_workdays(day, self.count)
        return day + datetime.timedelta(days=self.count)


def _interval(rule: RuleValue) -> Interval:
    if "workdays" in rule.value:
        return Interval(max(int(rule.get("workdays", 3)), 1), working=True)
    return Interval(max(int(rule.get("days", 3)), 1), working=False)


def _reminder_due(out: HandOut, today: datetime.date, interval: Interval, limit: int) -> bool:
    if out.reminders_sent >= limit:
        return False
    if out.last_reminded_on is None:
        return today >= out.due_date
    return today >= interval.after(out.last_reminded_on)


def _lock_due(out: HandOut, today: datetime.date, interval: Interval, limit: int) -> bool:
    return (
        out.reminders_sent >= limit
        and out.last_reminded_on is not None
        and today >= interval.after(out.last_reminded_on)
        and today > out.due_date
    )


def sweep_custody(*, today: datetime.date | None = None) -> SweepResult:
    """Send due reminders, suspend agencies after unheeded ones, mark expired documents."""
    day = today or timezone.localdate()
    result = SweepResult()
    in_force = rules_on({RuleCode.REMINDER_INTERVAL: day, RuleCode.REMINDERS_BEFORE_LOCK: day})
    interval_rule = in_force[RuleCode.REMINDER_INTERVAL]
    limit_rule = in_force[RuleCode.REMINDERS_BEFORE_LOCK]
    interval = _interval(interval_rule)
    limit = max(int(limit_rule.get("count", 3)), 1)
    with transaction.atomic():
        candidates = list(
            HandOut.objects.filter(closed_on__isnull=True, due_date__lte=day)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("document__holder", "mission__case")
            .order_by("due_date", "id")
        )
        locked_agencies = set(
            Suspension.objects.filter(source=CUSTODY_SOURCE, lifted_at__isnull=True).values_list(
                "agency_id", flat=True
            )
        )
        for out in candidates:
            if _reminder_due(out, day, interval, limit) and _remind(out, day):
                result.reminded += 1
            elif _lock_due(out, day, interval, limit) and out.agency_id not in locked_agencies:
                reason = _(
                    "%(kind)s %(number)s of %(holder)s was due back on %(due)s and %(count)d "
                    "reminders went unheeded."
                ) % {
                    "kind": out.document.get_kind_display(),
                    "number": out.document.masked_number,
                    "holder": out.document.holder.name,
                    "due": out.due_date.isoformat(),
                    "count": out.reminders_sent,
                }
                lock_agency(
                    agency_id=out.agency_id, reason=reason, rule_id=limit_rule.rule_id, today=day
                )
                locked_agencies.add(out.agency_id)
                result.locked += 1
        expired = TravelDocument.objects.filter(
            status=DocumentStatus.IN_CUSTODY, expiry_date__lt=day
        )
        ids = list(expired.select_for_update(skip_locked=True).values_list("pk", flat=True))
        if ids:
            TravelDocument.objects.filter(pk__in=ids).update(
                status=DocumentStatus.EXPIRED, status_changed_on=day
            )
            # A sweep run for a past day never writes history before a document's last event.
            last = dict(
                DocumentEvent.objects.filter(document_id__in=ids)
                .values("document_id")
                .annotate(day=Max("on_date"))
                .values_list("document_id", "day")
            )
            DocumentEvent.objects.bulk_create(
                DocumentEvent(
                    document_id=pk,
                    kind=DocumentEventKind.EXPIRED,
                    status=DocumentStatus.EXPIRED,
                    on_date=max(day, last.get(pk) or day),
                )
                for pk in ids
            )
            log_action(
                action="passports.document.expire",
                object_type="passports.traveldocument",
                object_id=",".join(str(pk) for pk in ids[:20]),
                after={"count": len(ids)},
                actor_label="sweep_custody",
            )
        result.expired = len(ids)
    return result


def follow_trip(case: Any) -> None:
    """A mission's approved dates or its registered return move its open hand-outs' due date.

    Registered with the kernel (``cases.contrib.on_trip_changed``) for missions: the document
    is due 7 days (the rule) after the actual return once it is registered, else after the
    approved return date. A due date moved into the future starts the reminders afresh.
    """
    outs = list(
        HandOut.objects.select_for_update(of=("self",))
        .filter(mission__case_id=case.pk, closed_on__isnull=True)
        .select_related("document")
    )
    trip = trip_of(case) if outs else None
    back = trip and (trip.returned_on or trip.end)
    if not back:
        return
    due, rule = return_due_date(back)
    today = timezone.localdate()
    for out in outs:
        if out.due_date == due:
            continue
        before = out.due_date
        out.due_date, out.due_rule_id = due, rule.rule_id
        fields = ["due_date", "due_rule"]
        if due >= today and due > before:
            out.reminders_sent, out.last_reminded_on = 0, None
            fields += ["reminders_sent", "last_reminded_on"]
        out.save(update_fields=fields)
        log_action(
            action="passports.document.due_moved",
            obj=out.document,
            before={"due_date": before.isoformat()},
            after={
                "due_date": due.isoformat(),
                "receipt": out.receipt_number,
                "rule": rule.rule_id,
            },
            actor_label="trip",
        )
