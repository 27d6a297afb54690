"""Pages of directives and county replies, tasks from above and briefs."""

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.cases.querysets import access_case_detail, visible_to
from waishi.cases.refusals import Stale, TransitionRefused
from waishi.core.views import require_perm, year_param

from . import actions
from .constants import DIRECTIVE_TYPE, REPLY_TYPE, TASK_TYPE, BriefStatus
from .forms import (
    BriefForm,
    BriefMarkForm,
    BriefReviewForm,
    DirectiveForm,
    ReplyForm,
    TaskExtendForm,
    TaskForm,
    TaskReportForm,
)
from .models import BriefReading
from .querysets import (
    briefs_visible_to,
    directives_visible_to,
    replies_visible_to,
    tasks_visible_to,
)

LIST_ROWS = 200


def _refusal(request: HttpRequest, error: Exception) -> None:
    reasons = getattr(error, "reasons", None) or getattr(error, "messages", None) or [str(error)]
    for reason in reasons:
        messages.error(request, reason)


# Directives.


@require_perm("directives.read_directives")
def directive_list(request: HttpRequest) -> HttpResponse:
    directives = list(directives_visible_to(request.user).order_by("-case__created_at")[:LIST_ROWS])
    return render(
        request,
        "directives/list.html",
        {
            "directives": directives,
            "can_open": request.user.has_perm("directives.open_directive"),
            "limit": LIST_ROWS,
        },
    )


@require_perm("directives.open_directive")
def directive_new(request: HttpRequest) -> HttpResponse:
    form = DirectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_open_directive(
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                body=data["body"],
                reply_due=data["reply_due"],
                counties=data["counties"],
                document_number=data["document_number"],
                report_year=data["report_year"],
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return redirect(case)
    return render(request, "directives/form.html", {"form": form, "title": _("New directive")})


@require_perm("directives.remind_counties")
@require_POST
def directive_remind(request: HttpRequest, reference: str) -> HttpResponse:
    directive = access_case_detail(request.user, reference, DIRECTIVE_TYPE)
    try:
        late = actions.do_remind_late(actor=request.user, case=directive.case, request=request)
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        _refusal(request, refused)
    else:
        messages.success(
            request,
            _("Reminded %(count)s county offices: %(names)s.")
            % {"count": len(late), "names": "、".join(str(r.county) for r in late)},
        )
    return redirect(directive.case)


@require_perm("directives.reply_directives")
def county_replies(request: HttpRequest) -> HttpResponse:
    replies = list(
        replies_visible_to(request.user).order_by(
            "case__is_open", "directive__reply_due", "-case__created_at"
        )[:LIST_ROWS]
    )
    replies.sort(key=lambda r: (not r.case.is_open, r.directive.reply_due))
    return render(
        request,
        "directives/county_replies.html",
        {"replies": replies, "today": timezone.localdate(), "limit": LIST_ROWS},
    )


@require_perm("directives.reply_directives")
def reply(request: HttpRequest, reference: str) -> HttpResponse:
    detail = access_case_detail(
        request.user, reference, REPLY_TYPE, related=("directive", "directive__case", "county")
    )
    case = detail.case
    if case.status not in actions.OWING:
        messages.info(request, _("This reply has been sent."))
        return redirect(case)
    form = ReplyForm(request.POST or None, request.FILES or None, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        try:
            actions.do_reply(
                actor=request.user,
                case=case,
                text=data["text"],
                upload=upload,
                upload_name=upload.name if upload else "",
                expected_version=data["version"],
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except TransitionRefused as refused:
            if refused.forbidden:
                raise Http404 from None
            for reason in refused.reasons:
                form.add_error(None, reason)
        except Stale:
            form.add_error(None, _("This reply was changed meanwhile: reload the page."))
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            messages.success(request, _("Your reply was sent to the bureau."))
            return redirect("directives:county_replies")
    return render(
        request,
        "directives/reply.html",
        {"form": form, "detail": detail, "directive": detail.directive, "case": case},
    )


# Tasks from above.


@require_perm("directives.read_tasks")
def task_list(request: HttpRequest) -> HttpResponse:
    tasks = tasks_visible_to(request.user)
    if request.GET.get("open") != "0":
        tasks = tasks.filter(case__is_open=True)
    if request.GET.get("key") == "1":
        tasks = tasks.filter(key_task=True)
    return render(
        request,
        "directives/task_list.html",
        {
            "tasks": list(tasks.order_by("case__due_date", "-case__created_at")[:LIST_ROWS]),
            "can_open": request.user.has_perm("directives.open_task"),
            "today": timezone.localdate(),
            "show_closed": request.GET.get("open") == "0",
            "key_only": request.GET.get("key") == "1",
            "limit": LIST_ROWS,
        },
    )


@require_perm("directives.open_task")
def task_new(request: HttpRequest) -> HttpResponse:
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_open_task(
                actor=request.user,
                title=data["title"],
                source=data["source"],
                document_number=data["document_number"],
                document_date=data["document_date"],
                asked=data["asked"],
                due_on=data["due_on"],
                helpers=data["helpers"],
                key_task=data["key_task"],
                idempotency_key=data["idempotency_key"],
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return redirect(case)
    return render(
        request, "directives/form.html", {"form": form, "title": _("New task from above")}
    )


@require_perm("directives.report_task")
@require_POST
def task_extend(request: HttpRequest, reference: str) -> HttpResponse:
    task = access_case_detail(request.user, reference, TASK_TYPE)
    form = TaskExtendForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(task.case)
    try:
        actions.do_extend_task(
            actor=request.user,
            case=task.case,
            new_due=form.cleaned_data["new_due"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            request=request,
        )
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        _refusal(request, refused)
    except Stale:
        messages.error(request, _("The task was changed meanwhile: look again and retry."))
    else:
        messages.success(request, _("The task's due date was extended."))
    return redirect(task.case)


@require_perm("directives.report_task")
@require_POST
def task_report(request: HttpRequest, reference: str) -> HttpResponse:
    task = access_case_detail(request.user, reference, TASK_TYPE)
    form = TaskReportForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(task.case)
    try:
        actions.do_add_task_report(
            actor=request.user,
            case=task.case,
            text=form.cleaned_data["text"],
            reported_on=form.cleaned_data["reported_on"],
            request=request,
        )
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        _refusal(request, refused)
    else:
        messages.success(request, _("The interim report was recorded."))
    return redirect(task.case)


# Briefs.


@require_perm("directives.read_briefs")
def brief_index(request: HttpRequest) -> HttpResponse:
    year = year_param(request)
    briefs = list(
        briefs_visible_to(request.user)
        .filter(year=year)
        .select_related("division", "author")
        .order_by("status", "-number", "-pk")[:LIST_ROWS]
    )
    sent = [b for b in briefs if b.status == BriefStatus.SENT]
    sent.sort(key=lambda b: b.number or 0)
    pending = [b for b in briefs if b.status != BriefStatus.SENT]
    return render(
        request,
        "directives/brief_index.html",
        {
            "sent": sent,
            "pending": pending,
            "year": year,
            "years": range(timezone.localdate().year, 2019, -1),
            "can_write": request.user.has_perm("directives.write_brief"),
        },
    )


def _cases_from(user: Any, text: str) -> tuple[list[Any], list[str]]:
    references = [r for r in re.split(r"[\s,，、]+", text.strip().upper()) if r]
    found = list(visible_to(user).filter(reference__in=references))
    missing = sorted(set(references) - {c.reference for c in found})
    return found, missing


@require_perm("directives.write_brief")
def brief_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user: Any = request.user
    brief = None
    initial: dict[str, Any] = {}
    if pk is not None:
        brief = get_object_or_404(briefs_visible_to(request.user), pk=pk)
        if brief.division_id != user.division_id or brief.status == BriefStatus.SENT:
            raise Http404
        initial = {
            "title": brief.title,
            "region": brief.region,
            "source": brief.source,
            "summary": brief.summary,
            "relevance": brief.relevance,
            "suggested_action": brief.suggested_action,
            "leaders": list(brief.leaders.all()),
            "case_references": " ".join(brief.cases.values_list("reference", flat=True)),
            "version": brief.version,
        }
    form = BriefForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        cases, missing = _cases_from(request.user, data["case_references"])
        if missing:
            form.add_error("case_references", _("No such case: %s") % " ".join(missing))
        else:
            try:
                brief = actions.do_write_brief(
                    actor=request.user,
                    title=data["title"],
                    region=data["region"],
                    source=data["source"],
                    summary=data["summary"],
                    relevance=data["relevance"],
                    suggested_action=data["suggested_action"],
                    leaders=data["leaders"],
                    cases=cases,
                    brief=brief,
                    expected_version=data["version"],
                    request=request,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            except TransitionRefused as refused:
                for reason in refused.reasons:
                    form.add_error(None, reason)
            except Stale:
                form.add_error(None, _("The brief was changed meanwhile: reload the page."))
            else:
                return redirect("directives:brief", pk=brief.pk)
    title = _("Change the brief") if brief else _("New brief")
    return render(request, "directives/form.html", {"form": form, "title": title})


@require_perm("directives.read_briefs")
def brief_detail(request: HttpRequest, pk: int) -> HttpResponse:
    brief = get_object_or_404(
        briefs_visible_to(request.user).select_related("division", "author", "reviewed_by"),
        pk=pk,
    )
    user: Any = request.user
    actions.do_record_reading(actor=user, brief=brief)
    reading = BriefReading.objects.filter(brief=brief, reader=user).first()
    mine = brief.division_id == user.division_id
    return render(
        request,
        "directives/brief.html",
        {
            "brief": brief,
            "leaders": list(brief.leaders.all()),
            "cases": list(visible_to(user).filter(briefs=brief)),
            "readings": list(brief.readings.select_related("reader").order_by("read_at")),
            "reading": reading,
            "can_edit": mine
            and user.has_perm("directives.write_brief")
            and brief.status in (BriefStatus.DRAFT, BriefStatus.RETURNED),
            "can_review": mine
            and user.has_perm("directives.review_brief")
            and brief.status == BriefStatus.SUBMITTED,
            "can_mark": user.has_perm("directives.mark_brief") and brief.status == BriefStatus.SENT,
            "mark_form": BriefMarkForm(initial={"mark": reading.mark if reading else ""}),
            "review_form": BriefReviewForm(),
        },
    )


@require_perm("directives.write_brief")
@require_POST
def brief_submit(request: HttpRequest, pk: int) -> HttpResponse:
    brief = get_object_or_404(briefs_visible_to(request.user), pk=pk)
    try:
        actions.do_submit_brief(actor=request.user, brief=brief, request=request)
    except PermissionDenied:
        raise Http404 from None
    except TransitionRefused as refused:
        _refusal(request, refused)
    else:
        messages.success(request, _("The brief was sent to the division head for review."))
    return redirect("directives:brief", pk=brief.pk)


@require_perm("directives.review_brief")
@require_POST
def brief_review(request: HttpRequest, pk: int) -> HttpResponse:
    brief = get_object_or_404(briefs_visible_to(request.user), pk=pk)
    form = BriefReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to send or return the brief."))
        return redirect("directives:brief", pk=brief.pk)
    try:
        actions.do_review_brief(
            actor=request.user,
            brief=brief,
            approve=form.cleaned_data["decision"] == "send",
            note=form.cleaned_data["note"],
            request=request,
        )
    except PermissionDenied:
        raise Http404 from None
    except TransitionRefused as refused:
        _refusal(request, refused)
    else:
        messages.success(request, _("The brief was reviewed."))
    return redirect("directives:brief", pk=brief.pk)


@require_perm("directives.mark_brief")
@require_POST
def brief_mark(request: HttpRequest, pk: int) -> HttpResponse:
    brief = get_object_or_404(briefs_visible_to(request.user), pk=pk)
    form = BriefMarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a mark."))
        return redirect("directives:brief", pk=brief.pk)
    try:
        actions.do_mark_brief(
            actor=request.user,
            brief=brief,
            mark=form.cleaned_data["mark"],
            note=form.cleaned_data["note"],
            request=request,
        )
    except TransitionRefused as refused:
        _refusal(request, refused)
    else:
        messages.success(request, _("Your mark was recorded."))
    return redirect("directives:brief", pk=brief.pk)
