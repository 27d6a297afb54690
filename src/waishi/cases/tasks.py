"""Background tasks of the case kernel (run by ``db_worker``; at once in tests)."""

from django.tasks import task

from .clocks import sweep_clocks


@task
def sweep_deadlines_task() -> dict[str, int]:
    """Send due reminders and escalations and disable dormant accounts (the same work as
    ``waishi sweep_deadlines``)."""
    from waishi.accounts.actions import do_disable_dormant_accounts

    result = sweep_clocks()
    dormant = do_disable_dormant_accounts()
    return {"reminded": result.reminded, "escalated": result.escalated, "dormant": dormant}


@task
def export_cases(job_id: int) -> None:
    """Write the XLSX file of a large export."""
    from .export import run_export_job

    run_export_job(job_id)


@task
def render_official_document(document_id: int) -> str:
    """Draw and store the PDF of an issued official document; returns its SHA-256."""
    from .documents import do_render_document

    document = do_render_document(document_id=document_id)
    return document.sha256 if document is not None else ""
