"""External steps: sending part of a case to another body, recording its answer, withdrawing.

A case often waits on a body the bureau does not run — the provincial foreign-affairs office,
the Ministry of Foreign Affairs, the police, a consulate. These actions keep that record:
each runs in one transaction, writes a timeline entry (public: the agency sees which body,
sent, due and answered on, never the texts) and an audit event, checks the step's version,
and answers a repeated submission (same idempotency key) with the first result.

Only the owning division's officers and its head may act (``cases.manage_external_steps``);
the view has already checked that the actor may see the case.
"""

import datetime
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action
from waishi.core.workdays import add_workdays

from .actions import claim_idempotency_key, do_add_attachment, finish_idempotency_key
from .attachments import check_upload
from .clocks import STEP_PREFIX, start_clock, stop_clock
from .constants import DueUnit, EntryKind, StepBody, StepStatus
from .models import Case, ExternalStep, TimelineEntry
from .permissions import can_manage_external_steps, is_case_staff
from .workflow import TransitionRefused

# A due date further out than this is a typing mistake, not a deadline.
MAX_DUE_IN = 366


@dataclass(frozen=True)
class Due:
    """How the due date was asked for: a number of days in a unit, or a date."""

    unit: str
    count: int | None = None
    on: datetime.date | None = None


def due_date(sent_on: datetime.date, due: Due) -> datetime.date | None:
    """The due date of a step sent on ``sent_on`` (``TransitionRefused`` if it makes no sense).

    Working days come from the holiday calendar (``waishi.core.workdays``); the day sent is
    not counted, as in "within 10 working days of the note".
    """
    if due.unit == DueUnit.DATE:
        if due.on is None:
            return None
        if due.on < sent_on:
            raise TransitionRefused([_("The due date cannot be before the day the step was sent.")])
        return due.on
    if due.unit not in (DueUnit.WORKDAYS, DueUnit.DAYS):
        raise TransitionRefused([_("Choose how the due date is counted.")])
    if due.count is None or not 1 <= due.count <= MAX_DUE_IN:
        raise TransitionRefused(
            [_("Enter a number of days between 1 and %(max)s.") % {"max": MAX_DUE_IN}]
        )
    if due.unit == DueUnit.WORKDAYS:
        return add_workdays(sent_on, due.count)
    return sent_on + datetime.timedelta(days=due.count)


def steps_for(user: Any, case: Case) -> QuerySet[ExternalStep]:
    """The case's external steps as ``user`` may read them, oldest first (one query).

    Staff read everything; the agency reads the steps but the page shows it only the body,
    the dates and the status (``agency_view``), never what was asked or answered.
    """
    steps = ExternalStep.objects.filter(case_id=case.pk).order_by("sent_on", "id")
    if is_case_staff(user):
        return steps.select_related("sent_by", "answer_attachment")
    return steps.only(
        "id", "case_id", "body", "body_name", "sent_on", "due_on", "status", "answered_on"
    )


def _check_may(actor: Any, case: Case) -> None:
    if not can_manage_external_steps(actor, case):
        raise TransitionRefused(
            [_("You may not keep the external steps of this case.")], forbidden=True
        )


def _tell_timeline(case: Case, step: ExternalStep, actor: Any, event: str) -> None:
    """The step's public timeline entry; the case counts as changed (the inbox sorts by it)."""
    TimelineEntry.objects.create(
        case=case, kind=EntryKind.STEP, actor=actor, is_public=True, changes=_entry(step, event)
    )
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    # The answer the step waits for runs on a clock of the case (reminders, nearest due).
    code = f"{STEP_PREFIX}{step.pk}"
    if event == "sent" and step.due_on is not None:
        start_clock(
            case,
            code,
            actor=actor,
            start_on=step.sent_on,
            due_on=step.due_on,
            step=step,
            record=False,
        )
    elif event in ("answered", "withdrawn"):
        stop_clock(case, code, actor=actor, met=event == "answered", record=False)


def _replayed(earlier: Any) -> ExternalStep | None:
    """The step a repeated submission made the first time, if the key was used."""
    if earlier is None:
        return None
    step = ExternalStep.objects.filter(pk=earlier.result.get("step")).first()
    if step is not None:
        step.replayed = True  # type: ignore[attr-defined]
    return step


def _finish(actor: Any, key: str, case: Case, step: ExternalStep) -> None:
    finish_idempotency_key(actor, key, case, {"step": step.pk, "version": step.version})


def _lock(case: Case, step_pk: int) -> tuple[Case, ExternalStep]:
    locked = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    step = ExternalStep.objects.select_for_update().filter(pk=step_pk, case_id=case.pk).first()
    if step is None:
        raise TransitionRefused([_("This step does not exist.")], forbidden=True)
    return locked, step


def _check_version(step: ExternalStep, expected_version: int | None) -> None:
    if expected_version is not None and step.version != expected_version:
        raise TransitionRefused(
            [_("This step was changed meanwhile by someone else. Reload the page and try again.")]
        )


def do_send_step(
    *,
    case: Case,
    actor: Any,
    body: str,
    body_name: str = "",
    request_text: str,
    sent_on: datetime.date,
    due: Due,
    their_reference: str = "",
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> ExternalStep:
    """Record that part of ``case`` was sent to an outside body and when it is due back.

    Checks ``cases.manage_external_steps`` (the owning division). Refuses an unknown body,
    an empty request, a date sent in the future and a due date before the date sent.
    """
    _check_may(actor, case)
    reasons = []
    if body not in StepBody.values:
        reasons.append(_("Choose the body the step was sent to."))
    if body == StepBody.OTHER and not body_name.strip():
        reasons.append(_("Name the body the step was sent to."))
    if not request_text.strip():
        reasons.append(_("Say what was asked of the body."))
    if sent_on > timezone.localdate():
        reasons.append(_("The day the step was sent cannot be in the future."))
    if reasons:
        raise TransitionRefused(reasons)
    due_on = due_date(sent_on, due)
    with transaction.atomic():
        locked = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
        _check_may(actor, locked)
        earlier = claim_idempotency_key(
            user=actor, key=idempotency_key, scope=f"cases.step.send:{locked.pk}"
        )
        replayed = _replayed(earlier)
        if replayed is not None:
            return replayed
        step = ExternalStep.objects.create(
            case=locked,
            body=body,
            body_name=body_name.strip(),
            request=request_text.strip(),
            sent_on=sent_on,
            sent_by=actor,
            due_on=due_on,
            due_in=due.count if due.unit != DueUnit.DATE else None,
            due_unit=due.unit,
            their_reference=their_reference.strip(),
        )
        _tell_timeline(locked, step, actor, "sent")
        log_action(
            action="cases.step.send",
            actor=actor,
            obj=locked,
            after={
                "step": step.pk,
                "body": step.body,
                "body_name": step.body_name,
                "sent_on": sent_on.isoformat(),
                "due_on": due_on.isoformat() if due_on else None,
            },
            request=request,
        )
        _finish(actor, idempotency_key, locked, step)
    step.replayed = False  # type: ignore[attr-defined]
    return step


def do_record_answer(
    *,
    case: Case,
    step_pk: int,
    actor: Any,
    answered_on: datetime.date,
    answer_text: str = "",
    their_reference: str = "",
    upload: IO[bytes] | None = None,
    upload_name: str = "",
    expected_version: int | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> ExternalStep:
    """Record the body's answer to a waiting step, with its date and, optionally, its document.

    Checks ``cases.manage_external_steps``. Refuses an answer dated before the step was sent
    or in the future, an answer to a withdrawn or already answered step, an answer with
    neither text nor document, a stale version and a file the kernel does not accept. The
    document is stored as an internal attachment of the case (staff download it).
    """
    _check_may(actor, case)
    if upload is not None:
        try:
            check_upload(upload, upload_name)
        except ValidationError as error:
            raise TransitionRefused(error.messages) from None
    with transaction.atomic():
        locked, step = _lock(case, step_pk)
        _check_may(actor, locked)
        earlier = claim_idempotency_key(
            user=actor, key=idempotency_key, scope=f"cases.step.answer:{step.pk}"
        )
        replayed = _replayed(earlier)
        if replayed is not None:
            return replayed
        _check_version(step, expected_version)
        reasons = []
        if step.status == StepStatus.WITHDRAWN:
            reasons.append(_("This step was withdrawn; its answer cannot be recorded."))
        elif step.status == StepStatus.ANSWERED:
            reasons.append(_("The answer to this step is already recorded."))
        if answered_on < step.sent_on:
            reasons.append(_("The answer cannot be dated before the day the step was sent."))
        if answered_on > timezone.localdate():
            reasons.append(_("The answer cannot be dated in the future."))
        if not answer_text.strip() and upload is None:
            reasons.append(_("Enter the answer or attach the body's document."))
        if reasons:
            raise TransitionRefused(reasons)
        if upload is not None:
            step.answer_attachment = do_add_attachment(
                case=locked,
                actor=actor,
                upload=upload,
                name=upload_name,
                is_public=False,
                request=request,
            )
        step.status = StepStatus.ANSWERED
        step.answered_on = answered_on
        step.answer_text = answer_text.strip()
        if their_reference.strip():
            step.their_reference = their_reference.strip()
        step.version += 1
        step.save()
        _tell_timeline(locked, step, actor, "answered")
        log_action(
            action="cases.step.answer",
            actor=actor,
            obj=locked,
            before={"step": step.pk, "status": StepStatus.WAITING},
            after={
                "step": step.pk,
                "status": step.status,
                "answered_on": answered_on.isoformat(),
                "attachment": step.answer_attachment_id,
            },
            request=request,
        )
        _finish(actor, idempotency_key, locked, step)
    step.replayed = False  # type: ignore[attr-defined]
    return step


def do_withdraw_step(
    *,
    case: Case,
    step_pk: int,
    actor: Any,
    reason: str,
    expected_version: int | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> ExternalStep:
    """Withdraw a waiting step (the case no longer waits on that body); a reason is required.

    Checks ``cases.manage_external_steps``. An answered or already withdrawn step and a
    stale version are refused.
    """
    _check_may(actor, case)
    if not reason.strip():
        raise TransitionRefused([_("Give the reason for withdrawing the step.")])
    with transaction.atomic():
        locked, step = _lock(case, step_pk)
        _check_may(actor, locked)
        earlier = claim_idempotency_key(
            user=actor, key=idempotency_key, scope=f"cases.step.withdraw:{step.pk}"
        )
        replayed = _replayed(earlier)
        if replayed is not None:
            return replayed
        _check_version(step, expected_version)
        if step.status != StepStatus.WAITING:
            raise TransitionRefused(
                [_("Only a step still waiting for an answer can be withdrawn.")]
            )
        step.status = StepStatus.WITHDRAWN
        step.withdrawal_reason = reason.strip()
        step.version += 1
        step.save()
        _tell_timeline(locked, step, actor, "withdrawn")
        # The reason is the bureau's own note: an internal entry, not shown to the agency.
        TimelineEntry.objects.create(
            case=locked, kind=EntryKind.NOTE, actor=actor, is_public=False, text=reason.strip()
        )
        log_action(
            action="cases.step.withdraw",
            actor=actor,
            obj=locked,
            before={"step": step.pk, "status": StepStatus.WAITING},
            after={"step": step.pk, "status": step.status},
            reason=reason.strip(),
            request=request,
        )
        _finish(actor, idempotency_key, locked, step)
    step.replayed = False  # type: ignore[attr-defined]
    return step


def _entry(step: ExternalStep, event: str) -> dict[str, Any]:
    """What a step's public timeline entry records: which body, the dates, nothing internal."""
    return {
        "step": step.pk,
        "event": event,
        "body": step.body,
        "body_name": step.body_name,
        "sent_on": step.sent_on.isoformat(),
        "due_on": step.due_on.isoformat() if step.due_on else "",
        "answered_on": step.answered_on.isoformat() if step.answered_on else "",
    }


def describe_entry(changes: Any) -> str:
    """A step's timeline entry as one sentence in the reader's language (page and API)."""
    if not isinstance(changes, dict):
        return ""
    body = str(changes.get("body_name") or "")
    if not body:
        try:
            body = str(StepBody(str(changes.get("body") or "")).label)
        except ValueError:
            body = str(changes.get("body") or "")
    values = {
        "body": body,
        "sent": changes.get("sent_on", ""),
        "due": changes.get("due_on", ""),
        "answered": changes.get("answered_on", ""),
    }
    event = changes.get("event")
    if event == "sent" and values["due"]:
        return _("Sent to %(body)s on %(sent)s, due %(due)s.") % values
    if event == "sent":
        return _("Sent to %(body)s on %(sent)s.") % values
    if event == "answered":
        return _("%(body)s answered on %(answered)s.") % values
    return _("The step sent to %(body)s was withdrawn.") % values
