"""The system administrator's screen of background tasks that failed or were left running."""

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .task_leases import do_rerun_task, task_model, tasks_needing_attention
from .views import require_perm


@require_perm("core.manage_tasks")
def tasks(request: HttpRequest) -> HttpResponse:
    """Failed tasks and tasks stuck past their lease, newest first, each with what went wrong."""
    now = timezone.now()
    rows = []
    for task in tasks_needing_attention(now=now):
        lease = getattr(task, "lease", None)
        error_lines = [line for line in (task.traceback or "").strip().splitlines() if line]
        rows.append(
            {
                "id": task.pk,
                "task": task.task_path.rsplit(".", 1)[-1],
                "path": task.task_path,
                "status": task.status,
                "arguments": task.args_kwargs,
                "error": task.exception_class_path.rsplit(".", 1)[-1],
                "detail": error_lines[-1] if error_lines else "",
                "attempts": lease.attempts if lease else 1,
                "enqueued_at": task.enqueued_at,
            }
        )
    return render(request, "core/tasks.html", {"title": _("Background tasks"), "rows": rows})


@require_perm("core.manage_tasks")
@require_POST
def task_rerun(request: HttpRequest, task_id: uuid.UUID) -> HttpResponse:
    try:
        task = do_rerun_task(actor=request.user, task_id=task_id, request=request)
    except task_model().DoesNotExist as error:
        raise Http404 from error
    messages.success(
        request, _("The task %(task)s is queued to run again.") % {"task": task.task_path}
    )
    return redirect("core:tasks")
