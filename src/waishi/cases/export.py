"""Case lists as XLSX: small ones written in the request, large ones by a background task.

Exports list case header fields only (no personal data), always through ``visible_to`` of
the person who asked, so an export never shows more than their own list does.
"""

import datetime
import io
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from waishi.audit.actions import log_action
from waishi.core.spreadsheets import safe_row
from waishi.core.tasks import enqueue_in_transaction

from .constants import ExportStatus
from .forms import CaseFilterForm
from .inbox import apply_filters
from .models import Case, ExportJob

BATCH = 500


def inline_limit() -> int:
    """Up to this many rows are exported in the request; more go to a background task."""
    return int(getattr(settings, "WAISHI_CASES_EXPORT_INLINE_ROWS", 2000))


def cleaned_filters(user: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    form = CaseFilterForm(data, with_agency=True)
    return dict(form.cleaned_data) if form.is_valid() else {}


def export_queryset(user: Any, data: Mapping[str, Any]) -> Any:
    return (
        apply_filters(user, cleaned_filters(user, data))
        .select_related("agency", "division", "assignee")
        .order_by("-updated_at", "-id")
    )


def headers() -> list[str]:
    return [
        _("Reference number"),
        _("Case type"),
        _("Title"),
        _("Status"),
        _("Agency"),
        _("Owning division"),
        _("Assignee"),
        _("Due date"),
        _("Updated at"),
    ]


def row(case: Case) -> list[Any]:
    kind = case.case_type_obj
    return [
        case.reference,
        str(kind.label),
        case.title,
        str(kind.workflow.state_label(case.status)),
        str(case.agency or ""),
        str(case.division) if case.division_id else "",
        case.assignee.display_name if case.assignee_id else "",  # type: ignore[union-attr]
        case.due_date,
        timezone.localtime(case.updated_at).replace(tzinfo=None),
    ]


def write_xlsx(cases: Iterable[Case], progress: Callable[[int], None] | None = None) -> bytes:
    """The workbook's bytes; ``progress(n)`` is called after every batch of rows."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Cases"))
    sheet.append(headers())
    written = 0
    for case in cases:
        sheet.append(safe_row(row(case)))
        written += 1
        if progress is not None and written % BATCH == 0:
            progress(written)
    buffer = io.BytesIO()
    book.save(buffer)
    if progress is not None:
        progress(written)
    return buffer.getvalue()


def count_up_to(queryset: Any, limit: int) -> int:
    """How many rows, counting no further than ``limit + 1`` (never the whole table)."""
    return int(queryset[: limit + 1].count())


def run_export_job(job_id: int) -> None:
    """Write the file of one export job, updating its progress as it goes."""
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    if job.status == ExportStatus.DONE:
        return
    cases = export_queryset(job.user, job.filters)
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING, total=cases.count())

    def progress(done: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(done=done)

    try:
        content = write_xlsx(cases.iterator(chunk_size=BATCH), progress)
    except Exception:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED)
        raise
    with transaction.atomic():
        job.refresh_from_db()
        job.file.save(f"cases-{job.pk}.xlsx", ContentFile(content), save=False)
        job.status = ExportStatus.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["file", "status", "finished_at"])


def do_start_export(*, actor: Any, data: Mapping[str, Any], request: Any = None) -> ExportJob:
    """Queue a background export of the list ``data`` describes (checked by the view)."""
    from .tasks import export_cases

    filters = {k: v for k, v in data.items() if k in CaseFilterForm.base_fields and v}
    with transaction.atomic():
        job = ExportJob.objects.create(user=actor, filters=filters)
        log_action(
            action="cases.case.export",
            actor=actor,
            object_type="cases.exportjob",
            object_id=str(job.pk),
            after={"filters": filters, "background": True},
            request=request,
        )
        enqueue_in_transaction(export_cases, job.pk)
    return job


def give_up_after() -> datetime.timedelta:
    """A background export not finished this long after it was asked for is given up."""
    return datetime.timedelta(minutes=int(getattr(settings, "WAISHI_CASES_EXPORT_MINUTES", 60)))


def _task_failed(job: ExportJob) -> bool:
    """Whether the job's background task ended failed (an error, or killed too often)."""
    from django_tasks_db.models import DBTaskResult

    from .tasks import export_cases

    return DBTaskResult.objects.filter(
        task_path=export_cases.module_path, status="FAILED", args_kwargs__args=[job.pk]
    ).exists()


def settle_export(job: ExportJob, *, now: datetime.datetime | None = None) -> ExportJob:
    """Mark a waiting or running job failed when its task failed or it has run too long.

    Its progress page then says so and offers to try again instead of waiting for ever.
    """
    if job.status not in (ExportStatus.PENDING, ExportStatus.RUNNING):
        return job
    now = now or timezone.now()
    if job.created_at > now - give_up_after() and not _task_failed(job):
        return job
    ExportJob.objects.filter(pk=job.pk, status=job.status).update(
        status=ExportStatus.FAILED, finished_at=now
    )
    job.refresh_from_db()
    return job


def do_retry_export(*, actor: Any, job: ExportJob, request: Any = None) -> ExportJob:
    """Ask again for a failed export: a new job with the same filters (its owner only)."""
    if job.user_id != actor.pk or job.status != ExportStatus.FAILED:
        raise ValueError("Only its owner retries a failed export")
    return do_start_export(actor=actor, data=job.filters, request=request)


def record_inline_export(*, actor: Any, data: Mapping[str, Any], rows: int, request: Any) -> None:
    log_action(
        action="cases.case.export",
        actor=actor,
        object_type="cases.case",
        after={
            "filters": {k: v for k, v in data.items() if k in CaseFilterForm.base_fields and v},
            "rows": rows,
        },
        request=request,
    )
