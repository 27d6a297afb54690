"""Sending a case's step to an outside body, recording the answer, withdrawing (POST only)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waishi.core.views import require_perm

from .. import steps
from ..forms import StepAnswerForm, StepSendForm, StepWithdrawForm
from ..workflow import TransitionRefused
from .case import get_case


def _form_errors(
    request: HttpRequest, form: StepSendForm | StepAnswerForm | StepWithdrawForm
) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def _run(request: HttpRequest, case: Any, action: Callable[[], object], done: str) -> HttpResponse:
    """Run a step action; its refusal is shown as messages, then back to the case page."""
    try:
        action()
    except TransitionRefused as refused:
        # Someone who may see the case but not keep its steps learns nothing more than a
        # visitor to a case that does not exist.
        if refused.forbidden:
            raise Http404 from None
        for reason in refused.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, done)
    return redirect(case)


@require_perm("cases.change_case")
@require_POST
def step_send(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_case(request, reference)
    form = StepSendForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(case)
    data = form.cleaned_data
    return _run(
        request,
        case,
        lambda: steps.do_send_step(
            case=case,
            actor=request.user,
            body=data["body"],
            body_name=data["body_name"],
            request_text=data["request_text"],
            sent_on=data["sent_on"],
            due=steps.Due(unit=data["due_unit"], count=data["due_in"], on=data["due_on"]),
            their_reference=data["their_reference"],
            idempotency_key=data["idempotency_key"],
            request=request,
        ),
        _("The step was recorded."),
    )


@require_perm("cases.change_case")
@require_POST
def step_answer(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case(request, reference)
    form = StepAnswerForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(case)
    data = form.cleaned_data
    upload = data["file"] or None
    return _run(
        request,
        case,
        lambda: steps.do_record_answer(
            case=case,
            step_pk=pk,
            actor=request.user,
            answered_on=data["answered_on"],
            answer_text=data["answer_text"],
            their_reference=data["their_reference"],
            upload=upload,
            upload_name=upload.name if upload is not None else "",
            expected_version=data["version"],
            idempotency_key=data["idempotency_key"],
            request=request,
        ),
        _("The answer was recorded."),
    )


@require_perm("cases.change_case")
@require_POST
def step_withdraw(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    case = get_case(request, reference)
    form = StepWithdrawForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(case)
    data = form.cleaned_data
    return _run(
        request,
        case,
        lambda: steps.do_withdraw_step(
            case=case,
            step_pk=pk,
            actor=request.user,
            reason=data["reason"],
            expected_version=data["version"],
            idempotency_key=data["idempotency_key"],
            request=request,
        ),
        _("The step was withdrawn."),
    )
