"""The case page and what people do on it: transitions, comments, edits, files."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from .. import actions
from ..clocks import clocks_of
from ..contrib import panels_for
from ..documents import documents_of, issues_documents
from ..forms import AttachmentForm, CaseEditForm, CommentForm, StepSendForm
from ..models import Attachment, Case, TimelineEntry
from ..permissions import can_manage_external_steps, is_case_staff
from ..querysets import access_case, timeline_for
from ..standing import open_suspensions
from ..steps import steps_for
from ..workflow import Conflict, TransitionRefused, available_transitions


def get_case(
    request: HttpRequest, reference: str, *, with_detail: bool = False, key_only: bool = False
) -> Case:
    """The visible case or 404 (the same for a missing and a forbidden case)."""
    try:
        return access_case(request.user, reference, with_detail=with_detail, key_only=key_only)
    except Case.DoesNotExist:
        raise Http404 from None


def changes_since(user: Any, case: Case, version: int) -> list[TimelineEntry]:
    """The entries that moved the case past ``version``, as ``user`` may read them."""
    return list(timeline_for(user, case).filter(version__gt=version))


def case_context(request: HttpRequest, case: Case) -> dict[str, Any]:
    user = request.user
    kind = case.case_type_obj
    staff = is_case_staff(user)
    can_manage_steps = bool(can_manage_external_steps(user, case))
    attachments = case.attachments.select_related("uploaded_by")
    if not staff:
        attachments = attachments.filter(is_public=True)
    return {
        "title": f"{case.reference} {case.title}",
        "case": case,
        "case_type": kind,
        "detail": kind.get_detail(case),
        "detail_template": kind.detail_template,
        "panels": panels_for(case.case_type, user),
        # Bureau staff see why the filing agency may not file now (one query, when shown).
        "suspensions": open_suspensions(case.agency_id) if staff else (),
        "timeline": timeline_for(user, case),
        # One query: the case's clocks with who must act and the time left.
        "clocks": clocks_of(case, staff=staff),
        "attachments": attachments,
        "transitions": available_transitions(case, user),
        "states": [
            (state, label, state == case.status) for state, label in kind.workflow.states.items()
        ],
        "is_staff": staff,
        "comment_form": CommentForm() if user.has_perm("cases.comment_case") else None,
        "attachment_form": AttachmentForm() if user.has_perm("cases.attach_file") else None,
        "can_comment_internally": user.has_perm("cases.comment_internally"),
        "can_edit": user.has_perm("cases.change_case"),
        # One query for the panel of external steps (the agency's narrowed to what it sees),
        # read where the page shows them.
        "external_steps": steps_for(user, case),
        "step_form": StepSendForm() if can_manage_steps else None,
        "can_manage_steps": can_manage_steps,
        "today": timezone.localdate(),
        # One query, only for the types whose area issues documents.
        "documents": list(documents_of(case)) if issues_documents(kind) else None,
        "can_revoke_documents": bool(staff and user.has_perm("cases.revoke_document", case)),
    }


@require_perm("cases.view_case")
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case(request, reference, with_detail=True)
    actions.do_record_reveal(case=case, actor=request.user, request=request)
    return render(request, "cases/case_detail.html", case_context(request, case))


@require_perm("cases.view_case")
def case_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    from ..querysets import visible_to

    reference = visible_to(request.user).filter(pk=pk).values_list("reference", flat=True).first()
    if reference is None:
        raise Http404
    return redirect("cases:detail", reference=reference)


@require_perm("cases.transition_case")
@require_POST
def case_transition(request: HttpRequest, reference: str, name: str) -> HttpResponse:
    # The action reads and locks the whole row; the view needs only the key.
    case = get_case(request, reference, key_only=True)
    inputs = {
        k: str(v) for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "version")
    }
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        expected = None
    try:
        case = actions.do_transition(
            case=case,
            transition=name,
            actor=request.user,
            inputs=inputs,
            expected_version=expected,
            request=request,
        )
    except TransitionRefused as refused:
        if refused.forbidden:
            raise Http404 from None
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect(case)
    except Conflict as conflict:
        transition = case.case_type_obj.workflow.transition(name)
        return render(
            request,
            "cases/conflict.html",
            {
                "title": _("This case was changed meanwhile"),
                "case": conflict.case,
                "changes": changes_since(request.user, conflict.case, conflict.expected_version),
                "transition": transition,
                "inputs": inputs,
                "still_possible": transition in available_transitions(conflict.case, request.user),
            },
            status=409,
        )
    messages.success(
        request,
        _("%(reference)s is now “%(status)s”.")
        % {"reference": case.reference, "status": case.status_label},
    )
    return redirect(case)


@require_perm("cases.comment_case")
@require_POST
def case_comment(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case(request, reference)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            actions.do_comment(
                case=case,
                actor=request.user,
                text=form.cleaned_data["text"],
                is_public=form.cleaned_data["is_public"],
                request=request,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except TransitionRefused as refused:
            for reason in refused.reasons:
                messages.error(request, reason)
        else:
            messages.success(request, _("Your comment was added."))
    else:
        messages.error(request, _("Please write a comment."))
    return redirect(case)


@require_perm("cases.change_case")
def case_edit(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case(request, reference)
    if request.method != "POST":
        form = CaseEditForm(
            initial={
                "version": case.version,
                "title": case.title,
                "priority": case.priority,
                "due_date": case.due_date,
                "division": case.division,
                "assignee": case.assignee,
            }
        )
        return render(
            request, "cases/case_edit.html", {"title": _("Edit case"), "case": case, "form": form}
        )
    form = CaseEditForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "cases/case_edit.html",
            {"title": _("Edit case"), "case": case, "form": form},
            status=400,
        )
    data = dict(form.cleaned_data)
    version = data.pop("version")
    try:
        actions.do_update_case(
            case=case, actor=request.user, changes=data, expected_version=version, request=request
        )
    except Conflict as conflict:
        current = conflict.case
        reapply = CaseEditForm(initial={**data, "version": current.version})
        mine = {
            name: (getattr(current, name), value)
            for name, value in data.items()
            if getattr(current, name) != value
        }
        return render(
            request,
            "cases/conflict.html",
            {
                "title": _("This case was changed meanwhile"),
                "case": current,
                "changes": changes_since(request.user, current, version),
                "form": reapply,
                "mine": [(reapply.fields[k].label, cur, new) for k, (cur, new) in mine.items()],
            },
            status=409,
        )
    messages.success(request, _("The case was saved."))
    return redirect(case)


@require_perm("cases.attach_file")
@require_POST
def attachment_upload(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case(request, reference)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Please choose a file."))
        return redirect(case)
    upload = form.cleaned_data["file"]
    try:
        actions.do_add_attachment(
            case=case,
            actor=request.user,
            upload=upload,
            name=upload.name,
            is_public=form.cleaned_data["is_public"],
            request=request,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The file was attached."))
    return redirect(case)


@require_perm("cases.view_case")
def attachment_download(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case(request, reference)
    files = Attachment.objects.filter(case=case)
    if not is_case_staff(request.user):
        files = files.filter(is_public=True)
    attachment = files.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    actions.do_record_download(attachment=attachment, actor=request.user, request=request)
    return FileResponse(  # type: ignore[return-value]
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
