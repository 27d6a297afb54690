"""Every write to a case: filing, transitions, edits, comments, files. Nothing else writes.

Each function takes keyword arguments with an explicit ``actor``, runs in one transaction,
writes its audit event there, and tells listeners (``cases.notify``) there too. The
caller checks that the actor may *see* the case (``querysets.access_case``); these functions
check what the actor may *do*.
"""

import datetime
from collections.abc import Callable, Mapping
from typing import IO, Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from waishi.audit.actions import log_action

from .attachments import check_upload
from .clocks import apply_changes, manual_due, set_manual_due, start_clock, stop_all
from .constants import EntryKind, Priority
from .models import Attachment, Case, IdempotencyKey, TimelineEntry
from .notify import CaseEvent, notify, notify_transition
from .references import next_reference
from .registry import get_case_type
from .standing import check_standing
from .workflow import Conflict, Transition, TransitionRefused, check_transition, may_act

# Header fields a staff edit may change, and how each is compared and shown.
EDITABLE_FIELDS = ("title", "priority", "due_date", "division", "assignee")


def claim_idempotency_key(*, user: Any, key: str, scope: str) -> IdempotencyKey | None:
    """Record ``key`` for ``user``; return the earlier record if the key was used before.

    Call inside the transaction doing the work: if the work rolls back, so does the claim.
    A competing request with the same key waits on the unique index and then sees ours.
    """
    if not key or user is None or not user.is_authenticated:
        return None
    try:
        with transaction.atomic():
            IdempotencyKey.objects.create(user=user, key=key[:64], scope=scope)
    except IntegrityError:
        earlier = IdempotencyKey.objects.select_related("case").get(user=user, key=key[:64])
        if earlier.scope != scope:
            raise TransitionRefused(
                [_("This submission key was already used for something else.")]
            ) from None
        return earlier
    return None


def finish_idempotency_key(user: Any, key: str, case: Case, result: dict[str, Any]) -> None:
    if key and user is not None and user.is_authenticated:
        IdempotencyKey.objects.filter(user=user, key=key[:64]).update(case=case, result=result)


def do_create_case(
    *,
    actor: Any,
    case_type: str,
    agency: Any,
    title: str,
    division: Any = None,
    assignee: Any = None,
    priority: int = Priority.NORMAL,
    due_date: datetime.date | None = None,
    build_detail: Callable[[Case], Any] | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """File a new case of ``case_type`` and give it the next reference number.

    ``build_detail(case)`` creates the area's detail row in the same transaction. With an
    ``idempotency_key`` already used by this actor, the first case is returned instead and
    nothing is written (``case.replayed`` is then true). The area's action checks permission.
    An agency suspended from this kind of business is refused with the reasons
    (``standing.AgencySuspended``); nothing is written.
    """
    kind = get_case_type(case_type)
    if agency is None and not (kind.filed_by_applicants or kind.opened_by_bureau):
        # Only types that take applicants' filings, or that the bureau opens itself, have
        # cases without an agency.
        raise ValueError(f"Case type {case_type} needs the filing agency")
    with transaction.atomic():
        earlier = claim_idempotency_key(
            user=actor, key=idempotency_key, scope=f"cases.create:{case_type}"
        )
        if earlier is not None and earlier.case is not None:
            earlier.case.replayed = True  # type: ignore[attr-defined]
            return earlier.case
        check_standing(agency, kind.code)
        if division is None and kind.division_code:
            from waishi.accounts.models import Division

            division = Division.objects.filter(code=kind.division_code).first()
        actor_or_none = actor if getattr(actor, "is_authenticated", False) else None
        case = Case.objects.create(
            reference=next_reference(kind.code, kind.reference_prefix),
            case_type=kind.code,
            status=kind.workflow.initial,
            is_open=not kind.workflow.is_final(kind.workflow.initial),
            agency=agency,
            division=division,
            assignee=assignee,
            priority=priority,
            title=title,
            created_by=actor_or_none,
            updated_by=actor_or_none,
        )
        if build_detail is not None:
            build_detail(case)
        TimelineEntry.objects.create(
            case=case,
            kind=EntryKind.STATUS,
            actor=actor_or_none,
            is_public=True,
            to_status=case.status,
            version=case.version,
        )
        if kind.processing_days is not None:
            start_clock(case, "processing", actor=actor_or_none, record=False)
        if due_date is not None:
            set_manual_due(case, due_date, actor=actor_or_none)
        log_action(
            action="cases.case.create",
            actor=actor,
            obj=case,
            after={"reference": case.reference, "case_type": case.case_type, "status": case.status},
            request=request,
        )
        finish_idempotency_key(actor, idempotency_key, case, {"reference": case.reference})
    case.replayed = False  # type: ignore[attr-defined]
    return case


def _resolve(case: Case, transition: Transition | str) -> Transition:
    workflow = case.case_type_obj.workflow
    if isinstance(transition, Transition):
        return transition
    try:
        return workflow.transition(transition)
    except KeyError:
        raise TransitionRefused([_("This action does not exist.")], forbidden=True) from None


def do_transition(
    *,
    case: Case,
    transition: Transition | str,
    actor: Any,
    inputs: Mapping[str, str] | None = None,
    expected_version: int | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Run one transition of the case's workflow and return the updated case.

    In one transaction: lock the case, check the actor's right (the transition's predicate),
    the version, the source state, required inputs and guards; then set the status, bump the
    version, write the timeline entry and the audit event, and run the area's effects. After
    commit, listeners are told. Raises ``TransitionRefused`` (reasons translated) or
    ``Conflict``; in both cases nothing is written.
    """
    values = {k: str(v) for k, v in (inputs or {}).items()}
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("agency", "division")
            .get(pk=case.pk)
        )
        step = _resolve(locked, transition)
        if not may_act(actor, locked, step):
            raise TransitionRefused([_("You may not do this on this case.")], forbidden=True)
        earlier = claim_idempotency_key(
            user=actor, key=idempotency_key, scope=f"cases.transition:{locked.pk}:{step.name}"
        )
        if earlier is not None:
            locked.replayed = True  # type: ignore[attr-defined]
            return locked
        if expected_version is not None and locked.version != expected_version:
            raise Conflict(locked, expected_version)
        reasons = check_transition(locked, step, actor, values)
        if reasons:
            raise TransitionRefused(reasons)
        workflow = locked.case_type_obj.workflow
        before: dict[str, Any] = {"status": locked.status, "version": locked.version}
        locked.status = step.target
        locked.is_open = not workflow.is_final(step.target)
        locked.version += 1
        locked.updated_by = actor
        locked.save(update_fields=["status", "is_open", "version", "updated_by", "updated_at"])
        text = "\n".join(
            values[spec.name].strip() for spec in step.inputs if values.get(spec.name, "").strip()
        )
        TimelineEntry.objects.create(
            case=locked,
            kind=EntryKind.STATUS,
            actor=actor,
            text=text,
            is_public=step.public,
            transition=step.name,
            from_status=before["status"],
            to_status=step.target,
            version=locked.version,
            changes={"status": [before["status"], step.target], "inputs": values},
        )
        for effect in step.effects:
            effect(locked, actor, values)
        apply_changes(locked, step.clocks, actor)
        if not locked.is_open:
            stop_all(locked, actor=actor)
        log_action(
            action=locked.case_type_obj.audit_action(step),
            actor=actor,
            obj=locked,
            before=before,
            after={"status": locked.status, "version": locked.version},
            reason=text,
            request=request,
        )
        finish_idempotency_key(
            actor, idempotency_key, locked, {"status": locked.status, "version": locked.version}
        )
        notify_transition(locked, step, actor, text=text)
    locked.replayed = False  # type: ignore[attr-defined]
    return locked


def _display(value: Any) -> Any:
    """A JSON-ready, human-readable form of a field value for the change record."""
    if value is None or isinstance(value, str | int):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def do_update_case(
    *,
    case: Case,
    actor: Any,
    changes: Mapping[str, Any],
    expected_version: int,
    request: HttpRequest | None = None,
) -> Case:
    """Change header fields of a case (title, priority, due date, division, assignee).

    Only case workers may (``cases.change_case``). A stale ``expected_version`` raises
    ``Conflict``; an assignment change also writes an assignment entry and tells the new
    assignee in the same transaction.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if not actor.has_perm("cases.change_case"):
            raise TransitionRefused([_("You may not change this case.")], forbidden=True)
        if locked.version != expected_version:
            raise Conflict(locked, expected_version)
        diff: dict[str, list[Any]] = {}
        fields = [name for name in changes if name != "due_date"]
        for name in fields:
            old, new = getattr(locked, name), changes[name]
            if old != new:
                diff[name] = [_display(old), _display(new)]
                setattr(locked, name, new)
        if "due_date" in changes:
            # The header's due date is the division's own clock (``cases.clocks``).
            old = manual_due(locked)
            if old != changes["due_date"]:
                diff["due_date"] = [_display(old), _display(changes["due_date"])]
                set_manual_due(locked, changes["due_date"], actor=actor)
        if not diff:
            return locked
        locked.version += 1
        locked.updated_by = actor
        locked.save(update_fields=[*fields, "version", "updated_by", "updated_at"])
        assigned = "assignee" in diff
        TimelineEntry.objects.create(
            case=locked,
            kind=EntryKind.ASSIGNMENT if assigned and len(diff) == 1 else EntryKind.NOTE,
            actor=actor,
            is_public=False,
            version=locked.version,
            changes=diff,
        )
        log_action(
            action="cases.case.update",
            actor=actor,
            obj=locked,
            before={k: v[0] for k, v in diff.items()},
            after={k: v[1] for k, v in diff.items()},
            request=request,
        )
        if assigned and locked.assignee_id and locked.assignee_id != actor.pk:
            event = CaseEvent(
                kind="assignment", case=locked, actor=actor, recipients=(locked.assignee_id,)
            )
            notify(event)
    return locked


def do_comment(
    *,
    case: Case,
    actor: Any,
    text: str,
    is_public: bool,
    request: HttpRequest | None = None,
    idempotency_key: str = "",
) -> TimelineEntry:
    """Add a comment. Agency people's comments are always public; staff may write internal ones.

    Checks ``cases.comment_case`` (and ``cases.comment_internally`` for internal ones). A
    second post with the same ``idempotency_key`` (a double click, a resent form) returns
    the first comment and adds nothing.
    """
    text = text.strip()
    if not text:
        raise TransitionRefused([_("Please write a comment.")])
    if not actor.has_perm("cases.comment_case"):
        raise TransitionRefused([_("You may not comment on this case.")], forbidden=True)
    if not actor.has_perm("cases.comment_internally"):
        is_public = True
    with transaction.atomic():
        earlier = claim_idempotency_key(
            user=actor, key=idempotency_key, scope=f"cases.comment:{case.pk}"
        )
        if earlier is not None and earlier.result.get("entry"):
            return TimelineEntry.objects.get(pk=earlier.result["entry"])
        entry = TimelineEntry.objects.create(
            case=case, kind=EntryKind.COMMENT, actor=actor, text=text, is_public=is_public
        )
        finish_idempotency_key(actor, idempotency_key, case, {"entry": entry.pk})
        Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
        log_action(
            action="cases.case.comment",
            actor=actor,
            obj=case,
            after={"entry": entry.pk, "public": is_public},
            request=request,
        )
        recipients = tuple(u for u in (case.assignee_id,) if u and u != actor.pk)
        event = CaseEvent(
            kind="comment",
            case=case,
            actor=actor,
            text=text,
            is_public=is_public,
            recipients=recipients,
        )
        notify(event)
    return entry


def do_add_timeline_entry(
    *, case: Case, actor: Any, kind: str, text: str, is_public: bool
) -> TimelineEntry:
    """Add a document, note or reminder entry from an area's own action (inside its transaction).

    The calling action checks permission and writes its own audit event.
    """
    return TimelineEntry.objects.create(
        case=case, kind=kind, actor=actor, text=text, is_public=is_public
    )


def do_add_attachment(
    *,
    case: Case,
    actor: Any,
    upload: IO[bytes],
    name: str,
    is_public: bool = True,
    request: HttpRequest | None = None,
) -> Attachment:
    """Check and store an uploaded file on ``case`` (``ValidationError`` if refused).

    Checks ``cases.attach_file``; agency people's files are always visible to the agency.
    """
    if not actor.has_perm("cases.attach_file"):
        raise TransitionRefused([_("You may not attach files to this case.")], forbidden=True)
    checked = check_upload(upload, name)
    if not actor.has_perm("cases.comment_internally"):
        is_public = True
    from django.core.files import File

    with transaction.atomic():
        attachment = Attachment(
            case=case,
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            is_public=is_public,
            uploaded_by=actor,
        )
        attachment.file.save(checked.name, File(upload), save=False)
        # A failed insert must not leave an orphan file behind.
        try:
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
        TimelineEntry.objects.create(
            case=case,
            kind=EntryKind.DOCUMENT,
            actor=actor,
            text=checked.name,
            is_public=is_public,
            changes={"attachment": attachment.pk},
        )
        Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
        log_action(
            action="cases.attachment.add",
            actor=actor,
            obj=case,
            after={"attachment": attachment.pk, "name": checked.name, "sha256": checked.sha256},
            request=request,
        )
    return attachment


def do_record_download(*, attachment: Attachment, actor: Any, request: HttpRequest) -> None:
    """Write the audit event for a file download (the view has checked visibility)."""
    log_action(
        action="cases.attachment.download",
        actor=actor,
        obj=attachment.case,
        after={"attachment": attachment.pk, "name": attachment.original_name},
        request=request,
    )


def do_purge_idempotency_keys(*, older_than: datetime.timedelta) -> int:
    """Delete submission keys older than ``older_than`` (a retry comes within minutes).

    Run by the periodic sweep; no person acts, so no audit event is written.
    """
    cutoff = timezone.now() - older_than
    deleted, _by_model = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def do_record_reveal(*, case: Case, actor: Any, request: HttpRequest | None = None) -> None:
    """Record that ``actor`` opened ``case``, where its type asks for it (sensitive cases).

    The caller has already checked that ``actor`` may see the case (``access_case``). Types
    without ``reveal_audit_action`` write nothing.
    """
    action = case.case_type_obj.reveal_audit_action
    if not action:
        return
    with transaction.atomic():
        log_action(
            action=action,
            actor=actor,
            obj=case,
            after={"reference": case.reference},
            request=request,
        )
