"""The only writers of directives, county replies, tasks from above and briefs.

Each action checks who may act (as its docstring says), runs in one transaction with its
audit event, and refuses bad input with translated reasons before writing anything.
"""

import datetime
from collections.abc import Iterable
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waishi.accounts.constants import AgencyKind, Role
from waishi.accounts.models import Agency, Division, Leader, User
from waishi.audit.actions import log_action
from waishi.cases.actions import do_add_attachment, do_add_timeline_entry, do_create_case
from waishi.cases.actions import do_transition as kernel_transition
from waishi.cases.attachments import check_upload
from waishi.cases.clocks import move_clock, start_clock
from waishi.cases.constants import ClockState, EntryKind, StepBody
from waishi.cases.models import Case, Clock
from waishi.cases.permissions import is_case_division_officer
from waishi.cases.refusals import Stale, TransitionRefused
from waishi.cases.steps import Due, do_send_step
from waishi.notifications.actions import notify

from .constants import (
    DEFAULT_DIVISION,
    DIRECTIVE_TYPE,
    REPLY_CLOCK,
    REPLY_TYPE,
    TASK_CLOCK,
    TASK_TYPE,
    BriefMark,
    BriefRegion,
    BriefStatus,
    DirectiveKind,
    TaskSource,
)
from .models import Brief, BriefReading, CountyReply, Directive, Task, TaskReport

OWING = ("awaiting", "returned")


def county_offices() -> Any:
    """The county-level offices directives go to (active county foreign-affairs offices)."""
    return Agency.objects.filter(kind=AgencyKind.COUNTY_FAO, is_active=True)


def _division_of(actor: Any) -> Division | None:
    if actor.division_id is not None:
        return actor.division  # type: ignore[no-any-return]
    return Division.objects.filter(code=DEFAULT_DIVISION).first()


def _refuse(reasons: list[Any]) -> None:
    if reasons:
        raise ValidationError([str(r) for r in reasons])


# Directives and county replies.


def do_open_directive(
    *,
    actor: Any,
    title: str,
    kind: str,
    body: str,
    reply_due: datetime.date,
    counties: Iterable[Agency],
    document_number: str = "",
    report_year: int | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Write a directive as a draft; ``directives.open_directive`` is checked here."""
    if not actor.has_perm("directives.open_directive"):
        raise PermissionDenied
    chosen = list(counties)
    reasons: list[Any] = []
    if not title.strip():
        reasons.append(_("Give the directive a title."))
    if kind not in DirectiveKind.values:
        reasons.append(_("Choose the kind of directive."))
    if not body.strip():
        reasons.append(_("Write the directive's text."))
    if reply_due <= timezone.localdate():
        reasons.append(_("The replies' due date must be after today."))
    if not chosen:
        reasons.append(_("Choose the county offices that reply."))
    offices = set(county_offices().values_list("pk", flat=True))
    if any(county.pk not in offices for county in chosen):
        reasons.append(_("Directives go to county offices only."))
    _refuse(reasons)

    def build(case: Case) -> None:
        directive = Directive.objects.create(
            case=case,
            kind=kind,
            document_number=document_number.strip(),
            body=body.strip(),
            reply_due=reply_due,
            report_year=report_year,
        )
        directive.counties.set(chosen)

    return do_create_case(
        actor=actor,
        case_type=DIRECTIVE_TYPE,
        agency=None,
        title=title.strip()[:200],
        division=_division_of(actor),
        build_detail=build,
        idempotency_key=idempotency_key,
        request=request,
    )


def open_replies(case: Case, actor: Any) -> list[Case]:
    """Open a reply case for each county the directive names (the ``issue`` transition)."""
    directive = Directive.objects.get(case=case)
    directive.issued_on = timezone.localdate()
    directive.save(update_fields=["issued_on"])
    opened = []
    for county in directive.counties.order_by("sort_order", "pk"):

        def build(reply_case: Case, county: Agency = county) -> None:
            CountyReply.objects.create(case=reply_case, directive=directive, county=county)

        reply = do_create_case(
            actor=actor,
            case_type=REPLY_TYPE,
            agency=county,
            title=case.title,
            division=case.division,
            build_detail=build,
        )
        start_clock(reply, REPLY_CLOCK, actor=actor, due_on=directive.reply_due)
        opened.append(reply)
    log_action(
        action="directives.directive.issue",
        actor=actor,
        obj=case,
        after={"counties": [c.agency_id for c in opened], "due": directive.reply_due.isoformat()},
    )
    return opened


def record_reply(case: Case, actor: Any, text: str) -> None:
    """Keep the county's reply text (the ``reply`` transition's effect)."""
    CountyReply.objects.filter(case=case).update(
        text=text.strip(), replied_at=timezone.now(), replied_by=actor
    )


def do_reply(
    *,
    actor: Any,
    case: Case,
    text: str,
    upload: IO[bytes] | None = None,
    upload_name: str = "",
    expected_version: int | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """A county officer sends their county's reply, with a file if any.

    The ``reply`` transition's predicate checks the county officer of the case's county.
    A refused file or reply writes nothing.
    """
    if upload is not None:
        check_upload(upload, upload_name)
        upload.seek(0)
    with transaction.atomic():
        case = kernel_transition(
            case=case,
            transition="reply",
            actor=actor,
            inputs={"text": text},
            expected_version=expected_version,
            idempotency_key=idempotency_key,
            request=request,
        )
        if upload is not None and not getattr(case, "replayed", False):
            do_add_attachment(
                case=case, actor=actor, upload=upload, name=upload_name, request=request
            )
    return case


def late_replies(directive: Directive, today: datetime.date | None = None) -> list[CountyReply]:
    """The replies still owed whose clock has run out (one query)."""
    today = today or timezone.localdate()
    late_cases = Clock.objects.filter(
        code=REPLY_CLOCK, state=ClockState.RUNNING, due_date__lt=today
    ).values("case_id")
    return list(
        CountyReply.objects.filter(
            directive=directive, case__status__in=OWING, case_id__in=late_cases
        )
        .select_related("case", "county")
        .order_by("county__sort_order", "county_id")
    )


def do_remind_late(
    *, actor: Any, case: Case, request: HttpRequest | None = None
) -> list[CountyReply]:
    """Remind each county whose reply is overdue; the directive's division's staff may."""
    if not actor.has_perm("directives.remind_counties") or not is_case_division_officer(
        actor, case
    ):
        raise TransitionRefused([_("You may not remind the county offices.")], forbidden=True)
    with transaction.atomic():
        directive = Directive.objects.select_for_update().get(case=case)
        late = late_replies(directive)
        if not late:
            raise TransitionRefused([_("No county office is late with its reply.")])
        officers: dict[int, list[User]] = {}
        for user in User.objects.filter(
            is_active=True,
            role_grants__role=Role.COUNTY_OFFICER,
            agency_id__in=[r.county_id for r in late],
        ).distinct():
            officers.setdefault(user.agency_id, []).append(user)  # type: ignore[arg-type]
        now = timezone.now()
        for reply in late:
            due = reply.directive.reply_due.isoformat()
            do_add_timeline_entry(
                case=reply.case,
                actor=actor,
                kind=EntryKind.REMINDER,
                text=f"{case.reference} · {due}",
                is_public=True,
            )
            notify(
                recipients=officers.get(reply.county_id, []),
                kind="directives.reminder",
                title=format_reminder(reply.case.reference, due),
                body=case.title,
                link=reply.case.get_absolute_url(),
                obj=reply.case,
            )
        CountyReply.objects.filter(pk__in=[r.pk for r in late]).update(
            reminders=F("reminders") + 1, last_reminded_at=now
        )
        log_action(
            action="directives.directive.remind",
            actor=actor,
            obj=case,
            after={"counties": [r.county_id for r in late]},
            request=request,
        )
    return late


def format_reminder(reference: str, due: str) -> Any:
    from django.utils.text import format_lazy

    return format_lazy(
        gettext_lazy("Your reply {reference} was due on {due}: please send it."),
        reference=reference,
        due=due,
    )


# Tasks from above.


def do_open_task(
    *,
    actor: Any,
    title: str,
    source: str,
    document_number: str,
    asked: str,
    due_on: datetime.date,
    document_date: datetime.date | None = None,
    helpers: Iterable[Division] = (),
    key_task: bool = False,
    division: Division | None = None,
    idempotency_key: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Record a task assigned from above and start its clock; ``directives.open_task``."""
    if not actor.has_perm("directives.open_task"):
        raise PermissionDenied
    helping = list(helpers)
    lead = division or _division_of(actor)
    today = timezone.localdate()
    reasons: list[Any] = []
    if not title.strip():
        reasons.append(_("Give the task a title."))
    if source not in TaskSource.values:
        reasons.append(_("Choose who assigned the task."))
    if not document_number.strip():
        reasons.append(_("Enter the document's number."))
    if not asked.strip():
        reasons.append(_("Say what is asked."))
    if due_on < today:
        reasons.append(_("The due date cannot be in the past."))
    if document_date is not None and document_date > today:
        reasons.append(_("The document's date cannot be in the future."))
    if lead is not None and any(h.pk == lead.pk for h in helping):
        reasons.append(_("The lead division does not also help."))
    _refuse(reasons)

    def build(case: Case) -> None:
        task = Task.objects.create(
            case=case,
            source=source,
            document_number=document_number.strip(),
            document_date=document_date,
            asked=asked.strip(),
            key_task=key_task,
            due_on=due_on,
        )
        task.helpers.set(helping)

    with transaction.atomic():
        case = do_create_case(
            actor=actor,
            case_type=TASK_TYPE,
            agency=None,
            title=title.strip()[:200],
            division=lead,
            build_detail=build,
            idempotency_key=idempotency_key,
            request=request,
        )
        if not getattr(case, "replayed", False):
            start_clock(case, TASK_CLOCK, actor=actor, due_on=due_on)
    return case


def _locked_task(case: Case, actor: Any, expected_version: int | None) -> tuple[Case, Task]:
    locked = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if not is_case_division_officer(actor, locked):
        raise TransitionRefused([_("Only the lead division works on this task.")], forbidden=True)
    if expected_version is not None and locked.version != expected_version:
        raise Stale(locked, expected_version)
    return locked, Task.objects.get(case=locked)


def do_extend_task(
    *,
    actor: Any,
    case: Case,
    new_due: datetime.date,
    reason: str,
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> Task:
    """Record an extension granted by the body that assigned the task; the lead division's
    staff may. The task's clock moves to the new day."""
    with transaction.atomic():
        locked, task = _locked_task(case, actor, expected_version)
        reasons: list[Any] = []
        if not reason.strip():
            reasons.append(_("Say who granted the extension and why."))
        if new_due <= task.current_due:
            reasons.append(_("The new due date must be after the current one."))
        live = Clock.objects.filter(
            case=locked, code=TASK_CLOCK, state__in=(ClockState.RUNNING, ClockState.PAUSED)
        ).exists()
        if not live:
            reasons.append(_("The reply has been sent up: the task can no longer be extended."))
        if reasons:
            raise TransitionRefused(reasons)
        before = task.current_due.isoformat()
        task.extended_to = new_due
        task.extension_reason = reason.strip()
        task.save(update_fields=["extended_to", "extension_reason"])
        move_clock(locked, TASK_CLOCK, due_on=new_due, actor=actor, reason=reason.strip())
        Case.objects.filter(pk=locked.pk).update(version=F("version") + 1)
        log_action(
            action="directives.task.extend",
            actor=actor,
            obj=locked,
            before={"due": before},
            after={"due": new_due.isoformat(), "reason": reason.strip()},
            request=request,
        )
    return task


def do_add_task_report(
    *,
    actor: Any,
    case: Case,
    text: str,
    reported_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> TaskReport:
    """Add an interim report on a task; the lead division's staff may."""
    reported_on = reported_on or timezone.localdate()
    with transaction.atomic():
        locked, task = _locked_task(case, actor, None)
        reasons: list[Any] = []
        if not text.strip():
            reasons.append(_("Write the report."))
        if reported_on > timezone.localdate():
            reasons.append(_("The report's date cannot be in the future."))
        if not locked.is_open:
            reasons.append(_("The task is closed."))
        if reasons:
            raise TransitionRefused(reasons)
        report = TaskReport.objects.create(
            task=task, text=text.strip(), reported_on=reported_on, created_by=actor
        )
        do_add_timeline_entry(
            case=locked, actor=actor, kind=EntryKind.NOTE, text=text.strip(), is_public=False
        )
        log_action(
            action="directives.task.report",
            actor=actor,
            obj=locked,
            after={"report": report.pk, "reported_on": reported_on.isoformat()},
            request=request,
        )
    return report


def record_task_reply(case: Case, text: str) -> None:
    """Keep the reply the division drafted (the ``submit_reply`` transition's effect)."""
    Task.objects.filter(case=case).update(reply_text=text.strip())


def send_task_reply_up(case: Case, actor: Any) -> None:
    """Send the approved reply to the body that assigned the task, as an external step."""
    task = Task.objects.get(case=case)
    if task.source == TaskSource.PROVINCIAL_FAO:
        body, name = StepBody.PROVINCIAL_FAO, ""
    else:
        body = StepBody.OTHER
        with translation.override("zh-hans"):
            name = str(TaskSource(task.source).label)
    do_send_step(
        case=case,
        actor=actor,
        body=body,
        body_name=name,
        request_text=task.reply_text or task.asked,
        sent_on=timezone.localdate(),
        due=Due("date"),
        their_reference=task.document_number,
    )


# Briefs.


def _check_brief_fields(
    title: str, region: str, source: str, summary: str, relevance: str
) -> list[Any]:
    reasons: list[Any] = []
    if not title.strip():
        reasons.append(_("Give the brief a title."))
    if region not in BriefRegion.values:
        reasons.append(_("Choose what the brief concerns."))
    if not source.strip():
        reasons.append(_("Name the source."))
    if not summary.strip():
        reasons.append(_("Write the summary."))
    if not relevance.strip():
        reasons.append(_("Say why it matters to the city."))
    return reasons


def do_write_brief(
    *,
    actor: Any,
    title: str,
    region: str,
    source: str,
    summary: str,
    relevance: str,
    suggested_action: str = "",
    leaders: Iterable[Leader] = (),
    cases: Iterable[Case] = (),
    brief: Brief | None = None,
    expected_version: int | None = None,
    request: HttpRequest | None = None,
) -> Brief:
    """Write a new brief or change a draft or returned one; ``directives.write_brief``.

    A brief is changed by the staff of its division until it is sent.
    """
    if not actor.has_perm("directives.write_brief"):
        raise PermissionDenied
    _refuse(_check_brief_fields(title, region, source, summary, relevance))
    fields = {
        "title": title.strip()[:200],
        "region": region,
        "source": source.strip()[:300],
        "summary": summary.strip(),
        "relevance": relevance.strip(),
        "suggested_action": suggested_action.strip(),
    }
    with transaction.atomic():
        if brief is None:
            brief = Brief.objects.create(
                year=timezone.localdate().year,
                division=actor.division,
                author=actor,
                **fields,
            )
            action = "directives.brief.write"
        else:
            brief = Brief.objects.select_for_update().get(pk=brief.pk)
            if brief.division_id != actor.division_id:
                raise PermissionDenied
            if brief.status not in (BriefStatus.DRAFT, BriefStatus.RETURNED):
                raise TransitionRefused([_("A brief sent to the leaders can no longer change.")])
            if expected_version is not None and brief.version != expected_version:
                raise Stale(brief, expected_version)
            for name, value in fields.items():
                setattr(brief, name, value)
            brief.version += 1
            brief.save()
            action = "directives.brief.change"
        brief.leaders.set(list(leaders))
        brief.cases.set(list(cases))
        log_action(
            action=action, actor=actor, obj=brief, after={"title": brief.title}, request=request
        )
    return brief


def do_submit_brief(*, actor: Any, brief: Brief, request: HttpRequest | None = None) -> Brief:
    """Send a brief to the division head for review; the division's staff may."""
    with transaction.atomic():
        brief = Brief.objects.select_for_update().get(pk=brief.pk)
        if not actor.has_perm("directives.write_brief") or brief.division_id != actor.division_id:
            raise PermissionDenied
        if brief.status not in (BriefStatus.DRAFT, BriefStatus.RETURNED):
            raise TransitionRefused([_("This brief is not a draft.")])
        brief.status = BriefStatus.SUBMITTED
        brief.version += 1
        brief.save(update_fields=["status", "version"])
        log_action(action="directives.brief.submit", actor=actor, obj=brief, request=request)
    return brief


def do_review_brief(
    *,
    actor: Any,
    brief: Brief,
    approve: bool,
    note: str = "",
    request: HttpRequest | None = None,
) -> Brief:
    """The division head sends a brief to the leaders concerned, or returns it with a note."""
    with transaction.atomic():
        brief = Brief.objects.select_for_update().get(pk=brief.pk)
        if not actor.has_perm("directives.review_brief") or brief.division_id != actor.division_id:
            raise PermissionDenied
        if brief.status != BriefStatus.SUBMITTED:
            raise TransitionRefused([_("This brief is not waiting for review.")])
        leaders = list(brief.leaders.select_related("user"))
        if approve and not leaders:
            raise TransitionRefused([_("Choose the leaders the brief concerns.")])
        if not approve and not note.strip():
            raise TransitionRefused([_("Say what to change.")])
        brief.reviewed_by = actor
        brief.review_note = note.strip()
        brief.version += 1
        if approve:
            last = Brief.objects.filter(year=brief.year).aggregate(top=Max("number"))["top"]
            brief.number = (last or 0) + 1
            brief.status = BriefStatus.SENT
            brief.sent_at = timezone.now()
        else:
            brief.status = BriefStatus.RETURNED
        brief.save()
        log_action(
            action="directives.brief.send" if approve else "directives.brief.return",
            actor=actor,
            obj=brief,
            after={"number": brief.number, "note": brief.review_note},
            request=request,
        )
        if approve:
            from django.urls import reverse

            notify(
                recipients=[leader.user for leader in leaders if leader.user is not None],
                kind="directives.brief",
                title=brief.title,
                body=brief.summary[:300],
                link=reverse("directives:brief", args=[brief.pk]),
                obj=brief,
            )
        else:
            notify(
                recipients=[brief.author],
                kind="directives.brief",
                title=brief.title,
                body=brief.review_note,
                link=reverse_brief(brief),
                obj=brief,
            )
    return brief


def reverse_brief(brief: Brief) -> str:
    from django.urls import reverse

    return reverse("directives:brief", args=[brief.pk])


def do_record_reading(*, actor: Any, brief: Brief) -> BriefReading | None:
    """Record that a leader opened a brief sent to the leaders (once; later openings keep it)."""
    if brief.status != BriefStatus.SENT or not actor.has_role(Role.BUREAU_LEADER):
        return None
    reading, created = BriefReading.objects.get_or_create(
        brief=brief, reader=actor, defaults={"read_at": timezone.now()}
    )
    if created:
        log_action(action="directives.brief.read", actor=actor, obj=brief)
    return reading


def do_mark_brief(
    *,
    actor: Any,
    brief: Brief,
    mark: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> BriefReading:
    """A leader marks a brief sent to the leaders (``directives.mark_brief``)."""
    if not actor.has_perm("directives.mark_brief"):
        raise PermissionDenied
    if brief.status != BriefStatus.SENT:
        raise TransitionRefused([_("Only briefs sent to the leaders are marked.")])
    if mark not in BriefMark.values:
        raise TransitionRefused([_("Choose a mark.")])
    with transaction.atomic():
        reading, _created = BriefReading.objects.select_for_update().get_or_create(
            brief=brief, reader=actor, defaults={"read_at": timezone.now()}
        )
        reading.mark = mark
        reading.note = note.strip()
        reading.save(update_fields=["mark", "note"])
        log_action(
            action="directives.brief.mark",
            actor=actor,
            obj=brief,
            after={"mark": mark, "note": reading.note},
            request=request,
        )
    return reading
